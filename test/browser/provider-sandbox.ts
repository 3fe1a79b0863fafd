// The payment providers for the storefront's provider browser test, in one process: the local
// servers that speak Stripe's, Swish's and Klarna's APIs (libs/payments/test), and a small HTTP
// server standing in for the providers' side of the customer's browser: fake Stripe.js and a fake
// Klarna library, the calls they make, and the test's own controls (the payer approves in Swish).
// Run with `node -r @swc-node/register test/browser/provider-sandbox.ts <ready-file>`; it writes
// its addresses to <ready-file> and runs until it is told to stop.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FakeKlarna, KLARNA_PASSWORD, KLARNA_USERNAME } from '../../libs/payments/test/fake-klarna';
import { FakeStripe, intentEvent, signed, STRIPE_PUBLISHABLE_KEY, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } from '../../libs/payments/test/fake-stripe';
import { FakeSwish, SWISH_PAYEE_ALIAS, TestCertificates } from '../../libs/payments/test/fake-swish';

/** The card number the fake Payment Element declines, as Stripe's test card 4000 0000 0000 0002 is. */
const DECLINED_CARD = '4000000000000002';

async function main(readyFile: string): Promise<void> {
  const certs = new TestCertificates();
  const stripe = new FakeStripe();
  const swish = new FakeSwish(certs);
  const klarna = new FakeKlarna();
  await Promise.all([stripe.start(), swish.start(), klarna.start()]);
  let kassaUrl = '';

  const toKassa = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${kassaUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
  };

  const routes: Record<string, (body: Record<string, unknown>) => Promise<[number, unknown]>> = {
    /** The test tells the sandbox where Kassa runs (it needs the sandbox's addresses to start). */
    'POST /control/kassa': async (body) => {
      kassaUrl = String(body.url);
      return [200, {}];
    },
    /** Fake Stripe.js confirming the intent: a decline as Stripe.js reports it, or success and Stripe's webhook. */
    'POST /stripe/confirm': async (body) => {
      const intentId = String(body.clientSecret).split('_secret_')[0];
      const intent = stripe.intent(intentId);
      if (String(body.number) === DECLINED_CARD) {
        // Stripe tells Kassa too; the intent stays open for another card.
        const failed = { ...intent, last_payment_error: { code: 'card_declined', decline_code: 'generic_decline' } };
        const payload = intentEvent('payment_intent.payment_failed', failed);
        const webhook = await toKassa('/api/v1/payments/card/webhook', payload, { 'Stripe-Signature': signed(payload) });
        return [200, { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' }, webhook }];
      }
      const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intent.id));
      const webhook = await toKassa('/api/v1/payments/card/webhook', payload, { 'Stripe-Signature': signed(payload) });
      return [200, { paymentIntent: { id: intent.id, status: 'succeeded' }, webhook }];
    },
    /** Fake Klarna library: the customer authorized in the widget of the session the client token opened. */
    'POST /klarna/authorize': async (body) => {
      const session = [...klarna.sessions.values()].find((candidate) => candidate.client_token === body.clientToken);
      if (!session) return [404, { error: 'no such session' }];
      return [200, { authorization_token: klarna.authorize(session.session_id) }];
    },
    /** The payer approves in the Swish app: Swish marks the request PAID and calls Kassa back. */
    'POST /control/swish-pay': async (body) => {
      const request = [...swish.requests.values()].find((candidate) => (body.token ? candidate.token === body.token : candidate.payerAlias === body.payerAlias && candidate.status === 'CREATED'));
      if (!request) return [404, { error: 'no such payment request' }];
      swish.pay(request.id);
      const callback = await toKassa('/api/v1/payments/swish/callback', JSON.stringify(swish.callbackBody(request.id)));
      return [200, { id: request.id, callback }];
    },
    /** The payer declines in the Swish app: Swish marks the request DECLINED and calls Kassa back. */
    'POST /control/swish-decline': async (body) => {
      const request = [...swish.requests.values()].find((candidate) => candidate.token === body.token);
      if (!request) return [404, { error: 'no such payment request' }];
      request.status = 'DECLINED';
      request.errorCode = 'RF07';
      const callback = await toKassa('/api/v1/payments/swish/callback', JSON.stringify(swish.callbackBody(request.id)));
      return [200, { id: request.id, callback }];
    },
  };

  const scripts: Record<string, string> = {
    '/stripe.js': readFileSync(join(__dirname, 'fake-provider-scripts', 'stripe.js'), 'utf8'),
    '/klarna.js': readFileSync(join(__dirname, 'fake-provider-scripts', 'klarna.js'), 'utf8'),
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Allow-Methods': 'GET, POST' };
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
      if (req.method === 'GET' && scripts[path]) return res.writeHead(200, { ...cors, 'Content-Type': 'text/javascript; charset=utf-8' }).end(scripts[path]);
      if (path === '/control/stop') {
        res.writeHead(200, cors).end('{}');
        await Promise.all([stripe.close(), swish.close(), klarna.close()]);
        certs.remove();
        process.exit(0);
      }
      const route = routes[`${req.method} ${path}`];
      if (!route) return res.writeHead(404, cors).end();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        const [status, answer] = await route(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>);
        res.writeHead(status, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
      } catch (error) {
        res.writeHead(500, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browserSide = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  writeFileSync(
    readyFile,
    JSON.stringify({
      control: browserSide,
      env: {
        KASSA_TEST_PAYMENTS: 'false',
        STRIPE_SECRET_KEY,
        STRIPE_PUBLISHABLE_KEY,
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_URL: stripe.url,
        STRIPE_JS_URL: `${browserSide}/stripe.js`,
        SWISH_API_URL: swish.url,
        SWISH_PAYEE_ALIAS,
        SWISH_CALLBACK_URL: 'https://kassa.example.com/',
        SWISH_CERT_PATH: certs.path('merchant.pem'),
        SWISH_KEY_PATH: certs.path('merchant.key'),
        SWISH_CA_PATH: certs.path('ca.pem'),
        KLARNA_API_URL: klarna.url,
        KLARNA_USERNAME,
        KLARNA_PASSWORD,
        KLARNA_JS_URL: `${browserSide}/klarna.js`,
      },
    }),
  );
  const stop = () => {
    certs.remove();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stderr.write(`provider sandbox: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
