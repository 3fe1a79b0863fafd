// Stations and printers as an owner sets them up: register a station and see its device token
// once, add a receipt printer to it, send a test print and find the job queued (no agent is
// connected) in the print-job list, preview it with å ä ö, then give the station a new token.
// Then a Star CloudPRNT printer: StarPRNT only, its URL shown once, and a new URL.
// Run by scripts/browser-test.mjs.
import assert from 'node:assert/strict';
import { see, signIn, suffix } from './support.mjs';

/** Reads the token from the one-time dialog and closes it. */
const readToken = async (page, stationName) => {
  const dialog = page.getByRole('dialog', { name: `Device token for ${stationName}` });
  await see(dialog, 'the device token dialog');
  const token = (await dialog.getByRole('textbox', { name: 'Device token' }).inputValue()).trim();
  assert.ok(token.length >= 16, `a device token is shown (got "${token}")`);
  const command = await dialog.getByRole('textbox', { name: 'Command' }).inputValue();
  assert.ok(command.startsWith('npm run station -- --server http'), `the command starts the agent (got "${command}")`);
  assert.ok(command.endsWith(`--token ${token}`), 'the command carries the token');
  await see(dialog.getByRole('button', { name: 'Copy token' }), 'a copy button');
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return token;
};

/** Reads the CloudPRNT URL from the one-time dialog and closes it. */
const readCloudPrntUrl = async (page, printerName) => {
  const dialog = page.getByRole('dialog', { name: `CloudPRNT address for ${printerName}` });
  await see(dialog, 'the CloudPRNT address dialog');
  await see(dialog.getByText('Enter the address as the CloudPRNT server in the printer’s settings. It is shown only now.'), 'what to do with it');
  const url = (await dialog.getByRole('textbox', { name: 'CloudPRNT server URL' }).inputValue()).trim();
  assert.ok(/^https?:\/\/.+\/api\/v1\/cloudprnt\/.{16,}$/.test(url), `a CloudPRNT URL is shown (got "${url}")`);
  await see(dialog.getByRole('button', { name: 'Copy URL' }), 'a copy button');
  // Only the button closes it: a click outside leaves it open.
  await page.mouse.click(5, 5);
  await see(dialog, 'the dialog still open after a click outside');
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return url;
};

