// The storefront's payment step with each real provider, in the browser, against a Kassa of its
// own configured for local stand-ins of Stripe, Swish and Klarna (test/browser/provider-sandbox.ts,
// which runs the protocol servers of libs/payments/test): Stripe.js and Klarna's library are tiny
// fakes served from that sandbox through the configured script URLs, so the storefront's own code
// path runs — loading the script under the api's CSP, mounting, confirming, polling — without
// the internet. Swish: the QR code read back from the page's pixels, the app link, and by number.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { see, suffix } from './support.mjs';
import { expectStatus, shopFor, storefront } from './storefront.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const waitFor = async (check, ms, what) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(300);
  }
  throw new Error(`${what} was not ready within ${ms / 1000} s`);
};

/** Stops a detached child and its children; runs from the runner's exit too, so it is synchronous. */
const stopGroup = (child) => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};

/**
 * The sandbox and a Kassa api pointed at it, started once for this file's tests and stopped when
 * the runner exits (the children are detached and write to files, so they never hold it open).
 */
const startProviders = async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kassa-browser-providers-'));
  const ready = path.join(dir, 'ready.json');
  const sandboxLog = path.join(dir, 'sandbox.log');
  const apiLog = path.join(dir, 'api.log');
  const children = [];
  process.once('exit', () => {
    for (const child of children) stopGroup(child);
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (args, log, env) => {
    const out = openSync(log, 'a');
    const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', out, out], env });
    child.unref();
    children.push(child);
    return child;
  };
  const logs = () => [sandboxLog, apiLog].filter(existsSync).map((file) => `--- ${path.basename(file)}\n${readFileSync(file, 'utf8').slice(-3000)}`).join('\n');

  try {
    start(['-r', '@swc-node/register', 'test/browser/provider-sandbox.ts', ready], sandboxLog, process.env);
    await waitFor(async () => existsSync(ready) && statSync(ready).size > 0, 60_000, 'the provider sandbox');
    const { control, env } = JSON.parse(readFileSync(ready, 'utf8'));
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    start(['scripts/start.mjs'], apiLog, {
      ...process.env,
      ...env,
      PORT: String(port),
      KASSA_DATA_DIR: path.join(dir, 'data'),
      KASSA_ADMIN_EMAIL: 'admin@example.com',
      KASSA_ADMIN_PASSWORD: `Kassa-${randomBytes(15).toString('base64url')}`,
      LOG_LEVEL: 'warn',
    });
    await waitFor(async () => (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200, 90_000, 'the api with the providers');
    const told = await fetch(`${control}/control/kassa`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: baseUrl }) });
    assert.equal(told.status, 200, 'the sandbox knows where Kassa is');
    return { baseUrl, control, origin: new URL(control).origin, logs };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs()}`);
  }
};

let providers = null;
const withProviders = () => (providers ??= startProviders());

const control = async (env, what, body) => {
  const response = await fetch(`${env.control}/control/${what}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => null);
  assert.equal(response.status, 200, `sandbox ${what}: ${JSON.stringify(answer)}`);
  return answer;
};

const dayAhead = (timeZone, days) => new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

const labels = {
  en: { add: 'Add', addToCart: 'Add to cart', cart: 'Cart', checkout: 'Checkout', pickup: 'Pickup', chooseTime: 'Choose a time', day: 'Day', name: 'Name', email: 'Email', place: 'Place order' },
  sv: { add: 'Lägg till', addToCart: 'Lägg i varukorgen', cart: 'Varukorg', checkout: 'Till kassan', pickup: 'Upphämtning', chooseTime: 'Välj tid', day: 'Dag', name: 'Namn', email: 'E-post', place: 'Beställ' },
};

