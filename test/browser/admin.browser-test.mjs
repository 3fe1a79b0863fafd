// The back-office console as a store owner uses it: sign in, rename a store, add a staff member.
// Run by scripts/browser-test.mjs, which starts a fresh API and passes the admin's credentials.
import assert from 'node:assert/strict';
import { search, see, signIn, suffix } from './support.mjs';

export const tests = [
  {
    name: 'login page follows the browser language and keeps a switch to English',
    locale: 'sv-SE',
    run: async ({ page, adminUrl }) => {
      await page.goto(adminUrl);
      await page.waitForURL(/#\/login/);
      await see(page.getByRole('button', { name: 'Logga in' }), 'the Swedish sign-in button');
      await see(page.getByRole('textbox', { name: 'Lösenord', exact: true }), 'the Swedish password field');
      await page.getByRole('button', { name: 'Svenska' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await see(page.getByRole('button', { name: 'Sign in' }), 'the English sign-in button');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.reload();
      await see(page.getByRole('button', { name: 'Sign in' }), 'English kept after a reload');
    },
  },
  {
    name: 'a wrong password shows the API message and stays on the login page',
    run: async ({ page, adminUrl, credentials }) => {
      await page.goto(adminUrl);
      await page.waitForURL(/#\/login/);
      await page.getByRole('textbox', { name: 'Email' }).fill(credentials.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(`${credentials.password}-wrong`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert').filter({ hasText: /\S/ });
      await see(alert, 'an error notification');
      const text = (await alert.first().innerText()).trim();
      assert.notEqual(text, '', 'the notification has text');
      assert.match(page.url(), /#\/login/);
    },
  },
  {
    name: 'owner renames the demo store and adds a staff member, who then sees no user admin',
    run: async ({ page, adminUrl, credentials }) => {
      const id = suffix();
      // Keeps the demo store's name as a prefix so a rerun against the same data finds it again.
      const storeName = `Kassa Demo Café – Smörgåsbär ${id}`;
      const userName = `Åsa Öström ${id}`;
      const userEmail = `staff-${id}@example.com`;
      const userPassword = `Långt-lösenord-${id}-kassa`;

      await signIn(page, adminUrl, credentials);

      // Stores: find the demo store with the search box, open it, rename it.
      await page.getByRole('menuitem', { name: 'Stores' }).click();
      await page.waitForURL(/#\/stores/);
      await search(page, 'Search', 'Kassa Demo Café');
      const demoRow = page.getByRole('row').filter({ hasText: 'Kassa Demo Café' });
      await see(demoRow, 'the demo store "Kassa Demo Café" in the store list');
      await demoRow.first().getByRole('cell').first().click();
      await page.waitForURL(/#\/stores\/[^/?]+$/);
      const nameInput = page.getByRole('textbox', { name: 'Name', exact: true });
      await see(nameInput, 'the store name field');
      await nameInput.fill(storeName);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL(/#\/stores(\?.*)?$/);

      await page.reload();
      await see(page.getByRole('cell', { name: storeName, exact: true }), `the new store name "${storeName}" after a reload`);

      // Users: create a staff member assigned to that store.
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await page.waitForURL(/#\/users/);
      await page.getByRole('link', { name: 'Create' }).click();
      await page.waitForURL(/#\/users\/create/);
      await page.getByRole('textbox', { name: 'Email' }).fill(userEmail);
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(userName);
      await page.getByRole('combobox', { name: 'Role' }).click();
      await page.getByRole('option', { name: 'Staff' }).click();
      const storesInput = page.getByRole('combobox', { name: 'Stores' });
      await storesInput.click();
      await storesInput.fill(id);
      await page.getByRole('option', { name: storeName }).click();
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(userPassword);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/users(\?.*)?$/);

      const userRow = page.getByRole('row').filter({ hasText: userName });
      await see(userRow, `the new user "${userName}" in the user list`);
      await see(userRow.getByText(userEmail), 'the new user\'s e-mail in their row');
      await see(userRow.getByText('Staff', { exact: true }), 'the Staff role in their row');
      await see(userRow.getByText(storeName), 'the renamed store in their row');

      // The staff member signs in and finds their store but no user administration.
      await page.getByRole('button', { name: 'Profile' }).click();
      await page.getByRole('menuitem', { name: 'Logout' }).click();
      await signIn(page, adminUrl, { email: userEmail, password: userPassword });
      await see(page.getByRole('cell', { name: storeName, exact: true }), 'their store in the staff member\'s store list');
      assert.equal(await page.getByRole('menuitem', { name: 'Users' }).count(), 0, 'staff sees no Users menu');
    },
  },
];