export const tests = [
  {
    name: 'an owner registers a station, adds a printer, test-prints and previews the job, and rotates the token',
    run: async ({ page, adminUrl, credentials }) => {
      const id = suffix();
      const stationName = `Counter ${id}`;
      const printerName = `Receipts ${id}`;
      await signIn(page, adminUrl, credentials);

      // Register: the token is shown once.
      await page.getByRole('menuitem', { name: 'Stations' }).click();
      await page.waitForURL(/#\/stations/);
      await page.getByRole('link', { name: 'Create' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill(stationName);
      const created = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/admin/stations'));
      await page.getByRole('button', { name: 'Save' }).click();
      assert.equal((await created).status(), 201, 'the station is registered');
      const token = await readToken(page, stationName);
      await page.waitForURL(/#\/stations\/[^/]+$/);
      const stationUrl = page.url();
      await see(page.getByText(`…${token.slice(-4)}`), 'the token’s last characters on the station page');
      assert.equal(await page.getByText(token).count(), 0, 'the token itself is not shown again');
      await see(page.locator('.station-status[data-status="offline"]'), 'the station offline (no agent runs)');

      // A receipt printer on this station.
      await page.getByRole('link', { name: 'Add printer' }).click();
      await page.waitForURL(/#\/printers\/create/);
      // The station's form (with its own Name) may still be on screen for a moment.
      const receipts = page.getByRole('checkbox', { name: 'Receipts' });
      await see(receipts, 'the printer form');
      assert.equal(await receipts.isChecked(), true, 'a new printer prints receipts');
      await page.getByRole('textbox', { name: 'Name' }).fill(printerName);
      const printerSaved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/admin/printers'));
      await page.getByRole('button', { name: 'Save' }).click();
      const printerAnswer = await printerSaved;
      assert.equal(printerAnswer.status(), 201, `the printer is saved (got ${printerAnswer.status()}: ${await printerAnswer.text()})`);
      await page.waitForURL(/#\/printers\/[^/]+$/);

      // Test print: with no agent connected the job waits in the queue.
      const testPrinted = page.waitForResponse((response) => response.url().endsWith('/test-print'));
      await page.getByRole('button', { name: 'Test print' }).click();
      assert.equal((await testPrinted).status(), 201, 'the test print is queued');
      await see(page.getByText(`Test page queued for ${printerName}`), 'the test print confirmed');

      await page.getByRole('menuitem', { name: 'Print jobs' }).click();
      await page.waitForURL(/#\/print-jobs/);
      const row = page.getByRole('row').filter({ hasText: printerName });
      await see(row, 'the test job in the print-job list');
      await see(row.getByText('Test page', { exact: true }), 'the job shown as a test page');
      await see(row.locator('.print-job-status[data-status="queued"]'), 'the job queued');

      await row.first().getByRole('button', { name: 'Preview' }).click();
      const preview = page.getByRole('dialog');
      await see(preview.locator('.print-job-text'), 'the preview text');
      const text = await preview.locator('.print-job-text').innerText();
      assert.ok(text.includes('å ä ö'), `the preview shows å ä ö (got ${JSON.stringify(text.slice(0, 400))})`);
      assert.ok(text.includes(printerName), 'the test page names the printer');
      await see(preview.locator('iframe[sandbox=""]'), 'the paper preview in a sandboxed frame');
      await preview.getByRole('button', { name: 'Close' }).click();
      await preview.waitFor({ state: 'hidden' });

      // A new token: shown once, different from the first.
      await page.goto(stationUrl);
      await page.getByRole('button', { name: 'New token' }).click();
      const rotated = page.waitForResponse((response) => response.url().endsWith('/rotate-token'));
      await page.getByRole('dialog').getByRole('button', { name: 'Make new token' }).click();
      assert.ok((await rotated).ok(), 'the token is rotated');
      const newToken = await readToken(page, stationName);
      assert.notEqual(newToken, token, 'the new token differs from the first');
      await see(page.getByText(`…${newToken.slice(-4)}`), 'the new token’s last characters on the station page');
    },
  },
  {
    name: 'an owner adds a Star CloudPRNT printer, reads its URL once and makes a new one',
    run: async ({ page, adminUrl, credentials }) => {
      const printerName = `Star ${suffix()}`;
      await signIn(page, adminUrl, credentials);
      await page.getByRole('menuitem', { name: 'Printers' }).click();
      await page.waitForURL(/#\/printers/);
      await page.getByRole('link', { name: 'Create' }).click();
      await page.waitForURL(/#\/printers\/create/);
      await page.getByRole('textbox', { name: 'Name' }).fill(printerName);

      // CloudPRNT: StarPRNT only, no station.
      const language = page.getByRole('combobox', { name: 'Command language' });
      await see(language.getByText('ESC/POS'), 'ESC/POS as the default language');
      await see(page.getByRole('combobox', { name: 'Station' }), 'the station choice for a printer on a station');
      await page.getByRole('radio', { name: 'Star CloudPRNT' }).check();
      await see(language.getByText('StarPRNT'), 'StarPRNT chosen for CloudPRNT');
      assert.equal(await page.getByRole('combobox', { name: 'Station' }).count(), 0, 'no station for a CloudPRNT printer');
      await language.click();
      assert.equal(await page.getByRole('option', { name: 'ESC/POS' }).getAttribute('aria-disabled'), 'true', 'ESC/POS cannot be chosen');
      await page.keyboard.press('Escape');

      const saved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/admin/printers'));
      await page.getByRole('button', { name: 'Save' }).click();
      const answer = await saved;
      assert.equal(answer.status(), 201, `the printer is saved (got ${answer.status()}: ${await answer.text()})`);
      const body = await answer.json();
      assert.equal(body.language, 'starprnt', 'saved as a StarPRNT printer');
      assert.equal(body.stationId, null, 'saved without a station');
      const url = await readCloudPrntUrl(page, printerName);
      assert.equal(url, body.cloudprnt.url, 'the URL the API gave');
      await page.waitForURL(/#\/printers(\?.*)?$/);

      // Its page shows only the end of the token; a new URL replaces the old one.
      await page.getByRole('row').filter({ hasText: printerName }).first().click();
      await page.waitForURL(/#\/printers\/[^/]+$/);
      const hint = page.getByRole('textbox', { name: 'CloudPRNT address' });
      await see(hint, 'the end of the CloudPRNT address');
      assert.equal(await hint.inputValue(), `…${url.slice(-4)}`, 'the hint is the URL’s last characters');
      assert.equal(await page.getByText(url).count(), 0, 'the URL itself is not shown again');
      await page.getByRole('button', { name: 'New URL' }).click();
      const rotated = page.waitForResponse((response) => response.url().endsWith('/rotate-token'));
      await page.getByRole('dialog').getByRole('button', { name: 'Make new URL' }).click();
      assert.ok((await rotated).ok(), 'the URL is rotated');
      const newUrl = await readCloudPrntUrl(page, printerName);
      assert.notEqual(newUrl, url, 'the new URL differs from the first');
      // The page reloads the printer after the dialog shows, so the hint may take a moment.
      const newHint = `…${newUrl.slice(-4)}`;
      let shown = '';
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(250)) {
        shown = await hint.inputValue().catch(() => '');
        if (shown === newHint) break;
      }
      assert.equal(shown, newHint, 'the hint follows the new URL');
    },
  },
];
