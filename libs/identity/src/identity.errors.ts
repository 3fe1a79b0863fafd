import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum IdentityErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  INVALID_TOKEN = 'INVALID_TOKEN',
  FORBIDDEN_ROLE = 'FORBIDDEN_ROLE',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_USER = 'INVALID_USER',
  NO_ACCESS_RULE = 'NO_ACCESS_RULE',
}

const STATUS: Record<IdentityErrorCode, ErrorStatus> = {
  [IdentityErrorCode.INVALID_CREDENTIALS]: 401,
  [IdentityErrorCode.ACCOUNT_LOCKED]: 423,
  [IdentityErrorCode.INVALID_TOKEN]: 401,
  [IdentityErrorCode.FORBIDDEN_ROLE]: 403,
  [IdentityErrorCode.USER_NOT_FOUND]: 404,
  [IdentityErrorCode.EMAIL_TAKEN]: 409,
  [IdentityErrorCode.INVALID_USER]: 422,
  [IdentityErrorCode.NO_ACCESS_RULE]: 403,
};

export class IdentityError extends KassaError<IdentityErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static invalidCredentials(): IdentityError {
    return new IdentityError(IdentityErrorCode.INVALID_CREDENTIALS, 'Wrong e-mail or password');
  }

  static invalidToken(reason: string): IdentityError {
    return new IdentityError(IdentityErrorCode.INVALID_TOKEN, reason);
  }

  static userNotFound(id: string): IdentityError {
    return new IdentityError(IdentityErrorCode.USER_NOT_FOUND, `User ${id} was not found`);
  }

  static invalidUser(details: FieldProblem[]): IdentityError {
    return new IdentityError(
      IdentityErrorCode.INVALID_USER,
      details.map((d) => `${d.field}: ${d.reason}`).join('; '),
      details,
    );
  }
}
