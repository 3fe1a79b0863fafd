import { DomainEvent } from '@kassa/shared';
import { OutboxConsumers } from '@kassa/platform';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { STOCK_LOW, StockLowPayload } from '../src';
import { deliver, eventually, inTransaction, organisationOf, trackedProduct } from './inventory.factory';

describe('low stock', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let organisationId: string;
  const received: StockLowPayload[] = [];

  beforeAll(async () => {
    kassa = await startTestApp();
    kassa.app.get(OutboxConsumers).register<StockLowPayload>({
      name: 'test.stock-low',
      eventType: STOCK_LOW,
      handle: async (event: DomainEvent<StockLowPayload>) => {
        received.push(event.payload);
      },
    });
    owner = await kassa.login();
    organisationId = await organisationOf(kassa, owner);
    storeId = await demoStoreId(kassa.http);
  });
  afterAll(() => kassa.close());

  const settle = async (count: number) => {
    await eventually(async () => received.length, (n) => n >= count);
    await new Promise((resolve) => setTimeout(resolve, 300));
  };

  it('emits StockLow once per downward crossing of the threshold, and lists the item for reordering', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Lågbulle');
    await deliver(kassa, storeId, bun.stockItemId, 10);
    const levels = await kassa.http
      .get('/api/v1/admin/stock-levels')
      .query({ filter: JSON.stringify({ storeId, q: 'lågbulle' }) })
      .set('Authorization', owner)
      .expect(200);
    expect(levels.body.map((l: { stockItemId: string }) => l.stockItemId)).toEqual([bun.stockItemId]);
    const levelId = levels.body[0].id as string;
    await kassa.http.put(`/api/v1/admin/stock-levels/${levelId}`).set('Authorization', owner).send({ lowStockThreshold: 5, parLevel: 24 }).expect(200);

    const reserve = (holdId: string, quantity: number) =>
      inTransaction(kassa, (inventory) => inventory.reserve(storeId, holdId, [{ ...bun, quantity }], 600));
    await reserve('low-1', 3); // 10 → 7
    await reserve('low-2', 3); // 7 → 4: crosses
    await reserve('low-3', 1); // 4 → 3: already low
    await settle(1);
    expect(received).toEqual([
      { storeId, stockItemId: bun.stockItemId, sku: expect.any(String), name: 'Lågbulle', available: 4, threshold: 5, parLevel: 24 },
    ]);

    const reorder = await kassa.http
      .get('/api/v1/admin/reorder-suggestions')
      .query({ filter: JSON.stringify({ storeId }) })
      .set('Authorization', owner)
      .expect(200);
    expect(reorder.body).toEqual([
      {
        id: levelId,
        storeId,
        stockItemId: bun.stockItemId,
        sku: expect.any(String),
        name: 'Lågbulle',
        unit: 'pcs',
        available: 3,
        lowStockThreshold: 5,
        parLevel: 24,
        suggestedQuantity: 21,
      },
    ]);

    // Back above the threshold, then down through it again: a second alert.
    await inTransaction(kassa, async (inventory) => {
      await inventory.release('low-1');
      await inventory.release('low-2');
    });
    await settle(1);
    expect(received).toHaveLength(1);
    await kassa.http
      .post('/api/v1/admin/stock-movements')
      .set('Authorization', owner)
      .send({ storeId, stockItemId: bun.stockItemId, kind: 'waste', quantity: 5, reason: 'Brända' })
      .expect(201);
    await settle(2);
    expect(received.map((p) => p.available)).toEqual([4, 4]);
  });
});
