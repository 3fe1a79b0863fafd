import { Inject, Injectable } from '@nestjs/common';
import { PaymentOutcomes } from '../payment-outcomes';
import type { PaymentRow } from '../payment-ledger.repository';
import { PaymentsError } from '../payments.errors';
import { PAYMENTS_OPTIONS, PaymentsOptions } from '../payments.options';
import type { PaymentSummary } from '../payments.types';
import type { PaymentProvider, ProviderResult, ProviderStart } from './payment-provider';

/** Where the storefront sends the customer; under the app's global prefix. */
const TEST_ROUTES = '/api/v1/payments/test';

/**
 * A provider with no outside party, for development and tests: the customer approves or
 * declines through two endpoints, and refunds happen at once. Offered only when enabled.
 */
@Injectable()
export class TestPaymentProvider implements PaymentProvider {
  readonly method = 'test' as const;

  constructor(
    @Inject(PAYMENTS_OPTIONS) private readonly options: PaymentsOptions,
    private readonly outcomes: PaymentOutcomes,
  ) {}

  get enabled(): boolean {
    return this.options.testPayments;
  }

  offeredAt(): boolean {
    return this.enabled;
  }

  async start(payment: PaymentRow): Promise<ProviderStart> {
    return {
      nextAction: {
        type: 'test_approval',
        approveUrl: `${TEST_ROUTES}/${payment.id}/approve`,
        declineUrl: `${TEST_ROUTES}/${payment.id}/decline`,
      },
      providerReference: null,
    };
  }

  async cancel(): Promise<ProviderResult> {
    return {};
  }

  async refund(): Promise<ProviderResult> {
    return {};
  }

  /** The customer approved at the (pretend) provider's page. */
  approve(paymentId: string): Promise<PaymentSummary> {
    if (!this.enabled) throw PaymentsError.testPaymentsDisabled();
    return this.outcomes.captured(paymentId, { method: this.method, actor: 'customer' });
  }

  /** The customer declined, or the card was refused. */
  decline(paymentId: string): Promise<PaymentSummary> {
    if (!this.enabled) throw PaymentsError.testPaymentsDisabled();
    return this.outcomes.failed(paymentId, { method: this.method, actor: 'customer' });
  }
}
