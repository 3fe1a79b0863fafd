import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@kassa/shared';
import { PaymentsError } from '../payments.errors';
import { PAYMENT_METHODS, PaymentMethod } from '../payments.types';
import { PAYMENT_PROVIDERS, PaymentProvider } from './payment-provider';

/**
 * The adapters by method, and what each store offers: a method needs a configured adapter here
 * and, when the store has chosen its methods (StorePaymentMethods), to be among them.
 */
@Injectable()
export class PaymentProviders {
  private readonly byMethod: ReadonlyMap<PaymentMethod, PaymentProvider>;

  constructor(
    @Inject(PAYMENT_PROVIDERS) providers: PaymentProvider[],
    private readonly em: EntityManager,
  ) {
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
    const chosen = await this.chosenAt(storeId);
    if (chosen && !chosen.includes(provider.method)) throw PaymentsError.methodUnavailable(method);
    return provider;
  }

  /** What the store offers now, in PAYMENT_METHODS order. */
  async offeredAt(storeId: string): Promise<PaymentMethod[]> {
    return offeredOf(await this.configuredAt(storeId), await this.chosenAt(storeId));
  }

  /** The methods the store chose, or null when it offers everything configured. */
  async chosenAt(storeId: string): Promise<PaymentMethod[] | null> {
    if (!isUuid(storeId)) return null;
    // Every checkout asks: a plain read, no entity to hydrate and track (the admin's writes load their own).
    const [row] = await this.em.execute<Array<{ methods: PaymentMethod[] }>>('select methods from store_payment_methods where store_id = ?', [storeId]);
    return row?.methods ?? null;
  }

  /** What this server could offer at the store: a configured adapter that is on there. */
  async configuredAt(storeId: string): Promise<PaymentMethod[]> {
    const methods: PaymentMethod[] = [];
    for (const method of PAYMENT_METHODS) {
      const provider = this.byMethod.get(method);
      if (provider && (await provider.offeredAt(storeId))) methods.push(method);
    }
    return methods;
  }
}

/** The configured methods a store offers: those it chose, or all of them while it has not chosen. */
export function offeredOf(configured: readonly PaymentMethod[], chosen: readonly PaymentMethod[] | null): PaymentMethod[] {
  return chosen ? configured.filter((method) => chosen.includes(method)) : [...configured];
}
