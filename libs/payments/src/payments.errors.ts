import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum PaymentsErrorCode {
  PAYMENT_NOT_FOUND = 'PAYMENT_NOT_FOUND',
  PAYMENT_METHOD_UNAVAILABLE = 'PAYMENT_METHOD_UNAVAILABLE',
  PAYMENT_NOT_PENDING = 'PAYMENT_NOT_PENDING',
  PAYMENT_NOT_IN_STORE = 'PAYMENT_NOT_IN_STORE',
  TEST_PAYMENTS_DISABLED = 'TEST_PAYMENTS_DISABLED',
  INVALID_PAYMENT = 'INVALID_PAYMENT',
}

const STATUS: Record<PaymentsErrorCode, ErrorStatus> = {
  [PaymentsErrorCode.PAYMENT_NOT_FOUND]: 404,
  [PaymentsErrorCode.PAYMENT_METHOD_UNAVAILABLE]: 422,
  [PaymentsErrorCode.PAYMENT_NOT_PENDING]: 409,
  [PaymentsErrorCode.PAYMENT_NOT_IN_STORE]: 409,
  [PaymentsErrorCode.TEST_PAYMENTS_DISABLED]: 404,
  [PaymentsErrorCode.INVALID_PAYMENT]: 422,
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
}
