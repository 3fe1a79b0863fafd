import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (['true', '1', 'yes'].includes(value.toLowerCase()) ? true : ['false', '0', 'no'].includes(value.toLowerCase()) ? false : value) : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

/** Every environment variable Kassa reads, with its rule. The README's table mirrors this class. */
export class Environment {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Api processes sharing the port (node:cluster), e.g. one per core; above 1 needs DATABASE_URL and REDIS_URL. */
  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  KASSA_PROCESSES = 1;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  KASSA_DATA_DIR = './data';

  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsString() @Matches(/^[a-zA-Z0-9:_-]+$/, { message: 'may hold letters, digits, ":", "_" and "-"' })
  KASSA_QUEUE_PREFIX = 'kassa';

  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  JWT_REFRESH_TTL_DAYS = 30;

  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  @IsEmail({}, { message: 'must be an email address' })
  KASSA_ADMIN_EMAIL = 'admin@example.com';

  @IsOptional() @IsString() @MinLength(12, { message: 'must be at least 12 characters' })
  KASSA_ADMIN_PASSWORD?: string;

  @Transform(toBool) @IsBoolean()
  KASSA_WORKERS = true;

  /** Demo catalogue on first start; defaults to on for the embedded database, off with DATABASE_URL. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  KASSA_DEMO_DATA?: boolean;

  @Transform(toInt) @IsInt() @Min(10) @Max(60000)
  KASSA_OUTBOX_POLL_MS = 1000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  KASSA_OUTBOX_MAX_ATTEMPTS = 10;

  @Transform(toInt) @IsInt() @Min(10) @Max(600000)
  KASSA_OUTBOX_RETRY_BASE_MS = 1000;

  @IsString()
  CORS_ORIGINS = '*';

  @IsString() @Matches(/^\d+(kb|mb)$/, { message: 'must look like 256kb or 1mb' })
  BODY_LIMIT = '256kb';

  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  @IsOptional() @IsString()
  KASSA_ADMIN_DIST?: string;

  @IsOptional() @IsString()
  KASSA_STOREFRONT_DIST?: string;

  /** The `test` payment provider (approve/decline endpoints); defaults to on only for the embedded database. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  KASSA_TEST_PAYMENTS?: boolean;

  /** How long one call to a payment provider (Stripe, Swish) may take before it counts as failed. */
  @Transform(toInt) @IsInt() @Min(100) @Max(120000)
  KASSA_PAYMENT_TIMEOUT_MS = 10000;

  /** Card payments through Stripe: all three keys together enable the `card` method. */
  @IsOptional() @Matches(/^(sk|rk)_[A-Za-z0-9_]+$/, { message: 'must be a Stripe secret key (sk_…)' })
  STRIPE_SECRET_KEY?: string;

  @IsOptional() @Matches(/^pk_[A-Za-z0-9_]+$/, { message: 'must be a Stripe publishable key (pk_…)' })
  STRIPE_PUBLISHABLE_KEY?: string;

  @IsOptional() @Matches(/^whsec_[A-Za-z0-9_]+$/, { message: 'must be a Stripe webhook signing secret (whsec_…)' })
  STRIPE_WEBHOOK_SECRET?: string;

  /** Only for tests and local fakes; defaults to Stripe's own API. */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  STRIPE_API_URL?: string;

  /** Where the storefront loads Stripe.js from; defaults to the official URL (config/payment-scripts.ts). The CSP then allows only its origin. */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  STRIPE_JS_URL?: string;

  /** Swish Commerce API v2: SWISH_API_URL, SWISH_PAYEE_ALIAS, SWISH_CALLBACK_URL and a certificate enable the `swish` method. */
  @IsOptional() @Matches(/^https:\/\/[^/\s]+/, { message: 'must be an https:// URL' })
  SWISH_API_URL?: string;

  @IsOptional() @Matches(/^\d{10}$/, { message: 'must be the 10-digit Swish number of the merchant' })
  SWISH_PAYEE_ALIAS?: string;

  /** Public base URL Swish calls back on (https in production); /api/v1/payments/swish/callback is appended. */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  SWISH_CALLBACK_URL?: string;

  @IsOptional() @IsString()
  SWISH_CERT_PATH?: string;

  @IsOptional() @IsString()
  SWISH_KEY_PATH?: string;

  @IsOptional() @IsString()
  SWISH_CA_PATH?: string;

  @IsOptional() @IsString()
  SWISH_P12_PATH?: string;

  @IsOptional() @IsString()
  SWISH_P12_PASSPHRASE?: string;

  /** Klarna Payments: SE playground or production API base, with the merchant's API credentials; all three enable the `klarna` method. */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  KLARNA_API_URL?: string;

  @IsOptional() @IsString()
  KLARNA_USERNAME?: string;

  @IsOptional() @IsString()
  KLARNA_PASSWORD?: string;

  /** Where the storefront loads Klarna's JavaScript library from; defaults to the official URL (config/payment-scripts.ts). */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  KLARNA_JS_URL?: string;

  /** When authorized Klarna money is captured: when the store accepts the order, or at hand-over. */
  @IsIn(['accept', 'handover'])
  KLARNA_CAPTURE_ON = 'handover';

