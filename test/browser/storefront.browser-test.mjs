// The reference storefront at / as a customer uses it on a phone: the menu, a product with a
// required choice, the cart, a pickup slot, contact details, the test payment and the live status
// page with its QR pickup pass; staff hand the order over through the admin API and the page
// follows without a reload. Also: the whole checkout by keyboard alone, a retry after a lost
// answer that makes one order, and a refusal explained.
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { see, suffix } from './support.mjs';
import { expectStatus, storefront } from './storefront.mjs';

const phone = { width: 390, height: 844 };

/** Signs staff in over the API (the admin console's own tests cover its screens). */
const staffApi = async (baseUrl, credentials) => {
  const login = await storefront(baseUrl, 'POST', '/auth/login', credentials);
  expectStatus(login, 200, 'POST /auth/login');
  const authorization = { Authorization: `Bearer ${login.body.accessToken}` };
  return (method, path, body) => storefront(baseUrl, method, `/admin${path}`, body, authorization);
};

/** The demo store and two of its products: one with a required choice, one without. */
const demoShop = async (baseUrl) => {
  const stores = await storefront(baseUrl, 'GET', '/stores');
  const store = stores.body.find((candidate) => candidate.name.startsWith('Kassa Demo Café'));
  assert.ok(store, 'the demo store is listed');
  const catalog = await storefront(baseUrl, 'GET', `/stores/${store.id}/catalog`);
  const products = catalog.body.categories.flatMap((category) => category.products).filter((product) => product.available && !product.soldOut);
  const withChoice = products.find((product) => product.modifierGroups.some((group) => group.minSelections > 0 && group.maxSelections === 1));
  const plain = products.find((product) => product.modifierGroups.length === 0);
  assert.ok(withChoice && plain, 'the demo menu has a product with a required choice and one without options');
  return { store, withChoice, plain, multipleStores: stores.body.length > 1 };
};

/** Opens the shop; picks the demo store when the list asks for one (other tests add stores). */
const openShop = async (page, baseUrl, shop, chooseLabel) => {
  await page.goto(`${baseUrl}/`);
  await see(page.getByRole('heading', { level: 1 }), 'the shop’s first heading');
  if (shop.multipleStores && (await page.getByRole('heading', { name: chooseLabel, level: 1 }).count()) > 0) {
    await page.getByRole('button', { name: new RegExp(`^${shop.store.name}`) }).click();
  }
  await see(page.getByRole('heading', { name: shop.store.name, level: 1 }), 'the demo store’s menu');
};

/** The store-local date some days ahead, as the day list's option values are. */
const dayAhead = (timeZone, days) => new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));

