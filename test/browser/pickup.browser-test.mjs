// Pickup as a store owner sets it up: the weekly schedule and default capacity, the day view of
// tomorrow's slots, what the storefront is offered, and busy mode. Run by scripts/browser-test.mjs,
// which starts a fresh API (with the demo store) and passes the admin's credentials.
import assert from 'node:assert/strict';
import { adminApi, demoStore, see, signIn } from './support.mjs';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What the storefront is offered for a date (no cart), fetched from the page like a shop would. */
const storefrontSlots = async (page, storeId, date) => {
  const { status, body } = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  }, `/api/v1/stores/${storeId}/pickup-slots?date=${date}`);
  assert.equal(status, 200, `GET pickup-slots?date=${date} answers 200 (got ${JSON.stringify(body)})`);
  return body;
};

/** Tomorrow's date (YYYY-MM-DD) where the store is. */
const tomorrowAt = (timeZone) => {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
};

/** Clicks a switch and waits until the API has taken the new busy mode. */
const toggleBusy = async (page, checked) => {
  const saved = page.waitForResponse((response) => response.url().endsWith('/busy-mode') && response.request().method() === 'PUT');
  const pause = page.getByRole('switch', { name: 'Pause online orders' });
  // Pessimistic: the switch moves once the API has answered.
  await pause.click();
  assert.equal((await saved).status(), 200, 'PUT busy-mode answers 200');
  await page.waitForFunction(
    ({ want }) => document.querySelector('input[role="switch"]')?.checked === want,
    { want: checked },
  );
};

export const tests = [
  {
    name: 'owner sets the pickup schedule, sees tomorrow’s slots and pauses online orders',
    run: async ({ page, adminUrl, credentials }) => {
      await signIn(page, adminUrl, credentials);
      const store = await demoStore(page);
      // Start from the default hours, so a rerun against the same data changes (and saves) something too.
      const reset = await adminApi(page, 'PUT', `/stores/${store.id}/pickup-schedule`, {
        slotMinutes: 10,
        leadMinutes: 15,
        daysAhead: 7,
        cutoffMinutes: 0,
        weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: weekday < 6 ? '07:00' : '10:00', end: weekday < 6 ? '19:00' : '16:00' })),
        maxOrders: 10,
        maxItems: null,
        maxKitchenMinutes: null,
      });
      assert.equal(reset.status, 200, `the schedule starts from the defaults (got ${JSON.stringify(reset.body)})`);
      const notBusy = await adminApi(page, 'PUT', `/stores/${store.id}/busy-mode`, { paused: false, delayMinutes: 0 });
      assert.equal(notBusy.status, 200, 'busy mode starts off');

      // Schedule: every day 08:00–18:00, 15-minute slots, four orders a slot.
      await page.getByRole('menuitem', { name: 'Schedule & capacity' }).click();
      await page.waitForURL(/#\/pickup-schedule/);
      await see(page.getByRole('combobox', { name: 'Store' }).filter({ hasText: 'Kassa Demo Café' }), 'the demo store chosen');
      for (const weekday of WEEKDAYS) {
        const day = page.getByRole('group', { name: weekday, exact: true });
        await see(day, `the opening hours of ${weekday}`);
        const opens = day.getByRole('textbox', { name: 'Opens' });
        while ((await opens.count()) > 1) await day.getByRole('button', { name: 'Remove' }).last().click();
        if ((await opens.count()) === 0) await day.getByRole('button', { name: 'Add' }).click();
        await opens.fill('08:00');
        await day.getByRole('textbox', { name: 'Closes' }).fill('18:00');
      }
      await page.getByRole('combobox', { name: 'Slot length' }).click();
      await page.getByRole('option', { name: '15 min', exact: true }).click();
      await page.getByRole('spinbutton', { name: 'Max orders' }).fill('4');
      const saved = page.waitForResponse((response) => response.url().endsWith('/pickup-schedule') && response.request().method() === 'PUT');
      await page.getByRole('button', { name: 'Save' }).click();
      const response = await saved;
      assert.equal(response.status(), 200, `PUT pickup-schedule answers 200 (got ${await response.text()})`);

      await page.reload();
      for (const weekday of WEEKDAYS) {
        const day = page.getByRole('group', { name: weekday, exact: true });
        await see(day, `the opening hours of ${weekday} after a reload`);
        assert.equal(await day.getByRole('textbox', { name: 'Opens' }).inputValue(), '08:00', `${weekday} opens at 08:00`);
        assert.equal(await day.getByRole('textbox', { name: 'Closes' }).inputValue(), '18:00', `${weekday} closes at 18:00`);
      }
      assert.equal(await page.getByRole('spinbutton', { name: 'Max orders' }).inputValue(), '4', 'four orders a slot kept');
      await see(page.getByRole('combobox', { name: 'Slot length' }).filter({ hasText: '15 min' }), '15-minute slots kept');

      // Day view: tomorrow starts at 08:00 with nothing booked out of four orders.
      await page.getByRole('menuitem', { name: 'Day view' }).click();
      await page.waitForURL(/#\/pickup-day/);
      await page.getByRole('button', { name: 'Next day' }).click();
      const tomorrow = tomorrowAt(store.timezone);
      await page.waitForURL((url) => url.hash.includes(`date=${tomorrow}`));
      const firstSlot = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '08:00–08:15' }) });
      await see(firstSlot, 'the 08:00–08:15 slot tomorrow');
      await see(firstSlot.locator('td.column-orders').getByText('0 / 4', { exact: true }), '0 / 4 orders in the first slot');
      const slotTable = page.getByRole('table', { name: /^Slots on / }).filter({ has: firstSlot });
      await see(slotTable, 'the table of tomorrow\'s slots');
      const times = await slotTable.getByRole('rowheader').allInnerTexts();
      assert.equal(times[0].split('\n')[0], '08:00–08:15', `the day starts at 08:00 (rows: ${times.slice(0, 3).join(', ')})`);
      assert.equal(times.at(-1).split('\n')[0], '17:45–18:00', 'the last slot ends at closing');

      // The storefront is offered the same (no public way to hold a slot before checkout exists).
      const offered = await storefrontSlots(page, store.id, tomorrow);
      const first = offered.slots[0];
      assert.ok(first, `tomorrow has slots (got ${JSON.stringify(offered)})`);
      assert.match(first.start, new RegExp(`^${tomorrow}T08:00:00[+-]\\d\\d:\\d\\d$`), 'the first slot starts 08:00 store time');
      assert.equal(first.remainingOrders, 4, 'four orders remain in the first slot');
      assert.equal(offered.busy.paused, false, 'online orders are not paused yet');

      // Busy mode: pausing reaches the storefront at once; then back to normal.
      await toggleBusy(page, true);
      await see(page.getByText('Online orders are paused'), 'the paused note');
      assert.equal((await storefrontSlots(page, store.id, tomorrow)).busy.paused, true, 'the storefront sees the pause');
      await toggleBusy(page, false);
      assert.equal((await storefrontSlots(page, store.id, tomorrow)).busy.paused, false, 'the storefront sees the pause lifted');
    },
  },
];
