import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { NotFoundError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Response } from 'express';
import { KassaError } from '../errors';
import { ErrorBody, errorBody } from './error-body';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/** Turns anything thrown into the documented error shape. Unknown errors are logged and become 500. */
export function toErrorBody(error: unknown, logger: Logger): ErrorBody {
  if (error instanceof KassaError) {
    return errorBody(error.status, error.code, error.message, error.details);
  }
  if (error instanceof NotFoundError) {
    return errorBody(404, 'NOT_FOUND', error.message);
  }
  if (error instanceof UniqueConstraintViolationException) {
    return errorBody(409, 'CONFLICT', 'A record with the same unique value already exists');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : error.message;
    return errorBody(status, HTTP_CODES[status] ?? `HTTP_${status}`, message);
  }
  const bodyParserError = asBodyParserError(error);
  if (bodyParserError) return bodyParserError;
  logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
  return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'Something went wrong on our side');
}

/** body-parser reports malformed and oversized bodies with a `type` and a 4xx `status`. */
function asBodyParserError(error: unknown): ErrorBody | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error) || !('status' in error)) return undefined;
  const { type, status } = error as { type: unknown; status: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  switch (type) {
    case 'entity.parse.failed':
      return errorBody(400, 'MALFORMED_JSON', 'The request body is not valid JSON', [
        { field: 'body', reason: 'is not valid JSON' },
      ]);
    case 'entity.too.large':
      return errorBody(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large', [
        { field: 'body', reason: 'is larger than the server accepts' },
      ]);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported');
    default:
      return errorBody(status, HTTP_CODES[status] ?? `HTTP_${status}`, 'The request body could not be read');
  }
}

@Catch()
export class KassaExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(error, this.logger);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }
}