  /** Minutes after the pickup window before a ready order that nobody collected becomes a no-show. */
  @Transform(toInt) @IsInt() @Min(0) @Max(10080)
  KASSA_NO_SHOW_GRACE_MINUTES = 60;

  /** How long an unpaid checkout keeps its slot and stock. */
  @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  KASSA_CHECKOUT_HOLD_SECONDS = 600;

  /** Seconds a printer may be offline (or its station away) before the store is alerted and its jobs go to its fallback printer. */
  @Transform(toInt) @IsInt() @Min(10) @Max(86400)
  KASSA_PRINTER_ALERT_SECONDS = 60;

  /** The SMTP server as one URL, credentials included: smtp://user:password@host:587 or smtps://…:465. */
  @IsOptional() @Matches(/^smtps?:\/\/[^/\s]+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Or the SMTP server in parts. */
  @IsOptional() @IsString()
  SMTP_HOST?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  SMTP_PORT?: number;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  SMTP_SECURE?: boolean;

  @IsOptional() @IsString()
  SMTP_USER?: string;

  @IsOptional() @IsString()
  SMTP_PASSWORD?: string;

  /** The sender address of every e-mail; the sender name is the store's. */
  @IsOptional() @IsEmail({}, { message: 'must be an email address' })
  SMTP_FROM?: string;

  @IsOptional() @IsString()
  ELKS_USERNAME?: string;

  @IsOptional() @IsString()
  ELKS_PASSWORD?: string;

  @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  ELKS_BASE_URL = 'https://api.46elks.com';

  @IsOptional() @IsString()
  TWILIO_ACCOUNT_SID?: string;

  @IsOptional() @IsString()
  TWILIO_AUTH_TOKEN?: string;

  @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  TWILIO_BASE_URL = 'https://api.twilio.com';

  /** Base of the links in messages (the order status page); defaults to http://localhost:PORT. */
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// URL' })
  KASSA_PUBLIC_URL?: string;

  /** Minutes before the pickup window that customers are reminded; 0 sends no reminders. */
  @Transform(toInt) @IsInt() @Min(0) @Max(1440)
  KASSA_REMINDER_MINUTES = 15;
}

/** Parses and checks the environment; a wrong value stops the app with a message naming the variable. */
export function parseEnvironment(raw: Record<string, string | undefined>): Environment {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}=${JSON.stringify(present[e.property] ?? '')}: ${Object.values(e.constraints ?? {}).map((m) => m.replace(`${e.property} `, '')).join(', ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const pairedProblems = [
    env.SMTP_URL && env.SMTP_HOST ? '  SMTP_URL, SMTP_HOST: set one of them, not both' : null,
    (env.SMTP_URL || env.SMTP_HOST) && !env.SMTP_FROM ? '  SMTP_FROM: must be set (the sender address) when SMTP_URL or SMTP_HOST is set' : null,
    !env.ELKS_USERNAME !== !env.ELKS_PASSWORD ? '  ELKS_USERNAME, ELKS_PASSWORD: set both or neither' : null,
    !env.TWILIO_ACCOUNT_SID !== !env.TWILIO_AUTH_TOKEN ? '  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: set both or neither' : null,
  ].filter((line): line is string => line !== null);
  const stripeKeys = [env.STRIPE_SECRET_KEY, env.STRIPE_PUBLISHABLE_KEY, env.STRIPE_WEBHOOK_SECRET].filter(Boolean).length;
  if (stripeKeys !== 0 && stripeKeys !== 3) {
    pairedProblems.push('  STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET: set all three or none');
  }
  const swishSet = [env.SWISH_API_URL, env.SWISH_PAYEE_ALIAS, env.SWISH_CALLBACK_URL].filter(Boolean).length;
  const swishCert = env.SWISH_P12_PATH || (env.SWISH_CERT_PATH && env.SWISH_KEY_PATH);
  if ((swishSet !== 0 || swishCert) && (swishSet !== 3 || !swishCert)) {
    pairedProblems.push('  SWISH_API_URL, SWISH_PAYEE_ALIAS, SWISH_CALLBACK_URL, SWISH_CERT_PATH+SWISH_KEY_PATH (or SWISH_P12_PATH): set all or none');
  }
  const klarnaSet = [env.KLARNA_API_URL, env.KLARNA_USERNAME, env.KLARNA_PASSWORD].filter(Boolean).length;
  if (klarnaSet !== 0 && klarnaSet !== 3) pairedProblems.push('  KLARNA_API_URL, KLARNA_USERNAME, KLARNA_PASSWORD: set all three or none');
  if (env.KASSA_PROCESSES > 1 && (!env.DATABASE_URL || !env.REDIS_URL)) {
    // The embedded database lives in one process, and without Redis a station connected to one
    // worker would miss what another emits.
    pairedProblems.push('  KASSA_PROCESSES: above 1 needs DATABASE_URL and REDIS_URL');
  }
  if (pairedProblems.length > 0) throw new Error(`Invalid configuration:\n${pairedProblems.join('\n')}`);
  if (env.DATABASE_URL && !env.JWT_SECRET) {
    throw new Error('Invalid configuration:\n  JWT_SECRET: must be set (32+ characters) when DATABASE_URL is set; only the embedded mode generates one');
  }
  return env;
}
