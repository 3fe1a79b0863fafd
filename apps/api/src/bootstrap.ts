import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/core';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ErrorBody, errorBody, kassaValidationPipe, KassaExceptionFilter, requireJsonBodies, toErrorBody } from '@kassa/shared';
import { DemoCatalogue } from '@kassa/catalog';
import { FirstStartFlow, FirstStartResult } from '@kassa/identity';
import { httpMetrics, KassaIoAdapter, migrate } from '@kassa/platform';
import { AppModule, ModuleImport } from './app.module';
import { KassaConfig } from './config/kassa-config';

export const API_PREFIX = 'api/v1';

/**
 * Creates the app, brings the schema up to date, starts workers and runs first-start seeding.
 * `main.ts` and every e2e test go through here, so tests boot what production boots.
 */
export async function createApp(
  config: KassaConfig,
  extraImports: ModuleImport[] = [],
): Promise<{ app: NestExpressApplication; firstStart: FirstStartResult }> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, extraImports), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  configureHttp(app, config);
  await migrate(app.get(MikroORM));
  await app.init();
  const firstStart = await app.get(FirstStartFlow).run(config.firstStart);
  if (firstStart.created && config.demoData && firstStart.organisationId && firstStart.storeId) {
    await app.get(DemoCatalogue).seed(firstStart.organisationId, firstStart.storeId);
  }
  return { app, firstStart };
}

/**
 * SIGTERM or SIGINT: stop taking connections, let requests in flight, WebSocket clients and
 * outbox deliveries finish, close the database, and exit 0. A second signal, or 25 s, forces it.
 */
export function closeOnSignals(app: NestExpressApplication): void {
  const logger = new NestLogger('Shutdown');
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.log(`${signal} received, draining`);
    setTimeout(() => {
      logger.error('Still draining after 25 s; exiting');
      process.exit(1);
    }, 25_000).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error instanceof Error ? error.stack : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

function configureHttp(app: NestExpressApplication, config: KassaConfig): void {
  const httpLogger = new NestLogger('HTTP');
  if (config.http.trustProxy) app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'https:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'", "'unsafe-inline'", ...config.http.paymentOrigins.script],
          // Stripe's Payment Element and Klarna's widget are frames of their own; only configured providers' origins.
          frameSrc: ["'self'", ...config.http.paymentOrigins.frame],
          connectSrc: ["'self'", ...config.http.paymentOrigins.connect],
          fontSrc: ["'self'", 'data:'],
          // Served over plain HTTP on a shop's LAN, upgrading would break the console; TLS is the proxy's job.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.enableCors({
    origin: config.http.corsOrigins,
    exposedHeaders: ['Content-Range'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Order-Token'],
  });
  app.use(httpMetrics);
  app.use(requireJsonBodies());
  // A catalogue CSV uploaded from the admin comes as JSON text and may be a few megabytes.
  app.use(`/${API_PREFIX}/admin/catalog/import`, express.json({ limit: '8mb' }));
  // The raw bytes stay on the request (as Nest's `rawBody: true` would keep them): payment webhooks verify signatures over them.
  app.use(express.json({ limit: config.http.bodyLimit, type: ['application/json', 'application/*+json'], verify: keepRawBody }));
  // body-parser reports malformed and oversized bodies here, before Nest's filters see a request.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const body: ErrorBody = toErrorBody(error, httpLogger);
    res.status(body.statusCode).json(body);
  });
  serveAdmin(app, config.http.adminDist);
  serveStorefront(app, config.http.storefrontDist);
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(kassaValidationPipe());
  app.useGlobalFilters(new KassaExceptionFilter());
  app.useWebSocketAdapter(new KassaIoAdapter(app, config.platform.redis?.url, config.platform.redis?.prefix));
  setupOpenApi(app);
}

function keepRawBody(request: IncomingMessage & { rawBody?: Buffer }, _response: ServerResponse, body: Buffer): void {
  request.rawBody = body;
}

/** The react-admin console is a static build served at /admin, with client-side routes falling back to index.html. */
function serveAdmin(app: NestExpressApplication, dist: string): void {
  const index = join(dist, 'index.html');
  app.use('/admin', express.static(dist, { index: false, maxAge: '1h' }));
  app.use('/admin', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(index)) {
      res.status(503).json(errorBody(503, 'ADMIN_NOT_BUILT', 'The admin console is not built; run `npm run build:admin`'));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Paths the api itself answers; the storefront never shadows them. */
const NOT_STOREFRONT = /^\/(api|admin|health|metrics|socket\.io)(\/|$)/;
/** A client route (`/`, `/checkout`, `/orders/<id>`) has no file extension; a missing asset stays a 404. */
const CLIENT_ROUTE = /^[^.]*$/;

/**
 * The reference storefront is a static build served at /, with its client routes (such as the
 * `/orders/<id>?token=…` status page the confirmation e-mail links to) falling back to index.html.
 */
function serveStorefront(app: NestExpressApplication, dist: string): void {
  const index = join(dist, 'index.html');
  const assets = express.static(dist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (NOT_STOREFRONT.test(req.path)) return next();
    assets(req, res, () => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !CLIENT_ROUTE.test(req.path)) return next();
      if (!existsSync(index)) {
        res.status(503).json(errorBody(503, 'STOREFRONT_NOT_BUILT', 'The storefront is not built; run `npm run build:storefront`'));
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}

function setupOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kassa API')
      .setDescription(
        'Click-and-collect and point-of-sale backend. Storefront routes are public; admin routes need a staff ' +
          'bearer token from POST /api/v1/auth/login. Every error has the shape of ErrorBody. Money is integer ' +
          'minor units (öre) with an ISO 4217 currency. POST /api/v1/orders needs an Idempotency-Key header: the ' +
          'same key and body replay the first answer; the order token it returns is sent back as X-Order-Token.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBody] },
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
