import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum PaymentsErrorCode {
  PAYMENT_NOT_FOUND = 'PAYMENT_NOT_FOUND',
  PAYMENT_METHOD_UNAVAILABLE = 'PAYMENT_METHOD_UNAVAILABLE',
  PAYMENT_NOT_PENDING = 'PAYMENT_NOT_PENDING',
  PAYMENT_NOT_IN_STORE = 'PAYMENT_NOT_IN_STORE',
  TEST_PAYMENTS_DISABLED = 'TEST_PAYMENTS_DISABLED',
  INVALID_PAYMENT = 'INVALID_PAYMENT',
  PAYMENT_DECLINED = 'PAYMENT_DECLINED',
  PAYMENT_PROVIDER_UNAVAILABLE = 'PAYMENT_PROVIDER_UNAVAILABLE',
  PAYMENT_PROVIDER_NOT_CONFIGURED = 'PAYMENT_PROVIDER_NOT_CONFIGURED',
  PAYMENT_WEBHOOK_INVALID = 'PAYMENT_WEBHOOK_INVALID',
  PAYMENT_REFUND_TOO_LARGE = 'PAYMENT_REFUND_TOO_LARGE',
  RECONCILIATION_DATE_INVALID = 'RECONCILIATION_DATE_INVALID',
}

const STATUS: Record<PaymentsErrorCode, ErrorStatus> = {
  [PaymentsErrorCode.PAYMENT_NOT_FOUND]: 404,
  [PaymentsErrorCode.PAYMENT_METHOD_UNAVAILABLE]: 422,
  [PaymentsErrorCode.PAYMENT_NOT_PENDING]: 409,
  [PaymentsErrorCode.PAYMENT_NOT_IN_STORE]: 409,
  [PaymentsErrorCode.TEST_PAYMENTS_DISABLED]: 404,
  [PaymentsErrorCode.INVALID_PAYMENT]: 422,
  [PaymentsErrorCode.PAYMENT_DECLINED]: 402,
  [PaymentsErrorCode.PAYMENT_PROVIDER_UNAVAILABLE]: 502,
  [PaymentsErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED]: 404,
  [PaymentsErrorCode.PAYMENT_WEBHOOK_INVALID]: 400,
  [PaymentsErrorCode.PAYMENT_REFUND_TOO_LARGE]: 422,
  [PaymentsErrorCode.RECONCILIATION_DATE_INVALID]: 400,
};

export class PaymentsError extends KassaError<PaymentsErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static notFound(paymentId: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PAYMENT_NOT_FOUND, `Payment ${paymentId} was not found`);
  }

  static methodUnavailable(method: string): PaymentsError {
    const reason = 'is not offered by this store';
    return new PaymentsError(PaymentsErrorCode.PAYMENT_METHOD_UNAVAILABLE, `The payment method "${method}" ${reason}`, [
      { field: 'payment.method', reason },
    ]);
  }

  static notPending(paymentId: string, status: string, wanted: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PAYMENT_NOT_PENDING, `Payment ${paymentId} is ${status} and cannot be ${wanted}`);
  }

  static notInStore(paymentId: string, method: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PAYMENT_NOT_IN_STORE, `Payment ${paymentId} is paid by ${method}, not in store`);
  }

  static testPaymentsDisabled(): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.TEST_PAYMENTS_DISABLED, 'Test payments are not enabled on this server');
  }

  /** A caller (orders) handed in something no payment can be made of: a bug upstream, said plainly. */
  static invalid(details: FieldProblem[]): PaymentsError {
    return new PaymentsError(
      PaymentsErrorCode.INVALID_PAYMENT,
      `Invalid payment: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }

  /** The provider refused the payment or the refund (card declined, Swish DECLINED); `reason` is the provider's code. */
  static declined(method: string, reason: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PAYMENT_DECLINED, `The ${method} payment was declined: ${reason}`, [
      { field: 'payment', reason },
    ]);
  }

  /** The provider timed out, answered 5xx, or refused our call; names no secret. */
  static providerUnavailable(method: string, reason: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, `The ${method} provider could not be reached: ${reason}`);
  }

  static providerNotConfigured(method: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PAYMENT_PROVIDER_NOT_CONFIGURED, `The ${method} provider is not configured on this server`);
  }

  /** A webhook or callback that does not prove it came from the provider; nothing was changed. */
  static webhookInvalid(method: string, reason: string): PaymentsError {
    return new PaymentsError(PaymentsErrorCode.PAYMENT_WEBHOOK_INVALID, `Rejected ${method} webhook: ${reason}`, [
      { field: 'webhook', reason },
    ]);
  }

  static refundTooLarge(paymentId: string, amount: number, refundable: number): PaymentsError {
    const reason = `must be a whole number of minor units from 1 to ${refundable}`;
    return new PaymentsError(PaymentsErrorCode.PAYMENT_REFUND_TOO_LARGE, `Cannot refund ${amount} of payment ${paymentId}: at most ${refundable} is left`, [
      { field: 'amount', reason },
    ]);
  }

  static reconciliationDateInvalid(): PaymentsError {
    const reason = 'must be a calendar date YYYY-MM-DD';
    return new PaymentsError(PaymentsErrorCode.RECONCILIATION_DATE_INVALID, `date ${reason}`, [{ field: 'date', reason }]);
  }
}
