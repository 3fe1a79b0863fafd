import type { NextFunction, Request, Response } from 'express';
import { Histogram, register } from 'prom-client';

const httpDuration =
  (register.getSingleMetric('kassa_http_request_duration_seconds') as Histogram<'method' | 'route' | 'status'> | undefined) ??
  new Histogram({
    name: 'kassa_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });

/** Records each request under its route pattern (`/api/v1/admin/stores/:id`), never the raw URL. */
export function httpMetrics(request: Request, response: Response, next: NextFunction): void {
  const stop = httpDuration.startTimer();
  response.on('finish', () => {
    const route = (request.route as { path?: string } | undefined)?.path;
    stop({ method: request.method, route: route ? `${request.baseUrl}${route}` : 'unmatched', status: String(response.statusCode) });
  });
  next();
}
