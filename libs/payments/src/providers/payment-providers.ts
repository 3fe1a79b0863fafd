import { Inject, Injectable } from '@nestjs/common';
import { PaymentsError } from '../payments.errors';
import { PAYMENT_METHODS, PaymentMethod } from '../payments.types';
import { PAYMENT_PROVIDERS, PaymentProvider } from './payment-provider';

/** The adapters by method. A method without one (swish, klarna, card for now) is not offered anywhere. */
@Injectable()
export class PaymentProviders {
  private readonly byMethod: ReadonlyMap<PaymentMethod, PaymentProvider>;

  constructor(@Inject(PAYMENT_PROVIDERS) providers: PaymentProvider[]) {
    this.byMethod = new Map(providers.map((p) => [p.method, p]));
  }

  /** The adapter of an existing payment's method, whether or not it is still offered. */
  of(method: PaymentMethod): PaymentProvider {
    const provider = this.byMethod.get(method);
    if (!provider) throw PaymentsError.methodUnavailable(method);
    return provider;
  }

  /** The adapter of a method, if one is registered. */
  find(method: PaymentMethod): PaymentProvider | undefined {
    return this.byMethod.get(method);
  }

  /** The adapter to start a payment with at a store; PAYMENT_METHOD_UNAVAILABLE (422) if not offered there. */
  async offered(storeId: string, method: string): Promise<PaymentProvider> {
    const provider = this.byMethod.get(method as PaymentMethod);
    if (!provider || !(await provider.offeredAt(storeId))) throw PaymentsError.methodUnavailable(method);
    return provider;
  }

  /** What the store offers now, in PAYMENT_METHODS order. */
  async offeredAt(storeId: string): Promise<PaymentMethod[]> {
    const methods: PaymentMethod[] = [];
    for (const method of PAYMENT_METHODS) {
      const provider = this.byMethod.get(method);
      if (provider && (await provider.offeredAt(storeId))) methods.push(method);
    }
    return methods;
  }
}
