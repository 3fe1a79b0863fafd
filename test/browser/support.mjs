// Helpers the browser tests share: waiting with a readable failure, signing in, calling the
// admin API with the signed-in user's token.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

export const suffix = () => randomBytes(3).toString('hex');

/** Waits for the locator to show; the message says what the user would have missed. */
export const see = async (locator, what, timeout = 15_000) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (error) {
    throw new Error(`expected to see ${what}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
};

/** Types into a list's search box and waits for the list to apply it (the box is debounced). */
export const search = async (page, placeholder, text) => {
  await page.getByPlaceholder(placeholder).fill(text);
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(`"q":${JSON.stringify(text)}`));
};

export const english = { email: 'Email', password: 'Password', signIn: 'Sign in', stores: 'Stores' };
export const swedish = { email: 'E-post', password: 'Lösenord', signIn: 'Logga in', stores: 'Butiker' };

export const signIn = async (page, adminUrl, { email, password }, labels = english) => {
  await page.goto(adminUrl);
  await page.waitForURL(/#\/login/);
  await page.getByRole('textbox', { name: labels.email }).fill(email);
  await page.getByRole('textbox', { name: labels.password, exact: true }).fill(password);
  await page.getByRole('button', { name: labels.signIn }).click();
  await see(page.getByRole('menuitem', { name: labels.stores }), `the ${labels.stores} menu after signing in`);
};

/** Calls the admin API from the page with the signed-in user's token. */
export const adminApi = (page, method, path, body) =>
  page.evaluate(
    async ({ method, path, body }) => {
      const session = JSON.parse(localStorage.getItem('kassa.session') ?? 'null');
      const response = await fetch(`/api/v1/admin${path}`, {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${session?.accessToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );

/** The demo store record, as the signed-in user sees it. */
export const demoStore = async (page) => {
  const filter = encodeURIComponent(JSON.stringify({ q: 'Kassa Demo Café' }));
  const { status, body } = await adminApi(page, 'GET', `/stores?filter=${filter}`);
  assert.equal(status, 200, 'the store list answers');
  assert.ok(body[0]?.id, 'the demo store exists');
  return body[0];
};
