// The catalogue and stock screens as a store owner uses them: create a tracked product, receive a
// delivery of it, adjust its stock, read the movements, and find it in the storefront catalogue.
// Run by scripts/browser-test.mjs, which starts a fresh API (with the demo store) and passes the
// admin's credentials.
import assert from 'node:assert/strict';
import { adminApi, demoStore, search, see, signIn, suffix, swedish } from './support.mjs';

/** The storefront's view of one product (by SKU) at a store. */
const storefrontProduct = async (page, storeId, sku) => {
  const catalog = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  }, `/api/v1/stores/${storeId}/catalog`);
  assert.equal(catalog.status, 200, `GET /api/v1/stores/${storeId}/catalog answers 200`);
  const product = objectsIn(catalog.body).find((node) => node.sku === sku);
  assert.ok(product, `the storefront catalogue lists SKU ${sku}`);
  return product;
};

/** The product's row on the stock levels page, once its on-hand cell reads `onHand`. */
const seeOnHand = async (page, productName, onHand) => {
  const row = page.getByRole('row').filter({ hasText: productName });
  await see(row, `the row of "${productName}" in the stock levels`);
  const cell = row.first().locator('td.column-onHand');
  try {
    await cell.filter({ hasText: new RegExp(`^\\s*${onHand}\\b`) }).waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`expected "${productName}" to show ${onHand} on hand, saw "${(await cell.innerText()).trim()}"`);
  }
  return row.first();
};

/** Opens one of the row's stock actions, fills the dialog and saves it. */
const recordMovement = async (page, row, { action, quantityLabel, quantity, reason, save }) => {
  await row.getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await see(dialog, `the "${action}" dialog`);
  await dialog.getByRole('spinbutton', { name: quantityLabel }).fill(String(quantity));
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
  await dialog.getByRole('button', { name: save }).click();
  await dialog.waitFor({ state: 'hidden' });
};

/** Every object in a JSON tree, so the test does not depend on how the catalogue nests products. */
const objectsIn = (value) =>
  typeof value !== 'object' || value === null
    ? []
    : [value, ...Object.values(value).flatMap((child) => objectsIn(child))];

