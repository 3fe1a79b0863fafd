import { parseEnvironment } from './environment';
import { buildConfig } from './kassa-config';
import { OFFICIAL_PAYMENT_SCRIPTS } from './payment-scripts';

const STRIPE = { STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_PUBLISHABLE_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc' };
const SWISH = {
  SWISH_API_URL: 'https://swish.example.com/swish-cpcapi',
  SWISH_PAYEE_ALIAS: '1231181189',
  SWISH_CALLBACK_URL: 'https://shop.example.com/',
  SWISH_CERT_PATH: '/run/secrets/swish.pem',
  SWISH_KEY_PATH: '/run/secrets/swish.key',
};
const KLARNA = { KLARNA_API_URL: 'https://klarna.example.com', KLARNA_USERNAME: 'PK_1', KLARNA_PASSWORD: 'secret' };

describe('payment provider configuration', () => {
  const payments = (env: Record<string, string>) => buildConfig(parseEnvironment({ KASSA_DATA_DIR: 'memory://', ...env })).payments;

  it('configures no real provider when nothing is set', () => {
    expect(payments({})).toMatchObject({ stripe: undefined, swish: undefined, klarna: undefined });
  });

  it('configures each provider from its variables, with the shared timeout', () => {
    const options = payments({ ...STRIPE, ...SWISH, ...KLARNA, KLARNA_CAPTURE_ON: 'accept', KASSA_PAYMENT_TIMEOUT_MS: '2500' });
    expect(options.stripe).toEqual({
      secretKey: 'sk_test_abc',
      publishableKey: 'pk_test_abc',
      webhookSecret: 'whsec_abc',
      apiUrl: undefined,
      timeoutMs: 2500,
      scriptUrl: OFFICIAL_PAYMENT_SCRIPTS.stripe.scriptUrl,
    });
    expect(options.swish).toMatchObject({ payeeAlias: '1231181189', callbackBaseUrl: 'https://shop.example.com', certPath: '/run/secrets/swish.pem', timeoutMs: 2500 });
    expect(options.klarna).toEqual({
      apiUrl: 'https://klarna.example.com',
      username: 'PK_1',
      password: 'secret',
      captureOn: 'accept',
      timeoutMs: 2500,
      scriptUrl: OFFICIAL_PAYMENT_SCRIPTS.klarna.scriptUrl,
    });
    expect(payments({ ...KLARNA }).klarna?.captureOn).toBe('handover');
  });

  it('lets the storefront’s CSP reach only the configured providers’ scripts, frames and APIs', () => {
    const origins = (env: Record<string, string>) => buildConfig(parseEnvironment({ KASSA_DATA_DIR: 'memory://', ...env })).http.paymentOrigins;
    expect(origins({})).toEqual({ script: [], frame: [], connect: [] });
    expect(origins({ ...STRIPE })).toEqual(OFFICIAL_PAYMENT_SCRIPTS.stripe.origins);
    expect(origins({ ...KLARNA }).script).toEqual(OFFICIAL_PAYMENT_SCRIPTS.klarna.origins.script);
    expect(origins({ ...STRIPE, ...KLARNA }).frame).toEqual([...OFFICIAL_PAYMENT_SCRIPTS.stripe.origins.frame, ...OFFICIAL_PAYMENT_SCRIPTS.klarna.origins.frame]);
    // A script URL of the operator's own (a mirror, a test's fake): only its origin, and only while the provider is configured.
    const own = { STRIPE_JS_URL: 'https://pay.example.com/stripe/v3/' };
    expect(origins({ ...STRIPE, ...own })).toEqual({ script: ['https://pay.example.com'], frame: ['https://pay.example.com'], connect: ['https://pay.example.com'] });
    expect(payments({ ...STRIPE, ...own }).stripe?.scriptUrl).toBe(own.STRIPE_JS_URL);
    expect(origins({ ...own })).toEqual({ script: [], frame: [], connect: [] });
    expect(() => parseEnvironment({ KLARNA_JS_URL: 'javascript:alert(1)' })).toThrow(/KLARNA_JS_URL/);
  });

  it('refuses half a provider, naming the variables', () => {
    expect(() => parseEnvironment({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toThrow(/STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET/);
    expect(() => parseEnvironment({ ...SWISH, SWISH_KEY_PATH: '' })).toThrow(/SWISH_API_URL/);
    expect(() => parseEnvironment({ KLARNA_USERNAME: 'PK_1' })).toThrow(/KLARNA_API_URL, KLARNA_USERNAME, KLARNA_PASSWORD/);
    expect(() => parseEnvironment({ ...STRIPE, STRIPE_SECRET_KEY: 'pk_oops' })).toThrow(/STRIPE_SECRET_KEY="pk_oops"/);
    expect(() => parseEnvironment({ ...SWISH, SWISH_API_URL: 'http://swish.example.com' })).toThrow(/SWISH_API_URL=.*https/);
    expect(() => parseEnvironment({ KLARNA_CAPTURE_ON: 'never' })).toThrow(/KLARNA_CAPTURE_ON/);
  });

  it('takes the Swish certificate as a PKCS#12 bundle instead', () => {
    const { SWISH_CERT_PATH: _cert, SWISH_KEY_PATH: _key, ...rest } = SWISH;
    expect(payments({ ...rest, SWISH_P12_PATH: '/run/secrets/swish.p12', SWISH_P12_PASSPHRASE: 'x' }).swish).toMatchObject({ p12Path: '/run/secrets/swish.p12' });
  });
});
