// The order board as the counter uses it: the board is open, a customer orders and pays over the
// storefront API, the order's card appears under "Betalda" by itself (pushed over the /stations
// socket, no reload), staff accept it and mark it ready, and hand it over with the customer's
// pickup code; the card then leaves the board. Run by scripts/browser-test.mjs.
import assert from 'node:assert/strict';
import { see, signIn, suffix, swedish } from './support.mjs';
import { pickupCode, placePaidOrder, shopFor } from './storefront.mjs';

/** Clicks one of the card's buttons and waits for the API's answer. */
const act = async (page, card, orderId, label, path) => {
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith(`/admin/orders/${orderId}/${path}`),
  );
  await card.getByRole('button', { name: label, exact: true }).click();
  const response = await answered;
  assert.equal(response.status(), 200, `POST ${path} answers 200 (got ${response.status()}: ${await response.text()})`);
};

export const tests = [
  {
    name: 'a paid order appears on the board by itself, is accepted, made ready and handed over',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, adminUrl, credentials }) => {
      const id = suffix();
      const shop = await shopFor(baseUrl);

      await signIn(page, adminUrl, credentials, swedish);
      await page.getByRole('menuitem', { name: 'Orderskärm' }).click();
      await page.waitForURL(/#\/order-board/);
      for (const column of ['Betalda', 'Accepterade', 'Tillagas', 'Klara']) {
        await see(page.getByRole('region', { name: column, exact: true }), `the "${column}" column`);
      }
      // Live over the socket: the board does not poll while this shows.
      const live = page.locator('.board-live');
      await see(live, 'the board connected live');
      await page.evaluate(() => {
        window.kassaNoReload = true;
      });

      const order = await placePaidOrder(baseUrl, shop, `Åke Ärlig ${id}`);
      const card = page.getByRole('article', { name: `Order ${order.number}`, exact: true });
      const paid = page.getByRole('region', { name: 'Betalda', exact: true });
      await see(paid.getByRole('article', { name: `Order ${order.number}`, exact: true }), `order ${order.number} under "Betalda" without a reload`, 8_000);
      assert.equal(await live.count(), 1, 'the board stayed live (the card came over the socket, not by polling)');
      await see(card.getByText(`Åke Ärlig ${id}`), 'the customer’s name on the card');
      await see(card.locator('.board-line').first(), 'the order’s items on the card');

      await act(page, card, order.id, 'Acceptera', 'accept');
      await see(page.getByRole('region', { name: 'Accepterade', exact: true }).getByRole('article', { name: `Order ${order.number}` }), 'the card under "Accepterade"');
      await act(page, card, order.id, 'Markera som klar', 'ready');
      const ready = page.getByRole('region', { name: 'Klara', exact: true });
      await see(ready.getByRole('article', { name: `Order ${order.number}` }), 'the card under "Klara"');

      const code = await pickupCode(baseUrl, order);
      await card.getByRole('button', { name: 'Lämna ut', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Lämna ut ${order.number}` });
      await see(dialog, 'the hand-over dialog');
      await dialog.getByRole('textbox', { name: 'Upphämtningskod' }).fill(code);
      const handedOver = page.waitForResponse((response) => response.url().endsWith(`/admin/orders/${order.id}/hand-over`));
      await dialog.getByRole('button', { name: 'Lämna ut', exact: true }).click();
      assert.equal((await handedOver).status(), 200, 'the customer’s code hands the order over');
      await dialog.waitFor({ state: 'hidden' });
      await card.waitFor({ state: 'detached', timeout: 5_000 });
      assert.equal(await page.evaluate(() => window.kassaNoReload), true, 'the page was not reloaded');
    },
  },
];
