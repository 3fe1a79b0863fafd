import { api } from '../api/client';
import type { PaymentsConfig } from '../api/types';

const LOAD_TIMEOUT_MS = 20_000;
const loading = new Map<string, Promise<void>>();
let config: Promise<PaymentsConfig> | null = null;

/** Where this server says Stripe.js and Klarna's library come from; asked once per page. */
export function paymentsConfig(): Promise<PaymentsConfig> {
  config ??= api.paymentsConfig().catch((error: unknown) => {
    config = null;
    throw error;
  });
  return config;
}

/**
 * Adds a provider's own script to the page once (the api's CSP allows only the configured
 * providers' origins). A failed or slow load can be tried again.
 */
export function loadProviderScript(url: string): Promise<void> {
  const known = loading.get(url);
  if (known) return known;
  const promise = new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    const timer = window.setTimeout(() => fail(new Error(`timeout loading ${url}`)), LOAD_TIMEOUT_MS);
    const fail = (error: Error) => {
      window.clearTimeout(timer);
      script.remove();
      loading.delete(url);
      reject(error);
    };
    script.src = url;
    script.async = true;
    script.addEventListener('load', () => {
      window.clearTimeout(timer);
      resolve();
    });
    script.addEventListener('error', () => fail(new Error(`could not load ${url}`)));
    document.head.appendChild(script);
  });
  loading.set(url, promise);
  return promise;
}
