// The storefront and payment API as a shop or a payment provider calls it (no staff token): the
// browser tests use it to place and pay orders for staff to work in the console.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

export const storefront = async (baseUrl, method, path, body, headers = {}) => {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
};

export const expectStatus = (answer, status, what) =>
  assert.equal(answer.status, status, `${what} answers ${status} (got ${answer.status}: ${JSON.stringify(answer.body)})`);

/** A store-local date (YYYY-MM-DD) some days from today. */
const localDateIn = (timeZone, days) => {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};

/** What a customer needs to order: the demo store and a product without required choices. */
export const shopFor = async (baseUrl) => {
  const stores = await storefront(baseUrl, 'GET', '/stores');
  expectStatus(stores, 200, 'GET /stores');
  // The admin test renames the demo store but keeps its name as a prefix.
  const store = stores.body.find((candidate) => candidate.name.startsWith('Kassa Demo Café'));
  assert.ok(store, `the demo store is listed (got ${stores.body.map((candidate) => candidate.name).join(', ')})`);

  const catalog = await storefront(baseUrl, 'GET', `/stores/${store.id}/catalog`);
  expectStatus(catalog, 200, 'GET catalog');
  const product = catalog.body.categories
    .flatMap((category) => category.products)
    .find((candidate) => candidate.available && !candidate.soldOut && candidate.modifierGroups.every((group) => group.minSelections === 0));
  assert.ok(product, 'the demo catalogue has a product that can be ordered without choosing options');
  return { store, product };
};

/** The first slot this item fits, two days ahead: the pickup browser test expects tomorrow's slots empty. */
const freeSlot = async (baseUrl, { store, product }) => {
  const date = localDateIn(store.timezone, 2);
  const slots = await storefront(baseUrl, 'GET', `/stores/${store.id}/pickup-slots?date=${date}&items=${product.id}:1`);
  expectStatus(slots, 200, 'GET pickup-slots');
  const slot = slots.body.slots.find((candidate) => candidate.available);
  assert.ok(slot, `a pickup slot is free on ${date} (got ${JSON.stringify(slots.body).slice(0, 300)})`);
  return slot;
};

/** Checks out one item and approves its test payment: the order is then paid. */
export const placePaidOrder = async (baseUrl, shop, customerName) => {
  const { store, product } = shop;
  const slot = await freeSlot(baseUrl, shop);
  const created = await storefront(
    baseUrl,
    'POST',
    '/orders',
    {
      storeId: store.id,
      items: [{ productId: product.id, quantity: 1 }],
      pickup: { slotStart: slot.start },
      customer: { name: customerName, email: 'asa@example.se' },
      payment: { method: 'test' },
      locale: 'sv',
    },
    { 'Idempotency-Key': randomUUID() },
  );
  expectStatus(created, 201, 'POST /orders');
  assert.equal(created.body.status, 'pending_payment', 'a new order waits for its payment');
  assert.ok(created.body.payment?.id, 'the new order names its payment');
  const approved = await storefront(baseUrl, 'POST', `/payments/test/${created.body.payment.id}/approve`);
  assert.ok(approved.status >= 200 && approved.status < 300, `the test payment is approved (got ${approved.status}: ${JSON.stringify(approved.body)})`);
  return created.body;
};

/** The pickup code the customer's phone shows. */
export const pickupCode = async (baseUrl, order) => {
  const pass = await storefront(baseUrl, 'GET', `/orders/${order.id}/pickup-pass`, undefined, { 'X-Order-Token': order.token });
  expectStatus(pass, 200, 'GET pickup-pass');
  assert.match(pass.body.code, /^[0-9A-Z]{6}$/, 'the pickup code is six characters');
  return pass.body.code;
};