/** One item, a slot two days ahead, contact details and the method; returns the placed order as the api has it. */
const orderWith = async (page, baseUrl, language, method, beforePlacing = async () => undefined) => {
  const text = labels[language];
  const shop = await shopFor(baseUrl);
  const productName = language === 'sv' ? shop.product.nameSv : shop.product.nameEn;
  await page.goto(`${baseUrl}/`);
  await see(page.getByRole('heading', { name: shop.store.name, level: 1 }), 'the store’s menu');
  await page.getByRole('button', { name: `${text.add} ${productName}`, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: text.addToCart }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.getByRole('region', { name: text.cart }).getByRole('link', { name: text.checkout }).click();
  await page.waitForURL(/\/checkout$/);
  const pickup = page.getByRole('group', { name: text.pickup });
  await pickup.getByRole('radio', { name: text.chooseTime }).check();
  await pickup.getByLabel(text.day, { exact: true }).selectOption(dayAhead(shop.store.timezone, 2));
  await pickup.locator('input[name="pickup-slot"]:not([disabled])').first().check();
  await page.getByRole('textbox', { name: text.name }).fill(`Provider Test ${suffix()}`);
  await page.getByRole('textbox', { name: text.email }).fill('kund@example.se');
  await page.getByRole('radio', { name: method, exact: true }).check();
  await beforePlacing();
  await page.getByRole('button', { name: text.place, exact: true }).click();
  await page.waitForURL(/\/orders\/[^/]+\?token=/);
  const url = new URL(page.url());
  const id = url.pathname.split('/').at(-1);
  const token = url.searchParams.get('token');
  const order = await storefront(baseUrl, 'GET', `/orders/${id}`, undefined, { 'X-Order-Token': token });
  expectStatus(order, 200, 'GET the placed order');
  return order.body;
};

/** Reads a QR code from the pixels the browser drew. */
const readQr = async (page, selector) => {
  const image = await page.locator(selector).evaluate(async (img) => {
    await img.decode();
    const size = 400;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size, size);
    context.imageSmoothingEnabled = false;
    context.drawImage(img, 20, 20, size - 40, size - 40);
    const { data } = context.getImageData(0, 0, size, size);
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return { size, pixels: btoa(binary) };
  });
  const decoded = jsQR(new Uint8ClampedArray(Buffer.from(image.pixels, 'base64')), image.size, image.size);
  assert.ok(decoded, `the QR code in ${selector} can be read`);
  return decoded.data;
};

