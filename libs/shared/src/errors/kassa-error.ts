/** One reason a field was refused, as shown to API clients. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** HTTP statuses a domain error may map to. Anything else is a bug, not a domain outcome. */
export type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 502 | 503;

/**
 * Base of every error a lib throws on purpose. Libs subclass it with their own code enum and an
 * exhaustive `Record<Code, ErrorStatus>` so adding a code without a status fails to compile.
 * Controllers never throw HttpException; the global filter maps these.
 */
export abstract class KassaError<Code extends string = string> extends Error {
  abstract readonly status: ErrorStatus;

  constructor(
    readonly code: Code,
    message: string,
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
}

const COMMON_STATUS: Record<CommonErrorCode, ErrorStatus> = {
  [CommonErrorCode.VALIDATION_FAILED]: 400,
  [CommonErrorCode.NOT_FOUND]: 404,
  [CommonErrorCode.UNAUTHENTICATED]: 401,
  [CommonErrorCode.FORBIDDEN]: 403,
  [CommonErrorCode.CONFLICT]: 409,
};

export class CommonError extends KassaError<CommonErrorCode> {
  get status(): ErrorStatus {
    return COMMON_STATUS[this.code];
  }

  static notFound(what: string, id: string): CommonError {
    return new CommonError(CommonErrorCode.NOT_FOUND, `${what} ${id} was not found`);
  }

  static validation(details: readonly FieldProblem[]): CommonError {
    const summary = details.map((d) => `${d.field}: ${d.reason}`).join('; ');
    return new CommonError(CommonErrorCode.VALIDATION_FAILED, `Invalid input: ${summary}`, details);
  }
}
