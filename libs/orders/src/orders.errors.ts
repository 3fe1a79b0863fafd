import { ErrorStatus, KassaError } from '@kassa/shared';

export enum OrdersErrorCode {
  ORDER_NOT_FOUND = 'ORDER_NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  ORDER_EXPIRED = 'ORDER_EXPIRED',
  INVALID_IDEMPOTENCY_KEY = 'INVALID_IDEMPOTENCY_KEY',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_KEY_IN_USE = 'IDEMPOTENCY_KEY_IN_USE',
  PICKUP_CODE_INVALID = 'PICKUP_CODE_INVALID',
  PICKUP_CODE_LOCKED = 'PICKUP_CODE_LOCKED',
  REFUND_INVALID = 'REFUND_INVALID',
  ORDER_NOT_PAID = 'ORDER_NOT_PAID',
}

const STATUS: Record<OrdersErrorCode, ErrorStatus> = {
  [OrdersErrorCode.ORDER_NOT_FOUND]: 404,
  [OrdersErrorCode.INVALID_TRANSITION]: 409,
  [OrdersErrorCode.ORDER_EXPIRED]: 409,
  [OrdersErrorCode.INVALID_IDEMPOTENCY_KEY]: 400,
  [OrdersErrorCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [OrdersErrorCode.IDEMPOTENCY_KEY_IN_USE]: 409,
  [OrdersErrorCode.PICKUP_CODE_INVALID]: 422,
  [OrdersErrorCode.PICKUP_CODE_LOCKED]: 409,
  [OrdersErrorCode.REFUND_INVALID]: 422,
  [OrdersErrorCode.ORDER_NOT_PAID]: 409,
};

export class OrdersError extends KassaError<OrdersErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static notFound(id: string): OrdersError {
    return new OrdersError(OrdersErrorCode.ORDER_NOT_FOUND, `Order ${id} was not found`);
  }

  static field(code: OrdersErrorCode, field: string, reason: string, message = `${field}: ${reason}`): OrdersError {
    return new OrdersError(code, message, [{ field, reason }]);
  }
}
