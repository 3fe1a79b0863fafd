import { MikroORM } from '@mikro-orm/core';
import { SlotsService } from '@kassa/slots';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { configurePickup, localDate, slotAt, systemEm } from './slots.factory';

/** 200 concurrent checkouts, each in its own transaction, into slots with little room. */
describe('no overbooking under concurrency', () => {
  let kassa: TestApp;
  let orm: MikroORM;
  let slots: SlotsService;
  let storeId: string;
  const tomorrow = localDate(1);

  beforeAll(async () => {
    kassa = await startTestApp({ DATABASE_POOL_SIZE: '20' });
    orm = kassa.app.get(MikroORM);
    slots = kassa.app.get(SlotsService);
    storeId = await demoStoreId(kassa.http);
  });
  afterAll(() => kassa.close());

  async function stampede(slotStart: string, itemsOf: (i: number) => number): Promise<{ held: number[]; codes: string[] }> {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        systemEm(orm).transactional(() => slots.reserve(storeId, `checkout-${slotStart.slice(11, 13)}-${i}`, { slotStart, orders: 1, items: itemsOf(i), kitchenMinutes: 2 })),
      ),
    );
    const held = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    const codes = outcomes.flatMap((o) => (o.status === 'rejected' ? [String((o.reason as { code?: string }).code ?? o.reason)] : []));
    return { held, codes };
  }

  async function load(slotStart: string): Promise<{ orders: number; items: number; kitchen_minutes: number; holds: number; held_items: number }> {
    const [row] = await systemEm(orm).execute(
      `select l.orders, l.items, l.kitchen_minutes,
              (select count(*)::int from slot_hold h where h.store_id = l.store_id and h.slot_start = l.slot_start and h.status = 'active') as holds,
              (select coalesce(sum(items), 0)::int from slot_hold h where h.store_id = l.store_id and h.slot_start = l.slot_start and h.status = 'active') as held_items
         from slot_load l where l.store_id = ? and l.slot_start = ?`,
      [storeId, new Date(Date.parse(slotStart))],
    );
    return row as never;
  }

  it('gives exactly 10 holds and 190 SLOT_FULL for a slot with room for 10 orders', async () => {
    await configurePickup(orm, storeId, { maxOrders: 10, maxItems: null, maxKitchenMinutes: null });
    const slotStart = slotAt(tomorrow, '12:00');
    const { held, codes } = await stampede(slotStart, () => 1);
    expect(held).toHaveLength(10);
    expect(codes).toEqual(Array(190).fill('SLOT_FULL'));
    expect(await load(slotStart)).toEqual({ orders: 10, items: 10, kitchen_minutes: 20, holds: 10, held_items: 10 });
  });

  it('never lets the sum of items pass the item cap', async () => {
    await configurePickup(orm, storeId, { maxOrders: null, maxItems: 50, maxKitchenMinutes: null });
    const slotStart = slotAt(tomorrow, '13:00');
    const { held, codes } = await stampede(slotStart, (i) => 1 + (i % 7));
    expect(new Set(codes)).toEqual(new Set(['SLOT_FULL']));
    const after = await load(slotStart);
    expect(after.items).toBeLessThanOrEqual(50);
    expect(after.items).toBe(after.held_items);
    expect(after.holds).toBe(held.length);
    expect(after.items).toBeGreaterThanOrEqual(44); // nobody was refused while a 7-item order still fit
  });
});
