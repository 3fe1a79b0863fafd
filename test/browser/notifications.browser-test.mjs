// The message screens as an owner uses them: edit the Swedish order confirmation with the live
// preview (a line with å/ä/ö and a placeholder, then an unknown placeholder refused at the field),
// save it, find it kept after a reload, restore Kassa's text; then a customer orders over the
// storefront API and the confirmation shows in the message log as not sent but logged (no e-mail
// provider in the embedded mode), and is resent. Run by scripts/browser-test.mjs.
import assert from 'node:assert/strict';
import { placePaidOrder, shopFor } from './storefront.mjs';
import { adminApi, see, signIn, suffix, swedish } from './support.mjs';

const TEMPLATE_ID = 'order_confirmed.email.sv';
const ADDED_LINE = 'Välkommen åter, {{customerName}}!';

/** What the preview makes of one placeholder, with the API's sample order. */
const sampleValue = async (page, placeholder) => {
  const { status, body } = await adminApi(page, 'POST', '/notification-templates/preview', {
    kind: 'order_confirmed',
    channel: 'email',
    locale: 'sv',
    subject: 'x',
    body: `{{${placeholder}}}`,
  });
  assert.ok(status === 200 || status === 201, `the preview renders {{${placeholder}}} (got ${status}: ${JSON.stringify(body)})`);
  const value = body.text.trim();
  assert.ok(value !== '' && !value.includes('{{'), `the sample order has a ${placeholder} (got ${JSON.stringify(body.text)})`);
  return value;
};

/** The text a field's helper line (its accessible description) reads. */
const descriptionOf = async (page, field) => {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ');
};

/** Waits until the field's description (its helper line) matches. */
const seeDescription = async (page, field, pattern, what, timeout = 10_000) => {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await descriptionOf(page, field);
    if (pattern.test(last) && (await field.getAttribute('aria-invalid')) === 'true') return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`expected to see ${what} (the field says ${JSON.stringify(last)})`);
};

