/** Typed options the api hands to the platform; the platform never reads the environment. */
export interface PlatformOptions {
  readonly database: {
    /** PostgreSQL connection string; absent means the embedded PGlite database under `dataDir`. */
    readonly url?: string;
    /** Where embedded data lives; `memory://` keeps it in memory (tests). */
    readonly dataDir: string;
    readonly poolSize: number;
  };
  readonly redis?: {
    readonly url: string;
    /** Key prefix for queues, so several deployments (or test files) can share one Redis. */
    readonly prefix: string;
  };
  readonly outbox: {
    /** Whether this replica dispatches outbox messages and runs scheduled work. */
    readonly dispatch: boolean;
    readonly pollIntervalMs: number;
    readonly maxAttempts: number;
    /** First retry delay; each further retry doubles it, up to ten minutes. */
    readonly retryBaseMs: number;
    readonly concurrency: number;
  };
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