export const tests = [
  {
    name: 'card: Stripe.js loads under the CSP, a declined card can be retried, and the paid order shows as paid',
    locale: 'en-US',
    run: async ({ page }) => {
      const env = await withProviders();
      const home = await fetch(`${env.baseUrl}/`);
      const csp = home.headers.get('content-security-policy') ?? '';
      assert.match(csp, new RegExp(`script-src [^;]*${env.origin.replace(/[.]/g, '\\.')}`), 'the CSP lets the configured Stripe.js load');
      assert.doesNotMatch(csp, /stripe\.com|klarna/, 'and only the configured script origins, not the official ones');

      const order = await orderWith(page, env.baseUrl, 'en', 'Card');
      assert.equal(order.payment.nextAction.type, 'stripe_payment', 'the api asks for the Payment Element');
      const status = page.locator('#order-status');
      await see(status.getByText('Waiting for payment'), 'the order waiting for its payment');
      const cardNumber = page.getByLabel('Card number (fake Stripe.js)');
      await see(cardNumber, 'the Payment Element mounted by Stripe.js');

      await cardNumber.fill('4000 0000 0000 0002');
      await page.getByRole('button', { name: 'Pay', exact: true }).click();
      await see(page.getByRole('alert').getByText('Your card was declined.'), 'Stripe’s decline message');
      await see(status.getByText('Waiting for payment'), 'the order still open for another try');

      await cardNumber.fill('4242 4242 4242 4242');
      await page.getByRole('button', { name: 'Pay', exact: true }).click();
      await see(status.filter({ hasText: 'Paid' }), 'the order shown as paid after Stripe’s webhook', 20_000);
      await see(page.locator('img.qr'), 'the pickup pass of the paid order');
    },
  },
  {
    name: 'Swish on a computer: the QR code and the app link carry the token, and the approved payment shows as paid (in Swedish)',
    locale: 'sv-SE',
    run: async ({ page }) => {
      const env = await withProviders();
      const order = await orderWith(page, env.baseUrl, 'sv', 'Swish');
      const token = order.payment.nextAction.token;
      assert.equal(order.payment.nextAction.type, 'swish_app', 'without a number, Swish opens in the app');
      const status = page.locator('#order-status');
      await see(status.getByText('Väntar på betalning'), 'the order waiting for its payment');
      await see(page.locator('img.swish-qr'), 'the Swish QR code');
      assert.equal(await readQr(page, 'img.swish-qr'), `D${token}`, 'the QR code is Swish’s m-commerce code for the token');
      const link = await page.getByRole('link', { name: 'Öppna Swish' }).getAttribute('href');
      const app = new URL(link);
      assert.equal(app.protocol, 'swish:', 'the link opens the Swish app');
      assert.equal(app.searchParams.get('token'), token, 'with the payment request token');
      assert.equal(app.searchParams.get('callbackurl'), page.url(), 'and brings the customer back to the status page');

      await control(env, 'swish-pay', { token });
      await see(status.filter({ hasText: 'Betald' }), 'the order shown as paid after Swish’s callback', 20_000);
      await see(page.locator('img.qr:not(.swish-qr)'), 'the pickup pass of the paid order');
    },
  },
  {
    name: 'Swish on a phone: Öppna Swish comes first, the QR code waits behind “another phone”',
    locale: 'sv-SE',
    run: async ({ page }) => {
      const env = await withProviders();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.addInitScript(() => Object.defineProperty(navigator, 'userAgent', { get: () => 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148' }));
      const order = await orderWith(page, env.baseUrl, 'sv', 'Swish');
      const open = page.getByRole('link', { name: 'Öppna Swish' });
      await see(open, 'the button that opens the Swish app');
      assert.equal(new URL(await open.getAttribute('href')).searchParams.get('token'), order.payment.nextAction.token, 'the app link carries the token');
      assert.equal(await page.locator('img.swish-qr').isVisible(), false, 'the QR code is not in the way on the phone');
      await page.getByText('Betala med Swish på en annan mobil').click();
      await see(page.locator('img.swish-qr'), 'the QR code for another phone');
      await control(env, 'swish-pay', { token: order.payment.nextAction.token });
      await see(page.locator('#order-status').filter({ hasText: 'Betald' }), 'the order shown as paid', 20_000);
    },
  },
  {
    name: 'Swish by number: the payer’s phone gets the request, the page names it masked, and the payment shows as paid',
    locale: 'en-US',
    run: async ({ page }) => {
      const env = await withProviders();
      const order = await orderWith(page, env.baseUrl, 'en', 'Swish', async () => {
        const phone = page.getByRole('textbox', { name: 'Mobile number for Swish (optional)' });
        await phone.fill('12345');
        await page.getByRole('button', { name: 'Place order', exact: true }).click();
        await see(page.getByRole('alert').getByText('Give a Swedish mobile number (07…) or leave the field empty.'), 'a number that is not Swedish refused');
        await phone.fill('070-123 45 67');
      });
      assert.equal(order.payment.nextAction.type, 'swish_number', 'with a number, Swish sends the request to that phone');
      await see(page.getByText('Open Swish on 070 *** ** 67 and approve the payment.'), 'the masked number to approve on');
      await control(env, 'swish-pay', { payerAlias: '46701234567' });
      await see(page.locator('#order-status').filter({ hasText: 'Paid' }), 'the order shown as paid', 20_000);
    },
  },
  {
    name: 'Swish declined in the app: the page says the order was cancelled and nothing was taken, and leads back to the menu',
    locale: 'en-US',
    run: async ({ page }) => {
      const env = await withProviders();
      const order = await orderWith(page, env.baseUrl, 'en', 'Swish');
      await see(page.locator('img.swish-qr'), 'the Swish QR code');
      await control(env, 'swish-decline', { token: order.payment.nextAction.token });
      const status = page.locator('#order-status');
      await see(status.filter({ hasText: 'Cancelled' }), 'the order shown as cancelled', 20_000);
      await see(page.getByText('The payment did not go through, so the order was cancelled. No money was taken.'), 'the declined payment explained');
      assert.equal(await page.locator('img.qr').count(), 0, 'neither a Swish code nor a pickup pass is left');
      await page.getByRole('link', { name: 'Back to the menu' }).first().click();
      await see(page.getByRole('heading', { level: 1 }), 'the menu again');
    },
  },
  {
    name: 'Klarna: the library mounts the widget, its authorization secures the order, and it shows as paid',
    locale: 'en-US',
    run: async ({ page }) => {
      const env = await withProviders();
      const order = await orderWith(page, env.baseUrl, 'en', 'Klarna');
      assert.equal(order.payment.nextAction.type, 'klarna_widget', 'the api asks for Klarna’s widget');
      await see(page.getByText('Klarna (fake library): pay later'), 'the widget Klarna’s library loaded');
      await page.getByRole('button', { name: 'Continue with Klarna' }).click();
      await see(page.locator('#order-status').filter({ hasText: 'Paid' }), 'the order shown as paid after the authorization', 20_000);
    },
  },
];
