// Refunds as the counter meets them: a customer orders and pays over the storefront API, staff
// open the order in the admin, give part of the money back with a reason, and see the payment
// partly refunded in the payments panel and the refund in the order's history. Run by
// scripts/browser-test.mjs, which starts a fresh API (with the demo store) and passes the admin's credentials.
import assert from 'node:assert/strict';
import { see, signIn, suffix, swedish } from './support.mjs';
import { placePaidOrder, shopFor } from './storefront.mjs';

export const tests = [
  {
    name: 'staff refund part of a paid order with a reason; the payment shows partly refunded and the history the refund',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, adminUrl, credentials }) => {
      const id = suffix();
      const shop = await shopFor(baseUrl);
      const order = await placePaidOrder(baseUrl, shop, `Åsa Öberg ${id}`);
      assert.ok(order.totals.total > 500, `the order costs more than 5 kr (got ${order.totals.total})`);

      await signIn(page, adminUrl, credentials, swedish);
      await page.goto(`${adminUrl}#/orders/${order.id}/show`);
      const payments = page.getByRole('region', { name: 'Betalningar', exact: true });
      const payment = payments.locator('.order-payment');
      await see(payment.and(page.locator('[data-status="captured"]')), 'the captured payment in the payments panel');
      await see(payment.locator('.payment-event[data-kind="approved"]'), 'the approval in the payment log');

      await payments.getByRole('button', { name: 'Återbetala', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Återbetala beställning ${order.number}` });
      await see(dialog, 'the refund dialog');
      await dialog.getByRole('radio', { name: 'En del: ett belopp' }).check();
      const amount = dialog.getByRole('textbox', { name: 'Belopp (kronor)' });
      await amount.fill('100000,00');
      await dialog.getByRole('button', { name: 'Återbetala…', exact: true }).click();
      await see(dialog.getByText(/^Högst .* kan återbetalas$/), 'a refund above what was paid refused at the amount');
      await see(dialog.getByText('Ange en anledning till återbetalningen'), 'the reason asked for');

      await amount.fill('5,00');
      await dialog.getByRole('textbox', { name: 'Anledning' }).fill(`Kall kaffe ${id}`);
      await dialog.getByRole('button', { name: 'Återbetala…', exact: true }).click();
      await see(dialog.getByText('Återbetala 5,00 kr till kunden? Det går inte att ångra.'), 'the confirmation naming the amount');
      const refunded = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/admin/orders/${order.id}/refunds`));
      await dialog.getByRole('button', { name: 'Bekräfta återbetalning', exact: true }).click();
      const answer = await refunded;
      assert.equal(answer.status(), 201, `POST refunds answers 201 (got ${answer.status()}: ${await answer.text()})`);
      await dialog.waitFor({ state: 'hidden' });

      const partly = payment.and(page.locator('[data-status="partially_refunded"]'));
      await see(partly.getByText('Delvis återbetald', { exact: true }), 'the payment shown as partly refunded');
      await see(partly.locator('.order-payment-refunded').getByText('5,00 kr'), 'the refunded amount');
      const logged = partly.locator('.payment-event[data-kind="refunded"]');
      await see(logged.getByText(`Kall kaffe ${id}`), 'the refund and its reason in the payment log');
      await see(logged.getByText('Personal', { exact: true }), 'the refund made by staff');

      const history = page.getByRole('region', { name: 'Historik', exact: true });
      const last = history.locator('tr.order-timeline-entry').last();
      await see(last.getByText(`Refunded 5.00 SEK: Kall kaffe ${id}`), 'the refund in the order’s history');
      await see(last.getByText('Personal', { exact: true }), 'the refund entry made by staff');
      await see(page.getByRole('region', { name: 'Upphämtning', exact: true }).locator('.order-status[data-status="paid"]'), 'the order still paid');
    },
  },
];
