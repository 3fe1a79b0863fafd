import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './error-body';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * JSON is the only body the API reads; anything else is a 415 naming the content type, so a
 * client posting a form or text learns why instead of getting "field is required".
 */
export function requireJsonBodies(exemptPath: (path: string) => boolean = () => false) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!WITH_BODY.has(request.method) || !hasBody || exemptPath(request.path) || request.is('application/json')) {
      next();
      return;
    }
    const type = request.headers['content-type'] ?? 'none';
    response
      .status(415)
      .json(
        errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as application/json, not ${type}`, [
          { field: 'content-type', reason: 'must be application/json' },
        ]),
      );
  };
}