/** Reads the QR the page shows, from the pixels the browser drew, not from the api. */
const readQr = async (page) => {
  const image = await page.locator('img.qr').evaluate(async (img) => {
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
  const pixels = new Uint8ClampedArray(Buffer.from(image.pixels, 'base64'));
  const decoded = jsQR(pixels, image.size, image.size);
  assert.ok(decoded, 'the pickup pass’s QR code can be read');
  return decoded.data;
};

const orderFromUrl = (page) => {
  const url = new URL(page.url());
  const match = /^\/orders\/([^/]+)$/.exec(url.pathname);
  assert.ok(match, `the status page is /orders/<id> (got ${url.pathname})`);
  return { id: match[1], token: url.searchParams.get('token') };
};

export const tests = [
  {
    name: 'a customer orders a latte with a required size, pays, and watches staff hand it over',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, credentials }) => {
      await page.setViewportSize(phone);
      const shop = await demoShop(baseUrl);
      const name = shop.withChoice.nameSv;
      const group = shop.withChoice.modifierGroups.find((candidate) => candidate.minSelections > 0);
      const option = group.options.at(-1);
      await openShop(page, baseUrl, shop, 'Välj butik');

      await page.getByRole('button', { name: `Lägg till ${name}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name });
      await see(dialog, `the options of ${name}`);
      await dialog.getByRole('button', { name: 'Lägg i varukorgen' }).click();
      await see(dialog.getByRole('alert').getByText(`Välj ett alternativ under ${group.nameSv}.`), 'the required choice asked for');
      await dialog.getByRole('radio', { name: new RegExp(`^${option.nameSv}`) }).check();
      await dialog.getByRole('textbox', { name: 'Önskemål (valfritt)' }).fill('Extra varm, tack – åäö');
      await dialog.getByRole('button', { name: 'Lägg i varukorgen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const cart = page.getByRole('region', { name: 'Varukorg' });
      await see(cart.getByText(`1 × ${name}`), 'the latte in the cart');
      await see(cart.getByText('“Extra varm, tack – åäö”'), 'the note, with å, ä and ö, in the cart');
      await see(cart.getByText('Preliminärt'), 'the cart total marked as an estimate');

      await cart.getByRole('link', { name: 'Till kassan' }).click();
      await page.waitForURL(/\/checkout$/);
      const pickup = page.getByRole('group', { name: 'Upphämtning' });
      await pickup.getByRole('radio', { name: 'Välj tid' }).check();
      await pickup.getByLabel('Dag', { exact: true }).selectOption(dayAhead(shop.store.timezone, 2));
      const slot = pickup.locator('input[name="pickup-slot"]:not([disabled])').first();
      const slotStart = await slot.getAttribute('value');
      await slot.check();
      const id = suffix();
      await page.getByRole('textbox', { name: 'Namn' }).fill(`Åsa Öberg ${id}`);
      await page.getByRole('textbox', { name: 'E-post' }).fill('asa@example.se');
      await page.getByRole('radio', { name: 'Testbetalning (demo)' }).check();
      await page.getByRole('button', { name: 'Beställ', exact: true }).click();

      await page.waitForURL(/\/orders\/[^/]+\?token=/);
      const { id: orderId, token } = orderFromUrl(page);
      const placed = await storefront(baseUrl, 'GET', `/orders/${orderId}`, undefined, { 'X-Order-Token': token });
      expectStatus(placed, 200, 'GET the placed order');
      assert.equal(placed.body.pickup.start, slotStart, 'the order is for the chosen slot');
      assert.deepEqual(placed.body.lines[0].modifiers.map((modifier) => modifier.optionId), [option.id], 'the chosen size was ordered');
      await see(page.getByRole('heading', { name: `Beställning ${placed.body.number}` }), 'the order number');
      const status = page.locator('#order-status');
      await see(status.getByText('Väntar på betalning'), 'the order waiting for its payment');
      const total = await page.locator('[data-total]').getAttribute('data-total');
      assert.equal(Number(total), placed.body.totals.total, 'the page shows the store’s total');

      await page.getByRole('button', { name: 'Godkänn testbetalning' }).click();
      await see(status.filter({ hasText: 'Betald' }), 'the order shown as paid');
      await see(page.locator('img.qr'), 'the QR pickup pass');
      const pass = await storefront(baseUrl, 'GET', `/orders/${orderId}/pickup-pass`, undefined, { 'X-Order-Token': token });
      expectStatus(pass, 200, 'GET pickup-pass');
      assert.equal(await page.locator('[data-pickup-code]').innerText(), pass.body.code, 'the page shows the six-character pickup code');
      assert.equal(await readQr(page), pass.body.qr, 'the QR on the page holds the order’s signed pickup token');

      // Staff work the order; the page follows by itself.
      await page.evaluate(() => {
        window.kassaNoReload = true;
      });
      const admin = await staffApi(baseUrl, credentials);
      expectStatus(await admin('POST', `/orders/${orderId}/accept`), 200, 'accept');
      await see(status.filter({ hasText: 'tagit emot' }), 'the order shown as accepted without reloading', 20_000);
      expectStatus(await admin('POST', `/orders/${orderId}/ready`), 200, 'ready');
      await see(status.filter({ hasText: 'Klar att hämta' }), 'the order shown as ready without reloading', 20_000);
      expectStatus(await admin('POST', `/orders/${orderId}/hand-over`, { code: pass.body.code }), 200, 'hand-over with the pickup code');
      await see(status.filter({ hasText: 'Hämtad' }), 'the order shown as picked up without reloading', 20_000);
      assert.equal(await page.evaluate(() => window.kassaNoReload), true, 'the page was not reloaded');
      assert.equal(await page.locator('img.qr').count(), 0, 'a picked-up order no longer shows its pass');

      // The link in the confirmation e-mail opens the same page from scratch.
      await page.goto(`${baseUrl}/orders/${orderId}?token=${encodeURIComponent(token)}`);
      await see(page.locator('#order-status').filter({ hasText: 'Hämtad' }), 'the picked-up order when the e-mail’s link is opened');
    },
  },
  {
    name: 'the storefront is served at / without hiding the api, the admin console or health',
    run: async ({ baseUrl }) => {
      const get = (path) => fetch(`${baseUrl}${path}`, { headers: { Accept: 'text/html,application/json' } });
      for (const path of ['/', '/checkout', '/orders/00000000-0000-4000-8000-000000000000?token=x']) {
        const response = await get(path);
        assert.equal(response.status, 200, `${path} answers 200`);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/, `${path} is the storefront page`);
        assert.match(await response.text(), /src="\/assets\/[^"]+\.js"/, `${path} loads the storefront's script`);
        assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/, `${path} keeps the CSP`);
      }
      assert.equal((await get('/assets/missing.js')).status, 404, 'a missing asset is a 404, not the page');
      const api = await get('/api/v1/nope');
      assert.equal(api.status, 404, 'an unknown api route is still a 404');
      assert.equal((await api.json()).code, 'NOT_FOUND', 'with the api’s error shape');
      assert.equal((await get('/health')).status, 200, '/health still answers');
      assert.match(await (await get('/admin/')).text(), /\/admin\/assets\//, '/admin/ is still the console');
    },
  },
  {
    name: 'the whole checkout works with the keyboard alone',
    locale: 'en-US',
    run: async ({ page, baseUrl }) => {
      const shop = await demoShop(baseUrl);
      await openShop(page, baseUrl, shop, 'Choose a store');
      const focusedName = () =>
        page.evaluate(() => {
          const element = document.activeElement;
          if (!element) return '';
          return element.getAttribute('aria-label') ?? (element.labels?.[0]?.textContent ?? element.textContent ?? '').trim();
        });
      /** Presses Tab until the focused control is the one named; fails after `limit` presses. */
      const tabTo = async (label, limit = 300) => {
        for (let presses = 0; presses < limit; presses += 1) {
          if ((await focusedName()).startsWith(label)) return;
          await page.keyboard.press('Tab');
        }
        throw new Error(`could not reach "${label}" with Tab`);
      };

      await tabTo(`Add ${shop.plain.nameEn}`);
      await page.keyboard.press('Enter');
      await see(page.getByRole('dialog', { name: shop.plain.nameEn }), 'the product dialog');
      await tabTo('Add to cart', 20);
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await tabTo('Checkout');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/checkout$/);

      await see(page.getByRole('group', { name: 'Pickup' }), 'the pickup choices');
      await tabTo('As soon as possible', 60);
      await page.keyboard.press('ArrowDown');
      await see(page.getByLabel('Day'), 'the day list after choosing "Choose a time"');
      await tabTo('Day', 5);
      const days = await page.getByLabel('Day').locator('option').evaluateAll((options) => options.map((option) => option.value));
      const target = dayAhead(shop.store.timezone, 2);
      for (let index = days.indexOf(await page.getByLabel('Day').inputValue()); index < days.indexOf(target); index += 1) await page.keyboard.press('ArrowDown');
      await see(page.locator(`input[name="pickup-slot"]`).first(), 'the day’s times');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      assert.equal(await page.locator('input[name="pickup-slot"]:checked').count(), 1, 'a time is chosen by keyboard');
      await tabTo('Name', 10);
      await page.keyboard.type(`Örjan Ängström ${suffix()}`);
      await tabTo('Email', 5);
      await page.keyboard.type('orjan@example.se');
      await tabTo('Test payment (demo)', 10);
      await page.keyboard.press('Space');
      await tabTo('Place order', 10);
      await page.keyboard.press('Enter');

      await page.waitForURL(/\/orders\/[^/]+\?token=/);
      await see(page.locator('#order-status').getByText('Waiting for payment'), 'the order waiting for its payment');
      await tabTo('Approve test payment', 40);
      await page.keyboard.press('Enter');
      await see(page.locator('#order-status').filter({ hasText: 'Paid' }), 'the order shown as paid');
      await see(page.locator('img.qr'), 'the pickup pass');
    },
  },
  {
    name: 'an answer lost on the way back: the retry sends the same Idempotency-Key and makes one order',
    locale: 'en-US',
    run: async ({ page, baseUrl }) => {
      const shop = await demoShop(baseUrl);
      await openShop(page, baseUrl, shop, 'Choose a store');
      await page.getByRole('button', { name: `Add ${shop.plain.nameEn}`, exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Add to cart' }).click();
      await page.getByRole('region', { name: 'Cart' }).getByRole('link', { name: 'Checkout' }).click();
      const pickup = page.getByRole('group', { name: 'Pickup' });
      await pickup.getByRole('radio', { name: 'Choose a time' }).check();
      await pickup.getByLabel('Day', { exact: true }).selectOption(dayAhead(shop.store.timezone, 2));
      await pickup.locator('input[name="pickup-slot"]:not([disabled])').first().check();
      await page.getByRole('textbox', { name: 'Name' }).fill(`Lost Answer ${suffix()}`);
      await page.getByRole('textbox', { name: 'Email' }).fill('lost@example.se');

      // The first checkout reaches the api, but its answer never reaches the phone.
      const keys = [];
      await page.route('**/api/v1/orders', async (route) => {
        keys.push(route.request().headers()['idempotency-key']);
        if (keys.length === 1) {
          await route.fetch();
          await route.abort('connectionreset');
        } else {
          await route.continue();
        }
      });
      await page.getByRole('button', { name: 'Place order', exact: true }).click();
      await see(page.getByRole('alert').getByText('Could not reach the store.'), 'the network error explained');
      const replayed = page.waitForResponse((response) => response.url().endsWith('/api/v1/orders') && response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Place order', exact: true }).click();
      const answer = await replayed;
      assert.equal(answer.status(), 201, 'the retry is answered');
      assert.equal(answer.headers()['idempotent-replayed'], 'true', 'the api replays the first checkout’s answer');
      assert.equal(keys.length, 2, 'the customer sent the checkout twice');
      assert.ok(keys[0] && keys[0] === keys[1], `both sends carry the same Idempotency-Key (got ${keys.join(', ')})`);
      await page.waitForURL(/\/orders\/[^/]+\?token=/);
      await see(page.locator('#order-status').getByText('Waiting for payment'), 'the one order’s status page');
    },
  },
  {
    name: 'a product sold out while it sat in the cart is named in the refusal, in Swedish',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, credentials }) => {
      const shop = await demoShop(baseUrl);
      const admin = await staffApi(baseUrl, credentials);
      await openShop(page, baseUrl, shop, 'Välj butik');
      await page.getByRole('button', { name: `Lägg till ${shop.plain.nameSv}`, exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Lägg i varukorgen' }).click();
      await page.getByRole('region', { name: 'Varukorg' }).getByRole('link', { name: 'Till kassan' }).click();
      const pickup = page.getByRole('group', { name: 'Upphämtning' });
      await pickup.getByRole('radio', { name: 'Välj tid' }).check();
      await pickup.getByLabel('Dag', { exact: true }).selectOption(dayAhead(shop.store.timezone, 2));
      await pickup.locator('input[name="pickup-slot"]:not([disabled])').first().check();
      await page.getByRole('textbox', { name: 'Namn' }).fill('Åke Ström');
      await page.getByRole('textbox', { name: 'Mobilnummer' }).fill('070-123 45 67');
      await page.getByRole('radio', { name: 'Betala vid upphämtning' }).check();

      const soldOut = `/stores/${shop.store.id}/products/${shop.plain.id}/sold-out`;
      expectStatus(await admin('POST', soldOut, { soldOut: true }), 200, 'the 86 button');
      try {
        await page.getByRole('button', { name: 'Beställ', exact: true }).click();
        await see(
          page.getByRole('alert').getByText(`${shop.plain.nameSv} går inte att beställa just nu. Ta bort den ur varukorgen.`),
          'the refusal naming the sold-out product',
        );
        assert.match(page.url(), /\/checkout$/, 'the customer stays at the checkout');
      } finally {
        expectStatus(await admin('POST', soldOut, { soldOut: false }), 200, 'selling it again');
      }
    },
  },
];
