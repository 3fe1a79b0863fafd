import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum StoresErrorCode {
  STORE_NOT_FOUND = 'STORE_NOT_FOUND',
  INVALID_STORE_SETTINGS = 'INVALID_STORE_SETTINGS',
  SLUG_TAKEN = 'SLUG_TAKEN',
}

const STATUS: Record<StoresErrorCode, ErrorStatus> = {
  [StoresErrorCode.STORE_NOT_FOUND]: 404,
  [StoresErrorCode.INVALID_STORE_SETTINGS]: 400,
  [StoresErrorCode.SLUG_TAKEN]: 409,
};

export class StoresError extends KassaError<StoresErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static notFound(id: string): StoresError {
    return new StoresError(StoresErrorCode.STORE_NOT_FOUND, `Store ${id} was not found`);
  }

  static invalid(details: FieldProblem[]): StoresError {
    return new StoresError(
      StoresErrorCode.INVALID_STORE_SETTINGS,
      `Invalid store settings: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }
}
