import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';

export { openAllDay } from '../../../test/support/fixtures';

let counter = 0;

async function expectStatus<T>(label: string, promise: PromiseLike<{ status: number; body: unknown }>, status: number): Promise<T> {
  const response = await promise;
  if (response.status !== status) throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** A product sold online whose own stock is counted, with `onHand` delivered to the store. */
export async function stockedProduct(
  http: TestAgent,
  auth: string,
  storeId: string,
  input: { nameSv?: string; price?: number; vatRate?: number; onHand: number; prepMinutes?: number },
): Promise<{ id: string; stockItemId: string; nameSv: string }> {
  counter += 1;
  const product = await expectStatus<{ id: string; nameSv: string }>(
    'create product',
    http
      .post('/api/v1/admin/products')
      .set('Authorization', auth)
      .send({
        sku: `ORD-${counter}-${randomUUID().slice(0, 6)}`,
        nameSv: input.nameSv ?? `Kanelbulle ${counter}`,
        nameEn: `Cinnamon bun ${counter}`,
        price: input.price ?? 3500,
        vatRate: input.vatRate ?? 12,
        prepMinutes: input.prepMinutes ?? 0,
        stock: { mode: 'tracked', allowBackorder: false },
      }),
    201,
  );
  const [item] = await expectStatus<Array<{ id: string }>>(
    'stock item',
    http.get('/api/v1/admin/stock-items').query({ filter: JSON.stringify({ productId: product.id }) }).set('Authorization', auth),
    200,
  );
  if (input.onHand > 0) {
    await expectStatus(
      'delivery',
      http.post('/api/v1/admin/stock-movements').set('Authorization', auth).send({ storeId, stockItemId: item.id, kind: 'delivery', quantity: input.onHand, reason: 'Test delivery' }),
      201,
    );
  }
  return { id: product.id, stockItemId: item.id, nameSv: product.nameSv };
}

export async function stockOf(http: TestAgent, auth: string, storeId: string, stockItemId: string): Promise<{ onHand: number; reserved: number; available: number }> {
  const levels = await expectStatus<Array<{ stockItemId: string; onHand: number; reserved: number; available: number }>>(
    'stock levels',
    http.get('/api/v1/admin/stock-levels').query({ filter: JSON.stringify({ storeId }), range: '[0,499]' }).set('Authorization', auth),
    200,
  );
  const level = levels.find((l) => l.stockItemId === stockItemId);
  if (!level) throw new Error(`no stock level for ${stockItemId}`);
  return { onHand: level.onHand, reserved: level.reserved, available: level.available };
}

export interface CheckoutBody {
  storeId: string;
  items: Array<{ productId: string; quantity: number; modifierOptionIds?: string[]; note?: string }>;
  pickup: { slotStart?: string; asap?: boolean };
  customer: { name: string; email?: string; phone?: string };
  payment: { method: string };
  locale?: string;
}

export function checkoutBody(storeId: string, productId: string, overrides: Partial<CheckoutBody> = {}): CheckoutBody {
  return {
    storeId,
    items: [{ productId, quantity: 1 }],
    pickup: { asap: true },
    customer: { name: 'Åsa Öberg', email: 'asa@example.se', phone: '070-123 45 67' },
    payment: { method: 'test' },
    locale: 'sv',
    ...overrides,
  };
}

export function checkout(http: TestAgent, body: object, key: string = randomUUID()) {
  return http.post('/api/v1/orders').set('Idempotency-Key', key).send(body);
}

/** The first slot of the store's today (or of `days` ahead) that fits a one-item order. */
export async function firstFreeSlot(http: TestAgent, storeId: string, date?: string): Promise<{ start: string; end: string; remainingOrders: number | null }> {
  const listing = await expectStatus<{ slots: Array<{ start: string; end: string; available: boolean; remainingOrders: number | null }> }>(
    'pickup slots',
    http.get(`/api/v1/stores/${storeId}/pickup-slots`).query({ days: 2, ...(date ? { date } : {}) }),
    200,
  );
  const slot = listing.slots.find((s) => s.available);
  if (!slot) throw new Error('no free slot');
  return slot;
}

export async function slotRemaining(http: TestAgent, storeId: string, start: string): Promise<number | null> {
  const listing = await expectStatus<{ slots: Array<{ start: string; remainingOrders: number | null }> }>(
    'pickup slots',
    http.get(`/api/v1/stores/${storeId}/pickup-slots`).query({ date: start.slice(0, 10) }),
    200,
  );
  const slot = listing.slots.find((s) => s.start === start);
  if (!slot) throw new Error(`slot ${start} not listed`);
  return slot.remainingOrders;
}
