import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IdentityOptions } from '@kassa/identity';
import type { NotificationsOptions, SmtpSettings } from '@kassa/notifications';
import type { OrdersOptions } from '@kassa/orders';
import type { PaymentsOptions } from '@kassa/payments';
import type { PlatformOptions } from '@kassa/platform';
import type { PrintingOptions } from '@kassa/printing';
import { Environment } from './environment';
import { paymentScript, ScriptOrigins, scriptOrigins } from './payment-scripts';

/** The one typed configuration object, built from the validated environment at boot. */
export interface KassaConfig {
  readonly http: {
    readonly port: number;
    readonly host: string;
    /** Api processes sharing the port; 1 runs the api in this process. */
    readonly processes: number;
    readonly corsOrigins: '*' | string[];
    readonly bodyLimit: string;
    /** A hop count (`1`), or addresses/names Express understands (`loopback`, `uniquelocal`, CIDRs). */
    readonly trustProxy?: number | string;
    readonly adminDist: string;
    readonly storefrontDist: string;
    /** What the configured payment providers' scripts need the CSP to allow (nothing when none is configured). */
    readonly paymentOrigins: ScriptOrigins;
  };
  readonly logLevel: string;
  readonly platform: PlatformOptions;
  readonly identity: IdentityOptions;
  readonly orders: OrdersOptions;
  readonly printing: PrintingOptions;
  readonly payments: PaymentsOptions;
  readonly notifications: NotificationsOptions;
  readonly firstStart: { readonly adminEmail: string; readonly adminPassword?: string };
  readonly embedded: boolean;
  /** Whether first start fills the demo store with a catalogue and stock. */
  readonly demoData: boolean;
}

/** The embedded mode keeps its generated JWT secret beside its data, so sign-ins survive restarts. */
function embeddedJwtSecret(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return randomBytes(32).toString('hex');
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** A key for one purpose, derived from the one configured secret so each purpose can be told apart. */
function derivedKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kassa', purpose, 32));
}

export function buildConfig(env: Environment): KassaConfig {
  const dataDir = env.KASSA_DATA_DIR.startsWith('memory://') ? env.KASSA_DATA_DIR : resolve(env.KASSA_DATA_DIR);
  const jwtSecret = env.JWT_SECRET ?? embeddedJwtSecret(dataDir);
  const payments = paymentsOptions(env);
  return {
    http: {
      port: env.PORT,
      host: env.HOST,
      processes: env.KASSA_PROCESSES,
      corsOrigins: env.CORS_ORIGINS === '*' ? '*' : env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
      bodyLimit: env.BODY_LIMIT,
      trustProxy: env.TRUST_PROXY && /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
      adminDist: resolve(env.KASSA_ADMIN_DIST ?? 'admin/dist'),
      storefrontDist: resolve(env.KASSA_STOREFRONT_DIST ?? 'apps/storefront/dist'),
      paymentOrigins: scriptOrigins([
        payments.stripe ? paymentScript('stripe', env.STRIPE_JS_URL) : undefined,
        payments.klarna ? paymentScript('klarna', env.KLARNA_JS_URL) : undefined,
      ]),
    },
    logLevel: env.LOG_LEVEL,
    embedded: !env.DATABASE_URL,
    demoData: env.KASSA_DEMO_DATA ?? !env.DATABASE_URL,
    platform: {
      database: { url: env.DATABASE_URL, dataDir, poolSize: env.DATABASE_POOL_SIZE },
      redis: env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.KASSA_QUEUE_PREFIX } : undefined,
      outbox: {
        dispatch: env.KASSA_WORKERS,
        pollIntervalMs: env.KASSA_OUTBOX_POLL_MS,
        maxAttempts: env.KASSA_OUTBOX_MAX_ATTEMPTS,
        retryBaseMs: env.KASSA_OUTBOX_RETRY_BASE_MS,
        concurrency: 8,
      },
    },
    identity: {
      jwtSecret,
      accessTokenTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      refreshTokenTtlDays: env.JWT_REFRESH_TTL_DAYS,
      lockout: { maxFailures: 10, minutes: 15 },
      loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    orders: {
      signingKey: derivedKey(jwtSecret, 'orders/v1'),
      holdTtlSeconds: env.KASSA_CHECKOUT_HOLD_SECONDS,
      noShowGraceMinutes: env.KASSA_NO_SHOW_GRACE_MINUTES,
    },
    printing: { offlineAlertSeconds: env.KASSA_PRINTER_ALERT_SECONDS },
    payments,
    notifications: notificationsOptions(env),
    firstStart: { adminEmail: env.KASSA_ADMIN_EMAIL, adminPassword: env.KASSA_ADMIN_PASSWORD },
  };
}

