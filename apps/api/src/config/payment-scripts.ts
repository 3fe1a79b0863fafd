// The one place that knows where the payment providers' browser scripts live, and which origins
// the storefront's CSP must then allow. Each provider's part applies only when it is configured.

/** What a provider's script needs the page's Content-Security-Policy to allow. */
export interface ScriptOrigins {
  readonly script: readonly string[];
  readonly frame: readonly string[];
  readonly connect: readonly string[];
}

export interface PaymentScript {
  readonly scriptUrl: string;
  readonly origins: ScriptOrigins;
}

/**
 * The official script URLs and the origins the providers' own CSP guides list for them: Stripe.js
 * (Payment Element frames, the API it calls, 3-D Secure hooks) and Klarna's JavaScript library
 * (its widget frames and services).
 */
export const OFFICIAL_PAYMENT_SCRIPTS = {
  stripe: {
    scriptUrl: 'https://js.stripe.com/v3/',
    origins: {
      script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
      frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
      connect: ['https://api.stripe.com'],
    },
  },
  klarna: {
    scriptUrl: 'https://x.klarnacdn.net/kp/lib/v1/api.js',
    origins: {
      script: ['https://*.klarnacdn.net', 'https://*.klarna.com', 'https://*.klarnaservices.com'],
      frame: ['https://*.klarnacdn.net', 'https://*.klarna.com', 'https://*.klarnaservices.com'],
      connect: ['https://*.klarnacdn.net', 'https://*.klarna.com', 'https://*.klarnaservices.com'],
    },
  },
} as const satisfies Record<string, PaymentScript>;

/**
 * The official script, or the one an operator points at (a test's fake, a vetted mirror): then
 * only that script's own origin is allowed, for its script, its frames and its calls.
 */
export function paymentScript(provider: keyof typeof OFFICIAL_PAYMENT_SCRIPTS, override: string | undefined): PaymentScript {
  if (!override) return OFFICIAL_PAYMENT_SCRIPTS[provider];
  const origin = new URL(override).origin;
  return { scriptUrl: override, origins: { script: [origin], frame: [origin], connect: [origin] } };
}

/** The CSP additions of every configured provider, each origin once. */
export function scriptOrigins(scripts: ReadonlyArray<PaymentScript | undefined>): ScriptOrigins {
  const present = scripts.filter((script): script is PaymentScript => script !== undefined);
  const union = (pick: (origins: ScriptOrigins) => readonly string[]) => [...new Set(present.flatMap((script) => pick(script.origins)))];
  return { script: union((o) => o.script), frame: union((o) => o.frame), connect: union((o) => o.connect) };
}
