export interface IdentityOptions {
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  /** Consecutive failures before an account is locked, and for how long. */
  readonly lockout: { readonly maxFailures: number; readonly minutes: number };
  /** Login attempts per client IP per minute. */
  readonly loginRateLimitPerMinute: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
