// End-of-day reconciliation as a store closes the till: a customer orders and pays (test
// provider) over the storefront API, staff open Avstämning for today, see the test provider's
// totals with the order's money in them, and download the CSV for Excel. Run by
// scripts/browser-test.mjs, which starts a fresh API (with the demo store).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { adminApi, demoStore, see, signIn, suffix, swedish } from './support.mjs';
import { placePaidOrder, shopFor } from './storefront.mjs';

const CSV_HEADER =
  'date;store_id;method;payment_id;provider_reference;order_number;order_id;order_status;payment_status;currency;kassa_captured;kassa_refunded;provider_captured;provider_refunded;mismatch;detail';

/** "129,00" as the CSV writes öre. */
const kronor = (minor) => `${Math.floor(minor / 100)},${String(minor % 100).padStart(2, '0')}`;

export const tests = [
  {
    name: 'staff see today’s test-provider totals with a paid order and download the day as CSV',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, adminUrl, credentials }) => {
      const shop = await shopFor(baseUrl);
      const order = await placePaidOrder(baseUrl, shop, `Åke Ärlig ${suffix()}`);

      const paid = order.payment.amount ?? order.totals?.total;
      assert.ok(Number.isInteger(paid) && paid > 0, `the order names what it paid (got ${JSON.stringify(order.payment)})`);

      await signIn(page, adminUrl, credentials, swedish);
      const store = await demoStore(page);
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: store.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
      const { status, body: report } = await adminApi(page, 'GET', `/stores/${store.id}/reconciliation?date=${today}`);
      assert.equal(status, 200, 'the reconciliation answers');
      const test = report.providers.find((provider) => provider.method === 'test');
      assert.ok(test, 'the report has the test provider');
      assert.ok(test.kassa.captured >= paid, `the test provider’s captured total holds the order’s ${paid} öre (got ${test.kassa.captured})`);
      assert.equal(test.provider, null, 'the test provider has no side but Kassa’s ledger');

      await page.getByRole('menuitem', { name: 'Avstämning' }).click();
      await page.waitForURL(/#\/reconciliation/);
      const row = page.locator(`tr[data-method="test"]`);
      await see(row.getByText('Testbetalningar', { exact: true }), 'the test provider’s row');
      const captured = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: store.currency, minimumFractionDigits: 2 }).format(test.kassa.captured / 100);
      await see(row.locator('.kassa-captured').getByText(captured, { exact: true }), `the captured total ${captured}`);
      await see(row.getByText('Kassas bokföring gäller'), 'that Kassa’s ledger is the record for test payments');
      await see(row.getByText('Allt stämmer'), 'no mismatch for the test provider');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Ladda ner CSV' }).click();
      const file = await download;
      assert.equal(file.suggestedFilename(), `kassa-reconciliation-${today}.csv`, 'the CSV is named after the day');
      const text = await readFile(await file.path(), 'utf8');
      assert.ok(text.startsWith('\uFEFF'), 'the CSV starts with a byte-order mark for Excel');
      const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
      assert.equal(header, CSV_HEADER, 'the CSV header');
      const line = rows.find((candidate) => candidate.includes(order.payment.id));
      assert.ok(line, `the CSV has a row for the order’s payment (got ${rows.length} rows)`);
      const fields = line.split(';');
      assert.deepEqual(
        [fields[0], fields[1], fields[2], fields[5], fields[6], fields[8], fields[10], fields[11], fields[14]],
        [today, store.id, 'test', order.number, order.id, 'captured', kronor(paid), '0,00', ''],
        'the row names the day, store, provider, order and the money captured, with no mismatch',
      );
    },
  },
];