export const tests = [
  {
    name: 'an owner edits the order confirmation with a live preview, restores it, and finds and resends a placed order’s confirmation',
    locale: 'sv-SE',
    run: async ({ page, baseUrl, adminUrl, credentials }) => {
      await signIn(page, adminUrl, credentials, swedish);
      const customerName = await sampleValue(page, 'customerName');

      // Meddelanden → Mallar: the templates grouped by message, e-mail and SMS in both languages.
      await see(page.getByText('Meddelanden', { exact: true }), 'the Messages heading in the menu');
      await page.getByRole('menuitem', { name: 'Mallar' }).click();
      await page.waitForURL(/#\/notification-templates/);
      const confirmations = page.getByRole('region', { name: 'Orderbekräftelse', exact: true });
      await see(confirmations, 'the order confirmation templates');
      const swedishEmail = confirmations.getByRole('row').filter({ hasText: 'E-post' }).filter({ hasText: 'Svenska' });
      await see(swedishEmail.getByText('Kassas standardtext'), 'the Swedish e-mail still on Kassa’s text');
      await swedishEmail.getByRole('cell').nth(2).click();
      await page.waitForURL(new RegExp(`#/notification-templates/${TEMPLATE_ID.replace(/\./g, '\\.')}$`));

      const body = page.getByRole('textbox', { name: 'Text', exact: false });
      const preview = page.getByRole('region', { name: 'Förhandsvisning' });
      await see(body, 'the body of the template');
      await see(preview.locator('.preview-text'), 'the preview of the saved text');
      const original = await body.inputValue();
      assert.ok(!original.includes('Välkommen åter'), 'the default text does not have the new line yet');

      // Typing a line: the preview follows, asked for only once typing pauses.
      let previews = 0;
      const countPreviews = (request) => {
        if (request.method() === 'POST' && request.url().endsWith('/notification-templates/preview')) previews += 1;
      };
      page.on('request', countPreviews);
      await body.click();
      await body.press('Control+End');
      await page.keyboard.type(`\n${ADDED_LINE}`);
      const rendered = `Välkommen åter, ${customerName}!`;
      await see(preview.locator('.preview-text').getByText(rendered, { exact: false }), `"${rendered}" in the preview`);
      page.off('request', countPreviews);
      assert.ok(previews >= 1 && previews < ADDED_LINE.length / 2, `the preview waits for a pause in typing (${previews} requests for ${ADDED_LINE.length + 1} keys)`);

      // An unknown placeholder: the preview refuses it and the body field says why.
      await page.keyboard.type(' {{nope}}');
      await seeDescription(page, body, /Okänd platshållare \{\{nope\}\}/, 'the unknown placeholder explained at the body field, in Swedish');
      for (let i = 0; i < ' {{nope}}'.length; i += 1) await page.keyboard.press('Backspace');
      await page.waitForFunction(
        (field) => field.getAttribute('aria-invalid') !== 'true',
        await body.elementHandle(),
        { timeout: 10_000 },
      );
      await see(preview.locator('.preview-text').getByText(rendered, { exact: false }), 'the preview with the new line again');

      const saved = page.waitForResponse(
        (response) => response.request().method() === 'PUT' && response.url().endsWith(`/admin/notification-templates/${TEMPLATE_ID}`),
      );
      await page.getByRole('button', { name: 'Spara', exact: true }).click();
      const savedResponse = await saved;
      assert.equal(savedResponse.status(), 200, `PUT answers 200 (got ${savedResponse.status()}: ${await savedResponse.text()})`);

      await page.reload();
      await see(body, 'the body after a reload');
      await see(page.locator('.template-customised').getByText('Egen text', { exact: true }), 'the template marked as the store’s own text');
      assert.ok((await body.inputValue()).includes(ADDED_LINE), 'the saved body keeps the new line, å/ä/ö and placeholder intact');
      await see(preview.locator('.preview-text').getByText(rendered, { exact: false }), 'the saved line in the preview');

      // Restore Kassa's text (after a confirmation).
      await page.getByRole('button', { name: 'Återställ standardtext', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await see(dialog, 'the restore confirmation');
      const restored = page.waitForResponse(
        (response) => response.request().method() === 'DELETE' && response.url().endsWith(`/admin/notification-templates/${TEMPLATE_ID}`),
      );
      await dialog.getByRole('button', { name: 'Återställ standardtext', exact: true }).click();
      assert.equal((await restored).status(), 200, 'DELETE restores the default');
      await see(page.locator('.template-customised').getByText('Kassas standardtext', { exact: true }), 'the template back on Kassa’s text');
      assert.equal(await body.inputValue(), original, 'the body is the default text again');

      // A customer orders: the confirmation is in the log, not sent but written to it.
      const name = `Åsa Öberg ${suffix()}`;
      const order = await placePaidOrder(baseUrl, await shopFor(baseUrl), name);
      await page.getByRole('menuitem', { name: 'Meddelandelogg' }).click();
      await page.waitForURL(/#\/notifications/);
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: order.number, exact: true }) })
        .filter({ hasText: 'Orderbekräftelse' });
      await see(row, `the confirmation of order ${order.number} in the log`, 30_000);
      await see(row.getByText('Inte skickat – loggat', { exact: true }), 'the confirmation marked as not sent but logged');
      assert.ok(!(await row.innerText()).includes('asa@example.se'), 'the log masks the customer’s e-mail address');

      await row.getByRole('cell').first().click();
      await page.waitForURL(/#\/notifications\/[^/]+\/show/);
      const message = page.getByRole('region', { name: 'Meddelande', exact: true });
      await see(message.locator('.notification-text').getByText(name, { exact: false }), 'the customer’s name in the message text');
      await see(message.locator('.notification-text').getByText(order.number, { exact: false }), 'the order number in the message text');
      assert.equal(await message.locator('iframe.notification-html').getAttribute('sandbox'), '', 'the e-mail’s HTML is shown in a sandboxed frame');
      const delivery = page.getByRole('region', { name: 'Leverans', exact: true });
      await see(delivery.getByText('Ingen (skrivs till loggen)', { exact: true }), 'no provider named for a logged message');

      // Resend (after a confirmation): a new message, which goes the same way.
      const originalUrl = page.url();
      await page.getByRole('button', { name: 'Skicka igen', exact: true }).click();
      const resendDialog = page.getByRole('dialog');
      await see(resendDialog, 'the resend confirmation');
      const resent = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/resend'));
      await resendDialog.getByRole('button', { name: 'Skicka igen', exact: true }).click();
      assert.equal((await resent).status(), 201, 'POST resend answers 201');
      await page.waitForURL((url) => url.href !== originalUrl && /#\/notifications\/[^/]+\/show/.test(url.hash));
      await see(page.getByRole('region', { name: 'Leverans', exact: true }).getByRole('link', { name: 'Det ursprungliga meddelandet' }), 'the resend linked to the original');
      await see(
        page.getByRole('region', { name: 'Leverans', exact: true }).getByText('Inte skickat – loggat', { exact: true }),
        'the resent message logged as well',
      );
    },
  },
];
