// Stations and printers as an owner sets them up: register a station and see its device token
// once, add a receipt printer to it, send a test print and find the job queued (no agent is
// connected) in the print-job list, preview it with å ä ö, then give the station a new token.
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
];