export const tests = [
  {
    name: 'owner creates a tracked product, receives and adjusts its stock, and sees the movements',
    run: async ({ page, adminUrl, credentials }) => {
      const id = suffix();
      const productName = `Testbulle ${id}`;
      const sku = `TEST-${id.toUpperCase()}`;

      await signIn(page, adminUrl, credentials);

      // Catalogue: a new product at 29,50 kr with 12 % VAT whose own stock is tracked.
      await page.getByRole('menuitem', { name: 'Products' }).click();
      await page.waitForURL(/#\/products/);
      await page.getByRole('link', { name: 'Create' }).click();
      await page.waitForURL(/#\/products\/create/);
      await page.getByRole('textbox', { name: 'SKU', exact: true }).fill(sku);
      await page.getByRole('textbox', { name: 'Name (Swedish)', exact: true }).fill(productName);
      await page.getByRole('textbox', { name: 'Name (English)', exact: true }).fill(`Test bun ${id}`);
      await page.getByRole('textbox', { name: 'Price', exact: true }).fill('29,50');
      await page.getByRole('combobox', { name: 'VAT' }).click();
      await page.getByRole('option', { name: '12 %' }).click();
      await page.getByRole('radio', { name: 'Tracked (own stock)' }).check();
      await see(page.getByLabel('Allow backorder'), 'the backorder switch of tracked stock');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/products(\?.*)?$/);

      await search(page, 'Name, SKU or barcode', productName);
      const productRow = page.getByRole('row').filter({ hasText: productName });
      await see(productRow, `the new product "${productName}" in the product list`);
      await see(productRow.getByText('SEK 29.50'), 'its price in kronor');

      // Stock: the demo store's levels, where the new product starts at 0 on hand.
      await page.getByRole('menuitem', { name: 'Stock levels' }).click();
      await page.waitForURL(/#\/stock-levels/);
      await see(page.getByRole('combobox', { name: 'Store' }).filter({ hasText: 'Kassa Demo Café' }), 'the demo store chosen');
      await search(page, 'Search', productName);
      let row = await seeOnHand(page, productName, 0);

      await recordMovement(page, row, {
        action: 'Receive delivery',
        quantityLabel: 'Quantity received',
        quantity: 24,
        reason: `Leverans från bageriet ${id}`,
        save: 'Receive',
      });
      row = await seeOnHand(page, productName, 24);

      await recordMovement(page, row, { action: 'Adjust', quantityLabel: 'Change', quantity: -2, reason: 'trasig', save: 'Adjust' });
      await seeOnHand(page, productName, 22);

      // Movements: both, newest first.
      await page.getByRole('menuitem', { name: 'Movements' }).click();
      await page.waitForURL(/#\/stock-movements/);
      const movements = page.getByRole('row').filter({ hasText: productName });
      const adjustment = movements.filter({ hasText: 'trasig' });
      const delivery = movements.filter({ hasText: `Leverans från bageriet ${id}` });
      await see(adjustment, 'the adjustment in the movements');
      await see(delivery, 'the delivery in the movements');
      await see(adjustment.getByText('Adjustment', { exact: true }), 'the adjustment kind');
      await see(adjustment.getByText('−2', { exact: true }), 'the adjustment of −2');
      await see(adjustment.getByText('22', { exact: true }), 'on hand 22 after the adjustment');
      await see(delivery.getByText('Delivery', { exact: true }), 'the delivery kind');
      await see(delivery.getByText('+24', { exact: true }), 'the delivery of +24');
      const texts = await movements.allInnerTexts();
      const order = [texts.findIndex((text) => text.includes('trasig')), texts.findIndex((text) => text.includes('bageriet'))];
      assert.ok(order[0] < order[1], `the newest movement comes first (rows: ${JSON.stringify(texts)})`);

      // Storefront: the product is on sale at the demo store for 2950 öre.
      const product = await storefrontProduct(page, (await demoStore(page)).id, sku);
      assert.equal(product.price, 2950, `the storefront price of ${sku} is 2950 öre (got ${JSON.stringify(product)})`);
    },
  },
  {
    name: 'the CSV import lists every bad row with its line, then imports the corrected file',
    run: async ({ page, adminUrl, credentials }) => {
      const id = suffix();
      const upload = (name, csv) =>
        page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

      await signIn(page, adminUrl, credentials);
      await page.getByRole('menuitem', { name: 'Import' }).click();
      await page.waitForURL(/#\/catalog-import/);

      await upload(
        'fel.csv',
        [
          'sku,name_sv,name_en,price,vat_rate',
          `IMP-${id}-1,Importbulle ${id},Import bun,"29.50",12`,
          `IMP-${id}-2,Importkaka ${id},,abc,12`,
          `IMP-${id}-3,Importmugg ${id},,99,13`,
        ].join('\n'),
      );
      await see(page.getByText('fel.csv'), 'the chosen file name');
      await page.getByRole('button', { name: 'Check file' }).click();
      const problems = page.getByRole('table', { name: 'Problems in the file' });
      await see(problems, 'the table of problems');
      const priceRow = problems.getByRole('row').filter({ hasText: 'price' });
      const vatRow = problems.getByRole('row').filter({ hasText: 'vat_rate' });
      await see(priceRow.getByRole('cell', { name: '3', exact: true }), 'the bad price on line 3');
      await see(vatRow.getByRole('cell', { name: '4', exact: true }), 'the bad VAT rate on line 4');
      assert.equal(await page.getByRole('button', { name: 'Import' }).isDisabled(), true, 'import waits for a clean check');

      await upload(
        'rätt.csv',
        ['sku;name_sv;price;vat_rate', `IMP-${id}-1;Importbulle ${id};29,50;12`, `IMP-${id}-2;Importkaka ${id};35;12`].join('\n'),
      );
      await page.getByRole('button', { name: 'Check file' }).click();
      await see(page.getByText(/The file is valid: 2 rows, 2 new products/), 'the clean check with its row count');
      await page.getByRole('button', { name: 'Import' }).click();
      await see(page.getByText(/Imported 2 rows: 2 new products/), 'the import result');

      await page.getByRole('menuitem', { name: 'Products' }).click();
      await page.waitForURL(/#\/products/);
      await search(page, 'Name, SKU or barcode', `IMP-${id}`);
      await see(page.getByRole('row').filter({ hasText: `Importbulle ${id}` }).getByText('SEK 29.50'), 'the imported bun at 29.50');
      await see(page.getByRole('row').filter({ hasText: `Importkaka ${id}` }), 'the imported cake');
    },
  },
  {
    name: 'staff see the catalogue in Swedish without editing, and mark a product sold out for today',
    locale: 'sv-SE',
    run: async ({ page, adminUrl, credentials }) => {
      const id = suffix();
      const staff = { email: `kassa-${id}@example.com`, password: `Långt-lösenord-${id}-kassa` };

      await signIn(page, adminUrl, credentials, swedish);
      const storeId = (await demoStore(page)).id;
      const created = await adminApi(page, 'POST', '/users', {
        email: staff.email,
        name: `Kassör ${id}`,
        role: 'staff',
        storeIds: [storeId],
        password: staff.password,
      });
      assert.equal(created.status, 201, `the owner creates a staff member (${JSON.stringify(created.body)})`);
      await page.getByRole('button', { name: 'Profil' }).click();
      await page.getByRole('menuitem', { name: 'Logga ut' }).click();
      await signIn(page, adminUrl, staff, swedish);

      // The catalogue in Swedish kronor, with nothing to create.
      await page.getByRole('menuitem', { name: 'Produkter' }).click();
      await page.waitForURL(/#\/products/);
      await search(page, 'Namn, artikelnummer eller streckkod', 'KAFFE-ESPRESSO');
      const espresso = page.getByRole('row').filter({ hasText: 'KAFFE-ESPRESSO' });
      await see(espresso.getByText(/^\d+,\d{2}\s*kr$/), 'the price in Swedish kronor, e.g. "32,00 kr"');
      assert.equal(await page.getByRole('link', { name: 'Skapa' }).count(), 0, 'staff cannot create products');

      // The 86 button: sold out for today at the store, and back again.
      assert.equal((await storefrontProduct(page, storeId, 'KAFFE-ESPRESSO')).soldOut, false, 'espresso is on sale to begin with');
      await page.getByRole('menuitem', { name: 'Sortiment per butik' }).click();
      await page.waitForURL(/#\/product-overrides/);
      await search(page, 'Namn, artikelnummer eller streckkod', 'KAFFE-ESPRESSO');
      const row = page.getByRole('row').filter({ hasText: 'KAFFE-ESPRESSO' });
      await row.getByLabel('Slutsåld i dag: Espresso').click();
      await see(row.getByText('Slutsåld', { exact: true }), 'the row marked sold out');
      assert.equal((await storefrontProduct(page, storeId, 'KAFFE-ESPRESSO')).soldOut, true, 'the storefront shows espresso sold out');
      await row.getByLabel('Slutsåld i dag: Espresso').click();
      await see(row.getByText('I försäljning', { exact: true }), 'the row back on sale');
      assert.equal((await storefrontProduct(page, storeId, 'KAFFE-ESPRESSO')).soldOut, false, 'the storefront sells espresso again');
      assert.equal(await row.getByRole('link', { name: 'Butiksinställningar' }).count(), 0, 'staff cannot change store prices');
    },
  },
];
