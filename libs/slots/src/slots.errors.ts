import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum SlotsErrorCode {
  SLOT_FULL = 'SLOT_FULL',
  STORE_CLOSED = 'STORE_CLOSED',
  ORDERING_PAUSED = 'ORDERING_PAUSED',
  SLOT_TOO_EARLY = 'SLOT_TOO_EARLY',
  SLOT_TOO_FAR_AHEAD = 'SLOT_TOO_FAR_AHEAD',
  SLOT_NOT_FOUND = 'SLOT_NOT_FOUND',
  INVALID_SLOT = 'INVALID_SLOT',
  HOLD_NOT_FOUND = 'HOLD_NOT_FOUND',
  HOLD_CLOSED = 'HOLD_CLOSED',
  HOLD_EXPIRED = 'HOLD_EXPIRED',
  INVALID_SCHEDULE = 'INVALID_SCHEDULE',
  EXCEPTION_NOT_FOUND = 'EXCEPTION_NOT_FOUND',
  EXCEPTION_DATE_TAKEN = 'EXCEPTION_DATE_TAKEN',
  CAPACITY_RULE_NOT_FOUND = 'CAPACITY_RULE_NOT_FOUND',
  STORE_NOT_FOUND = 'STORE_NOT_FOUND',
}

const STATUS: Record<SlotsErrorCode, ErrorStatus> = {
  [SlotsErrorCode.SLOT_FULL]: 409,
  [SlotsErrorCode.STORE_CLOSED]: 422,
  [SlotsErrorCode.ORDERING_PAUSED]: 422,
  [SlotsErrorCode.SLOT_TOO_EARLY]: 422,
  [SlotsErrorCode.SLOT_TOO_FAR_AHEAD]: 422,
  [SlotsErrorCode.SLOT_NOT_FOUND]: 422,
  [SlotsErrorCode.INVALID_SLOT]: 422,
  [SlotsErrorCode.HOLD_NOT_FOUND]: 404,
  [SlotsErrorCode.HOLD_CLOSED]: 409,
  [SlotsErrorCode.HOLD_EXPIRED]: 409,
  [SlotsErrorCode.INVALID_SCHEDULE]: 400,
  [SlotsErrorCode.EXCEPTION_NOT_FOUND]: 404,
  [SlotsErrorCode.EXCEPTION_DATE_TAKEN]: 409,
  [SlotsErrorCode.CAPACITY_RULE_NOT_FOUND]: 404,
  [SlotsErrorCode.STORE_NOT_FOUND]: 404,
};

export class SlotsError extends KassaError<SlotsErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static full(slotStart: string, reason: string): SlotsError {
    return new SlotsError(SlotsErrorCode.SLOT_FULL, `The pickup slot ${slotStart} ${reason}`, [{ field: 'slotStart', reason }]);
  }

  static invalidSlot(details: FieldProblem[]): SlotsError {
    return new SlotsError(
      SlotsErrorCode.INVALID_SLOT,
      `Invalid slot request: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }

  static invalidSchedule(details: FieldProblem[]): SlotsError {
    return new SlotsError(
      SlotsErrorCode.INVALID_SCHEDULE,
      `Invalid pickup settings: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }

  static slot(code: SlotsErrorCode, slotStart: string, reason: string): SlotsError {
    return new SlotsError(code, `The pickup slot ${slotStart} ${reason}`, [{ field: 'slotStart', reason }]);
  }

  static notFound(code: SlotsErrorCode, what: string, id: string): SlotsError {
    return new SlotsError(code, `${what} ${id} was not found`);
  }
}
