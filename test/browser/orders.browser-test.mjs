// The order screens as the counter uses them: a customer orders and pays over the storefront API,
// staff find the order in the list, accept it, mark it ready and hand it over against the pickup
// code, and the list picks up a new order by itself. Run by scripts/browser-test.mjs, which starts a fresh API (with the demo store) and
// passes the admin's credentials.
import assert from 'node:assert/strict';
import { search, see, signIn, suffix, swedish } from './support.mjs';
import { pickupCode, placePaidOrder, shopFor } from './storefront.mjs';

/** Another code of the same alphabet, so the API takes it for a code and counts it wrong. */
const wrongCodeFor = (code) => (code === '333333' ? '444444' : '333333');

/** Clicks one of the order's action buttons and waits for the API's answer. */
const act = async (page, orderId, label, path) => {
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith(`/admin/orders/${orderId}/${path}`),
  );
  await page.getByRole('button', { name: label, exact: true }).click();
  const response = await answered;
  assert.equal(response.status(), 200, `POST ${path} answers 200 (got ${response.status()}: ${await response.text()})`);
};

export const tests = [
  {
    name: 'staff accept a paid order, mark it ready and hand it over; the list shows a new order by itself',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, adminUrl, credentials }) => {
      const id = suffix();
      const shop = await shopFor(baseUrl);
      const first = await placePaidOrder(baseUrl, shop, `Åsa Öberg ${id}`);

      await signIn(page, adminUrl, credentials, swedish);
      await page.getByRole('menuitem', { name: 'Beställningar' }).click();
      await page.waitForURL(/#\/orders/);
      const firstRow = page.getByRole('row').filter({ hasText: first.number });
      await see(firstRow, `order ${first.number} in the list`);
      await see(firstRow.getByText(`Åsa Öberg ${id}`), 'the customer’s name, with å and ö, in its row');
      await see(firstRow.getByText('Betald', { exact: true }), 'the Paid chip in its row');

      await firstRow.first().getByRole('cell').first().click();
      await page.waitForURL(new RegExp(`#/orders/${first.id}/show`));
      const overview = page.getByRole('region', { name: 'Upphämtning', exact: true });
      await see(overview.locator('.order-status[data-status="paid"]'), 'the order shown as paid');

      await act(page, first.id, 'Acceptera', 'accept');
      await see(overview.locator('.order-status[data-status="accepted"]'), 'the order shown as accepted');
      await act(page, first.id, 'Markera som klar', 'ready');
      const chip = overview.locator('.order-status[data-status="ready"]');
      await see(chip, 'the order shown as ready');
      assert.equal((await chip.innerText()).trim(), 'Klar att hämta', 'the status chip reads "Klar att hämta"');

      // The history lists each step, oldest first, ending paid → accepted → ready by staff.
      const history = page.getByRole('region', { name: 'Historik', exact: true });
      const steps = history.locator('tr.order-timeline-entry');
      await see(steps.filter({ has: page.locator('[data-status="ready"]') }), 'the step to ready in the history');
      const reached = await steps.evaluateAll((rows) => rows.map((row) => row.dataset.to));
      assert.deepEqual(reached.slice(-3), ['paid', 'accepted', 'ready'], `the history ends paid, accepted, ready (got ${reached.join(', ')})`);
      const lastStep = steps.last();
      await see(lastStep.getByText('Accepterad', { exact: true }), 'the last step coming from accepted');
      await see(lastStep.getByText('Personal', { exact: true }), 'the last step made by staff');

      // Hand-over: a wrong code is refused in the dialog, the customer's code hands the order over.
      const code = await pickupCode(baseUrl, first);
      await page.getByRole('button', { name: 'Lämna ut', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Lämna ut ${first.number}` });
      await see(dialog, 'the hand-over dialog');
      const codeInput = dialog.getByRole('textbox', { name: 'Upphämtningskod' });
      await codeInput.fill(wrongCodeFor(code));
      const refused = page.waitForResponse((response) => response.url().endsWith(`/admin/orders/${first.id}/hand-over`));
      await dialog.getByRole('button', { name: 'Lämna ut', exact: true }).click();
      assert.equal((await refused).status(), 422, 'a wrong pickup code is refused');
      await see(dialog.getByText('Fel upphämtningskod. Be kunden visa den igen.'), 'the wrong code explained at the field');
      // Typed as a cashier might: lower case, with a space in the middle.
      await codeInput.fill(`${code.slice(0, 3)} ${code.slice(3)}`.toLowerCase());
      const handedOver = page.waitForResponse((response) => response.url().endsWith(`/admin/orders/${first.id}/hand-over`));
      await dialog.getByRole('button', { name: 'Lämna ut', exact: true }).click();
      assert.equal((await handedOver).status(), 200, 'the customer’s code hands the order over');
      await dialog.waitFor({ state: 'hidden' });
      await see(overview.locator('.order-status[data-status="picked_up"]').getByText('Hämtad', { exact: true }), 'the order shown as picked up');
      await see(overview.getByText('En felaktig upphämtningskod har angetts'), 'the wrong code counted on the order');
      assert.equal(await page.getByRole('button', { name: 'Avbryt beställning', exact: true }).count(), 0, 'a picked-up order offers no cancel');

      // Back to the list: an order placed now shows up within the list's refresh, without a reload.
      await page.getByRole('menuitem', { name: 'Beställningar' }).click();
      await page.waitForURL(/#\/orders(\?.*)?$/);
      // Picked up is no longer active: the default list shows it only under "Alla". The search
      // keeps to this run's orders (the customers' names carry its id).
      await page.getByRole('button', { name: 'Alla', exact: true }).click();
      // Typing before the list has taken "Alla" would send the old status filter along with the search.
      await page.waitForURL((url) => !decodeURIComponent(url.hash).includes('"status"'));
      await search(page, 'Ordernummer eller kund', id);
      assert.equal(await page.getByRole('button', { name: 'Alla', exact: true }).getAttribute('aria-pressed'), 'true', 'all orders still shown');
      await see(page.getByRole('row').filter({ hasText: first.number }), `order ${first.number} among all orders`);
      await page.evaluate(() => {
        window.kassaNoReload = true;
      });
      const second = await placePaidOrder(baseUrl, shop, `Örjan Ängström ${id}`);
      await see(page.getByRole('row').filter({ hasText: second.number }), `the new order ${second.number} without reloading`, 11_000);
      assert.equal(await page.evaluate(() => window.kassaNoReload), true, 'the page was not reloaded');
      await see(page.getByRole('row').filter({ hasText: first.number }), `order ${first.number} still listed`);
    },
  },
];
