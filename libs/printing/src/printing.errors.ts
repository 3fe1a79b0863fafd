import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum PrintingErrorCode {
  STATION_NOT_FOUND = 'STATION_NOT_FOUND',
  PRINTER_NOT_FOUND = 'PRINTER_NOT_FOUND',
  PRINT_JOB_NOT_FOUND = 'PRINT_JOB_NOT_FOUND',
  INVALID_PRINTER = 'INVALID_PRINTER',
  COPY_ALREADY_PRINTED = 'COPY_ALREADY_PRINTED',
  JOB_NOT_HELD = 'JOB_NOT_HELD',
  JOB_ALREADY_PRINTED = 'JOB_ALREADY_PRINTED',
  INVALID_REROUTE = 'INVALID_REROUTE',
  PRINTER_HAS_JOBS = 'PRINTER_HAS_JOBS',
  CLOUDPRNT_TOKEN_INVALID = 'CLOUDPRNT_TOKEN_INVALID',
  CLOUDPRNT_NO_JOB = 'CLOUDPRNT_NO_JOB',
  CLOUDPRNT_MEDIA_TYPE = 'CLOUDPRNT_MEDIA_TYPE',
  NOT_CLOUDPRNT = 'NOT_CLOUDPRNT',
}

const STATUS: Record<PrintingErrorCode, ErrorStatus> = {
  [PrintingErrorCode.STATION_NOT_FOUND]: 404,
  [PrintingErrorCode.PRINTER_NOT_FOUND]: 404,
  [PrintingErrorCode.PRINT_JOB_NOT_FOUND]: 404,
  [PrintingErrorCode.INVALID_PRINTER]: 400,
  [PrintingErrorCode.COPY_ALREADY_PRINTED]: 409,
  [PrintingErrorCode.JOB_NOT_HELD]: 409,
  [PrintingErrorCode.JOB_ALREADY_PRINTED]: 409,
  [PrintingErrorCode.INVALID_REROUTE]: 422,
  [PrintingErrorCode.PRINTER_HAS_JOBS]: 409,
  [PrintingErrorCode.CLOUDPRNT_TOKEN_INVALID]: 401,
  [PrintingErrorCode.CLOUDPRNT_NO_JOB]: 404,
  [PrintingErrorCode.CLOUDPRNT_MEDIA_TYPE]: 415,
  [PrintingErrorCode.NOT_CLOUDPRNT]: 409,
};

export class PrintingError extends KassaError<PrintingErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static notFound(code: PrintingErrorCode, what: string, id: string): PrintingError {
    return new PrintingError(code, `${what} ${id} was not found`);
  }

  static invalidPrinter(details: FieldProblem[]): PrintingError {
    return new PrintingError(
      PrintingErrorCode.INVALID_PRINTER,
      `Invalid printer: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }
}