function paymentsOptions(env: Environment): PaymentsOptions {
  return {
    testPayments: env.KASSA_TEST_PAYMENTS ?? !env.DATABASE_URL,
    stripe:
      env.STRIPE_SECRET_KEY && env.STRIPE_PUBLISHABLE_KEY && env.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: env.STRIPE_SECRET_KEY,
            publishableKey: env.STRIPE_PUBLISHABLE_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            apiUrl: env.STRIPE_API_URL,
            timeoutMs: env.KASSA_PAYMENT_TIMEOUT_MS,
            scriptUrl: paymentScript('stripe', env.STRIPE_JS_URL).scriptUrl,
          }
        : undefined,
    swish:
      env.SWISH_API_URL && env.SWISH_PAYEE_ALIAS && env.SWISH_CALLBACK_URL && (env.SWISH_P12_PATH || (env.SWISH_CERT_PATH && env.SWISH_KEY_PATH))
        ? {
            apiUrl: env.SWISH_API_URL,
            payeeAlias: env.SWISH_PAYEE_ALIAS,
            callbackBaseUrl: env.SWISH_CALLBACK_URL.replace(/\/+$/, ''),
            certPath: env.SWISH_CERT_PATH,
            keyPath: env.SWISH_KEY_PATH,
            caPath: env.SWISH_CA_PATH,
            p12Path: env.SWISH_P12_PATH,
            p12Passphrase: env.SWISH_P12_PASSPHRASE,
            timeoutMs: env.KASSA_PAYMENT_TIMEOUT_MS,
          }
        : undefined,
    klarna:
      env.KLARNA_API_URL && env.KLARNA_USERNAME && env.KLARNA_PASSWORD
        ? {
            apiUrl: env.KLARNA_API_URL,
            username: env.KLARNA_USERNAME,
            password: env.KLARNA_PASSWORD,
            captureOn: env.KLARNA_CAPTURE_ON === 'accept' ? 'accept' : 'handover',
            timeoutMs: env.KASSA_PAYMENT_TIMEOUT_MS,
            scriptUrl: paymentScript('klarna', env.KLARNA_JS_URL).scriptUrl,
          }
        : undefined,
  };
}

function notificationsOptions(env: Environment): NotificationsOptions {
  const port = env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587);
  const smtp: SmtpSettings | undefined = env.SMTP_URL
    ? { url: env.SMTP_URL }
    : env.SMTP_HOST
      ? { host: env.SMTP_HOST, port, secure: env.SMTP_SECURE ?? port === 465, user: env.SMTP_USER, password: env.SMTP_PASSWORD }
      : undefined;
  return {
    email: smtp && env.SMTP_FROM ? { smtp, from: env.SMTP_FROM } : undefined,
    sms: {
      elks: env.ELKS_USERNAME && env.ELKS_PASSWORD ? { username: env.ELKS_USERNAME, password: env.ELKS_PASSWORD, baseUrl: env.ELKS_BASE_URL } : undefined,
      twilio:
        env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
          ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, baseUrl: env.TWILIO_BASE_URL }
          : undefined,
    },
    publicUrl: (env.KASSA_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    reminderMinutes: env.KASSA_REMINDER_MINUTES,
  };
}
