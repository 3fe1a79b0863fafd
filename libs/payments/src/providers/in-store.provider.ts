import { Injectable } from '@nestjs/common';
import type { PaymentProvider, ProviderResult, ProviderStart } from './payment-provider';

/**
 * Pay at the counter on pickup: nothing happens until staff hand the order over and take the
 * money (PaymentsService.collectInStore). A refund is money given back at the counter.
 */
@Injectable()
export class InStorePaymentProvider implements PaymentProvider {
  readonly method = 'in_store' as const;

  offeredAt(): boolean {
    return true;
  }

  async start(): Promise<ProviderStart> {
    return { nextAction: { type: 'pay_in_store' }, providerReference: null };
  }

  async cancel(): Promise<ProviderResult> {
    return {};
  }

  async refund(): Promise<ProviderResult> {
    return {};
  }
}
