import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { RenderedJson } from './storefront-catalog.service';

/**
 * Sends a pre-rendered JSON answer as it is: 304 when the client already has it (ETag), gzip
 * when the client accepts it, the plain bytes otherwise. Nothing is serialised per request.
 */
@Injectable()
export class RenderedJsonInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<StreamableFile> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((rendered: RenderedJson) => {
        const etag = rendered.etag;
        response.setHeader('ETag', etag);
        response.setHeader('Cache-Control', 'no-cache');
        response.setHeader('Vary', 'Accept-Encoding');
        if (request.headers['if-none-match'] === etag) {
          response.status(304);
          return new StreamableFile(Buffer.alloc(0));
        }
        const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
        const body = gzip ? rendered.gzip() : rendered.body;
        if (gzip) response.setHeader('Content-Encoding', 'gzip');
        return new StreamableFile(body, { type: 'application/json; charset=utf-8', length: body.length });
      }),
    );
  }
}
