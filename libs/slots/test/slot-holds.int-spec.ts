import { MikroORM } from '@mikro-orm/core';
import { SlotsService } from '@kassa/slots';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { SlotHoldSweeper } from '../src/slot-hold.sweeper';
import { configurePickup, localDate, setBusy, slotAt, systemEm } from './slots.factory';

/** reserve / confirm / release, in the caller's transaction, against the real database. */
describe('slot holds', () => {
  let kassa: TestApp;
  let orm: MikroORM;
  let slots: SlotsService;
  let storeId: string;
  const tomorrow = localDate(1);
  let n = 0;
  const holdId = () => `order-${++n}`;

  beforeAll(async () => {
    kassa = await startTestApp();
    orm = kassa.app.get(MikroORM);
    slots = kassa.app.get(SlotsService);
    storeId = await demoStoreId(kassa.http);
    await configurePickup(orm, storeId, { maxOrders: 2, maxItems: 10 });
  });
  afterAll(() => kassa.close());

  const inTx = <T>(work: () => Promise<T>): Promise<T> => systemEm(orm).transactional(() => work());
  const reserve = (id: string, slotStart: string, items = 1, kitchenMinutes = 0, ttl?: number) =>
    inTx(() => slots.reserve(storeId, id, { slotStart, orders: 1, items, kitchenMinutes }, ttl));
  const remaining = async (slotStart: string) => {
    const listing = await inTx(() => slots.availability(storeId, { items: 1, kitchenMinutes: 0 }, tomorrow));
    return listing.slots.find((s) => s.start === slotStart)?.remaining;
  };

  it('holds a slot and answers a repeated reserve with the same hold', async () => {
    const start = slotAt(tomorrow, '09:00');
    const first = await reserve('repeat-1', start, 3);
    expect(first).toMatchObject({ holdId: 'repeat-1', slotStart: start, slotEnd: slotAt(tomorrow, '09:30') });
    expect(first.expiresAt.getTime()).toBeGreaterThan(Date.now() + 500_000);
    const again = await reserve('repeat-1', start, 3);
    expect(again).toEqual(first);
    expect(await remaining(start)).toEqual({ orders: 1, items: 7, kitchenMinutes: null });
  });

  it('answers a repeat with the first hold even when the store has paused orders since', async () => {
    const start = slotAt(tomorrow, '09:30');
    const first = await reserve('repeat-2', start, 1);
    await setBusy(orm, storeId, true, 0);
    try {
      expect(await reserve('repeat-2', start, 1)).toEqual(first);
      await expect(reserve('repeat-3', start, 1)).rejects.toMatchObject({ code: 'ORDERING_PAUSED' });
    } finally {
      await setBusy(orm, storeId, false, 0);
    }
  });

  it('refuses an order that does not fit with 409 SLOT_FULL and keeps nothing of it', async () => {
    const start = slotAt(tomorrow, '10:00');
    await reserve(holdId(), start, 8);
    await expect(reserve('too-big', start, 3)).rejects.toMatchObject({ code: 'SLOT_FULL', status: 409 });
    await reserve(holdId(), start, 2);
    await expect(reserve(holdId(), start, 0)).rejects.toMatchObject({ code: 'SLOT_FULL' });
    expect(await remaining(start)).toEqual({ orders: 0, items: 0, kitchenMinutes: null });
    await expect(inTx(() => slots.confirm('too-big'))).rejects.toMatchObject({ code: 'HOLD_NOT_FOUND', status: 404 });
  });

  it('gives capacity back on release, also for a paid order that is cancelled', async () => {
    const start = slotAt(tomorrow, '11:00');
    await reserve('paid', start, 4);
    await reserve('unpaid', start, 4);
    await inTx(() => slots.confirm('paid'));
    await inTx(() => slots.confirm('paid'));
    await inTx(() => slots.release('unpaid'));
    await inTx(() => slots.release('unpaid'));
    expect(await remaining(start)).toMatchObject({ orders: 1, items: 6 });
    await inTx(() => slots.release('paid'));
    expect(await remaining(start)).toMatchObject({ orders: 2, items: 10 });
    await expect(inTx(() => slots.confirm('paid'))).rejects.toMatchObject({ code: 'HOLD_CLOSED' });
  });

  it('lets an unpaid hold expire and gives its capacity back, on read and to the sweep', async () => {
    const start = slotAt(tomorrow, '12:00');
    await reserve('short-1', start, 5, 0, 1);
    await reserve('short-2', start, 5, 0, 1);
    await expect(reserve(holdId(), start, 1)).rejects.toMatchObject({ code: 'SLOT_FULL' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await remaining(start)).toMatchObject({ orders: 2, items: 10 });
    expect(await kassa.app.get(SlotHoldSweeper).sweep()).toBeGreaterThanOrEqual(1);
    await reserve('after-expiry', start, 10);
    expect(await remaining(start)).toMatchObject({ orders: 1, items: 0 });
    const [load] = await systemEm(orm).execute('select orders, items from slot_load where store_id = ? and slot_start = ?', [storeId, new Date(Date.parse(start))]);
    expect(load).toEqual({ orders: 1, items: 10 });
  });

  it('sweeps the expired holds of a slot itself when a booking does not fit without them', async () => {
    const start = slotAt(tomorrow, '12:30');
    await reserve('lapsing-1', start, 5, 0, 1);
    await reserve('lapsing-2', start, 5, 0, 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await reserve('takes-their-place', start, 10);
    const [load] = await systemEm(orm).execute('select orders, items from slot_load where store_id = ? and slot_start = ?', [storeId, new Date(Date.parse(start))]);
    expect(load).toEqual({ orders: 1, items: 10 });
    const holds = await systemEm(orm).execute('select hold_id, status from slot_hold where store_id = ? and slot_start = ? order by hold_id', [storeId, new Date(Date.parse(start))]);
    expect(holds).toEqual([
      { hold_id: 'lapsing-1', status: 'expired' },
      { hold_id: 'lapsing-2', status: 'expired' },
      { hold_id: 'takes-their-place', status: 'active' },
    ]);
  });

  it('confirms a late payment if its expired slot still has room', async () => {
    const start = slotAt(tomorrow, '13:00');
    await reserve('late-payer', start, 2, 0, 1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await reserve(holdId(), start, 8);
    await inTx(() => slots.confirm('late-payer'));
    expect(await remaining(start)).toMatchObject({ orders: 0, items: 0 });
  });

  it('says why a slot cannot be held', async () => {
    await expect(reserve(holdId(), slotAt(tomorrow, '13:10'))).rejects.toMatchObject({ code: 'SLOT_NOT_FOUND', status: 422 });
    await expect(reserve(holdId(), slotAt(localDate(-1), '13:00'))).rejects.toMatchObject({ code: 'SLOT_TOO_EARLY', status: 422 });
    await expect(reserve(holdId(), slotAt(localDate(20), '13:00'))).rejects.toMatchObject({ code: 'SLOT_TOO_FAR_AHEAD', status: 422 });
    await expect(reserve(holdId(), '13:00')).rejects.toMatchObject({ code: 'INVALID_SLOT', status: 422 });
    await expect(reserve('', slotAt(tomorrow, '14:00'), -1)).rejects.toMatchObject({
      code: 'INVALID_SLOT',
      details: [{ field: 'holdId', reason: expect.any(String) }, { field: 'items', reason: expect.any(String) }],
    });
    await setBusy(orm, storeId, true, 0);
    await expect(reserve(holdId(), slotAt(tomorrow, '14:00'))).rejects.toMatchObject({ code: 'ORDERING_PAUSED', status: 422 });
    await setBusy(orm, storeId, false, 0);
    await configurePickup(orm, storeId, { weeklyHours: [{ weekday: 1, start: '08:00', end: '09:00' }] });
    await expect(reserve(holdId(), slotAt(tomorrow, '14:00'))).rejects.toMatchObject({ code: 'STORE_CLOSED', status: 422 });
  });
});
