import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { localDate, slotAt } from './slots.factory';

/** The storefront's slot list and the admin's pickup settings, over HTTP. */
describe('pickup API', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let espressoId: string;
  const tomorrow = localDate(1);
  const weekday = new Date(`${tomorrow}T12:00:00Z`).getUTCDay() || 7;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    const catalog = await kassa.http.get(`/api/v1/stores/${storeId}/catalog`).expect(200);
    const products = (catalog.body.categories as Array<{ products: Array<{ id: string; sku: string }> }>).flatMap((c) => c.products);
    espressoId = products.find((p) => p.sku === 'KAFFE-ESPRESSO')?.id ?? '';
    await kassa.http
      .put(`/api/v1/admin/stores/${storeId}/pickup-schedule`)
      .set('Authorization', owner)
      .send({
        slotMinutes: 30,
        leadMinutes: 0,
        daysAhead: 7,
        cutoffMinutes: 0,
        weeklyHours: [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
          { weekday: d, start: '07:00', end: '10:30' },
          { weekday: d, start: '11:00', end: '19:00' },
        ]),
        maxOrders: 5,
        maxItems: 8,
        maxKitchenMinutes: null,
      })
      .expect(200);
  });
  afterAll(() => kassa.close());

  const slotsFor = (query: string) => kassa.http.get(`/api/v1/stores/${storeId}/pickup-slots?${query}`).expect(200);

  it('lists a day’s slots with times in the store’s offset and what remains of each', async () => {
    const { body } = await slotsFor(`date=${tomorrow}`);
    expect(body.slots).toHaveLength(7 + 16);
    expect(body.slots[0]).toEqual({
      start: slotAt(tomorrow, '07:00'),
      end: slotAt(tomorrow, '07:30'),
      available: true,
      remainingOrders: 5,
      remainingItems: 8,
      remainingKitchenMinutes: null,
      reason: null,
    });
    expect(body.earliest).toBe(slotAt(tomorrow, '07:00'));
    expect(body.busy).toEqual({ paused: false, delayMinutes: 0 });
    expect(body.timezone).toBe('Europe/Stockholm');
  });

  it('fits a coffee but refuses a catering-size cart where the item cap is too small', async () => {
    const coffee = await slotsFor(`date=${tomorrow}&items=${espressoId}:1`);
    expect(coffee.body.earliest).toBe(slotAt(tomorrow, '07:00'));
    const catering = await slotsFor(`date=${tomorrow}&items=${espressoId}:10`);
    expect(catering.body.earliest).toBeNull();
    expect(catering.body.slots[0]).toMatchObject({ available: false, reason: 'full' });
  });

  it('weighs a cart whose required choices are not made yet: options change neither units nor kitchen time', async () => {
    const catalog = await kassa.http.get(`/api/v1/stores/${storeId}/catalog`).expect(200);
    type Product = { id: string; available: boolean; soldOut: boolean; modifierGroups: Array<{ minSelections: number }> };
    const products = (catalog.body.categories as Array<{ products: Product[] }>).flatMap((c) => c.products);
    const latte = products.find((p) => p.available && !p.soldOut && p.modifierGroups.some((g) => g.minSelections > 0));
    expect(latte).toBeDefined();
    const two = await slotsFor(`date=${tomorrow}&items=${latte?.id}:2`);
    expect(two.body.earliest).toBe(slotAt(tomorrow, '07:00'));
    const nine = await slotsFor(`date=${tomorrow}&items=${latte?.id}:9`);
    expect(nine.body.slots[0]).toMatchObject({ available: false, reason: 'full' });
  });

  it('lets a day-specific rule and a holiday change the calendar', async () => {
    await kassa.http
      .post(`/api/v1/admin/stores/${storeId}/capacity-rules`)
      .set('Authorization', owner)
      .send({ weekday, start: '07:00', end: '08:00', maxItems: 40 })
      .expect(201);
    const catering = await slotsFor(`date=${tomorrow}&items=${espressoId}:10`);
    expect(catering.body.earliest).toBe(slotAt(tomorrow, '07:00'));
    expect(catering.body.slots[2]).toMatchObject({ start: slotAt(tomorrow, '08:00'), available: false });

    const holiday = await kassa.http
      .post(`/api/v1/admin/stores/${storeId}/pickup-exceptions`)
      .set('Authorization', owner)
      .send({ date: tomorrow, closed: true, note: 'Helgdag' })
      .expect(201);
    expect((await slotsFor(`date=${tomorrow}`)).body.slots).toEqual([]);
    const list = await kassa.http.get(`/api/v1/admin/stores/${storeId}/pickup-exceptions`).set('Authorization', owner).expect(200);
    expect(list.headers['content-range']).toBe('pickup-exceptions 0-0/1');
    await kassa.http
      .post(`/api/v1/admin/stores/${storeId}/pickup-exceptions`)
      .set('Authorization', owner)
      .send({ date: tomorrow, closed: true })
      .expect(409);
    await kassa.http.delete(`/api/v1/admin/stores/${storeId}/pickup-exceptions/${holiday.body.id}`).set('Authorization', owner).expect(200);
    expect((await slotsFor(`date=${tomorrow}`)).body.slots.length).toBeGreaterThan(0);
  });

  it('lets any staff of the store switch busy mode, and the storefront sees it at once', async () => {
    const staff = await createUser(kassa.http, owner, { email: 'barista@example.com', role: 'staff', storeIds: [storeId] });
    const auth = await kassa.login(staff.email, staff.password);
    await kassa.http.put(`/api/v1/admin/stores/${storeId}/busy-mode`).set('Authorization', auth).send({ paused: false, delayMinutes: 20 }).expect(400);
    await kassa.http.put(`/api/v1/admin/stores/${storeId}/busy-mode`).set('Authorization', auth).send({ paused: true, delayMinutes: 15 }).expect(200);
    const paused = await slotsFor(`date=${tomorrow}`);
    expect(paused.body.busy).toEqual({ paused: true, delayMinutes: 15 });
    expect(paused.body.earliest).toBeNull();
    await kassa.http.put(`/api/v1/admin/stores/${storeId}/busy-mode`).set('Authorization', auth).send({ paused: false, delayMinutes: 0 }).expect(200);
    await kassa.http.put(`/api/v1/admin/stores/${storeId}/pickup-schedule`).set('Authorization', auth).send({}).expect(403);
  });

  it('shows the admin a day’s load per slot against its capacity', async () => {
    const { body } = await kassa.http.get(`/api/v1/admin/stores/${storeId}/pickup-load?date=${tomorrow}`).set('Authorization', owner).expect(200);
    expect(body.date).toBe(tomorrow);
    expect(body.slots[0]).toEqual({
      start: slotAt(tomorrow, '07:00'),
      end: slotAt(tomorrow, '07:30'),
      booked: { orders: 0, items: 0, kitchenMinutes: 0 },
      capacity: { maxOrders: 5, maxItems: 40, maxKitchenMinutes: null },
      activeHolds: 0,
      confirmedHolds: 0,
    });
  });

  it('answers 404 to a manager of another store and names bad input', async () => {
    const other = await createStore(kassa.http, owner, { name: 'Butik Norr' });
    const manager = await createUser(kassa.http, owner, { email: 'norr@example.com', role: 'manager', storeIds: [other.id] });
    const auth = await kassa.login(manager.email, manager.password);
    await kassa.http.get(`/api/v1/admin/stores/${storeId}/pickup-schedule`).set('Authorization', auth).expect(404);
    await kassa.http.put(`/api/v1/admin/stores/${storeId}/busy-mode`).set('Authorization', auth).send({ bogus: 1 }).expect(404);
    await kassa.http.get(`/api/v1/admin/stores/${other.id}/pickup-schedule`).set('Authorization', auth).expect(200);

    const bad = await kassa.http.get(`/api/v1/stores/${storeId}/pickup-slots?date=2026-13-45&items=nope&days=99`).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['days', 'items']);
    const notADay = await kassa.http.get(`/api/v1/stores/${storeId}/pickup-slots?date=2026-02-30`);
    expect(notADay.status).toBe(422);
    const overlap = await kassa.http
      .put(`/api/v1/admin/stores/${storeId}/pickup-schedule`)
      .set('Authorization', owner)
      .send({ slotMinutes: 7, leadMinutes: 0, daysAhead: 7, cutoffMinutes: 0, weeklyHours: [] });
    expect(overlap.body.details).toEqual([{ field: 'slotMinutes', reason: 'must be one of 5, 10, 15, 30' }]);
  });
});
