// A store owner turns off a payment method on the store's page; the storefront API stops offering
// it at once, and turning it back on restores it. Run by scripts/browser-test.mjs.
import assert from 'node:assert/strict';
import { demoStore, see, signIn, swedish } from './support.mjs';
import { storefront } from './storefront.mjs';

export const tests = [
  {
    name: 'an owner chooses the store’s payment methods and the storefront follows',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, adminUrl, credentials }) => {
      await signIn(page, adminUrl, credentials, swedish);
      const store = await demoStore(page);
      const offered = async () => (await storefront(baseUrl, 'GET', `/stores/${store.id}/payment-methods`)).body.methods;
      assert.deepEqual(await offered(), ['test', 'in_store'], 'the demo offers every configured method');

      await page.goto(`${adminUrl}#/stores/${store.id}`);
      const panel = page.getByRole('region', { name: 'Betalsätt' });
      await see(panel, 'the payment methods panel on the store page');
      const testPayment = panel.getByRole('checkbox', { name: 'Testbetalning' });
      await see(testPayment, 'the test payment checkbox');
      assert.equal(await testPayment.isChecked(), true, 'the test payment is on');

      await testPayment.uncheck();
      await panel.getByRole('button', { name: 'Spara betalsätt' }).click();
      await see(page.getByText('Betalsätten är sparade'), 'the saved notice');
      assert.deepEqual(await offered(), ['in_store'], 'the storefront no longer offers the test payment');

      // Nothing ticked cannot be saved: a store needs a way to be paid.
      await panel.getByRole('checkbox', { name: 'Betala i butiken' }).uncheck();
      await see(panel.getByText('En butik behöver minst ett betalsätt'), 'the warning for no method');
      assert.equal(await panel.getByRole('button', { name: 'Spara betalsätt' }).isDisabled(), true, 'saving nothing is not possible');

      await panel.getByRole('checkbox', { name: 'Betala i butiken' }).check();
      await testPayment.check();
      await panel.getByRole('button', { name: 'Spara betalsätt' }).click();
      await see(page.getByText('Betalsätten är sparade'), 'the saved notice again');
      assert.deepEqual(await offered(), ['test', 'in_store'], 'both methods are offered again');
    },
  },
];
