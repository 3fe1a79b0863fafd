import { startTestApp, TestApp } from '../support/test-app';

interface Route {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
}

const GARBAGE_BODIES: Array<{ name: string; type: string; body: string }> = [
  { name: 'malformed JSON', type: 'application/json', body: '{"name": "Kafé' },
  { name: 'a JSON array', type: 'application/json', body: '[1,2,3]' },
  { name: 'a JSON string', type: 'application/json', body: '"hello"' },
  { name: 'null', type: 'application/json', body: 'null' },
  { name: 'wrong types', type: 'application/json', body: '{"name": 42, "email": [], "storeIds": "x", "password": {"$gt": ""}, "role": null}' },
  { name: 'unknown fields', type: 'application/json', body: '{"isAdmin": true, "__proto__": {"polluted": true}, "constructor": {"prototype": {}}}' },
  { name: 'a form', type: 'application/x-www-form-urlencoded', body: 'name=x&password=y' },
  { name: 'plain text', type: 'text/plain', body: 'DROP TABLE store;' },
  { name: 'XML', type: 'application/xml', body: '<store><name>x</name></store>' },
  { name: 'an oversized body', type: 'application/json', body: JSON.stringify({ name: 'ö'.repeat(400_000) }) },
];

const GARBAGE_PARAMS = ['not-a-uuid', '1%20OR%201=1', '..%2F..%2Fetc%2Fpasswd', '%00', 'ÅÄÖ'];
const GARBAGE_QUERIES = ['sort=[', 'range=[0,"a"]', 'range=[5,1]', 'filter={"q":', 'filter=[]', 'sort=["password","ASC"]', 'range=[0,100000]', 'sort=1&sort=2', 'filter={"id":["not-a-uuid"]}', 'filter={"storeId":"x","id":"y"}'];

/** Bad input gets a 4xx with a body that names the problem, never a 500 — on every route. */
describe('garbage input', () => {
  let kassa: TestApp;
  let auth: string;
  let routes: Route[];

  beforeAll(async () => {
    kassa = await startTestApp();
    auth = await kassa.login();
    const document = (await kassa.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method as Route['method'], path })),
    );
  });
  afterAll(() => kassa.close());

  function expectClientError(label: string, response: { status: number; body: unknown }): void {
    const shape = response.body as { statusCode?: number; code?: string; message?: string; details?: unknown };
    expect({ label, status: response.status < 500 && response.status >= 400 }).toEqual({ label, status: true });
    expect({ label, shape: typeof shape.code === 'string' && typeof shape.message === 'string' && Array.isArray(shape.details) && shape.statusCode === response.status }).toEqual({ label, shape: true });
  }

  it('refuses garbage bodies on every route that takes one, naming the problem', async () => {
    for (const route of routes.filter((r) => ['post', 'put', 'patch'].includes(r.method))) {
      const path = route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const garbage of GARBAGE_BODIES) {
        const response = await kassa.http[route.method](path).set('Authorization', auth).set('Content-Type', garbage.type).send(garbage.body);
        expectClientError(`${route.method} ${route.path} with ${garbage.name}`, response);
      }
    }
  });

  it('says which field is wrong', async () => {
    const response = await kassa.http.post('/api/v1/admin/users').set('Authorization', auth).send({ email: 'nope', role: 'king', storeIds: ['x'], name: 'A', password: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { field: 'email', reason: 'must be an email address' },
        { field: 'role', reason: 'must be one of owner, manager, staff' },
        { field: 'storeIds', reason: 'must be store ids' },
        { field: 'password', reason: 'must be at least 12 characters' },
      ]),
    );
  });

  it('answers 415 for bodies that are not JSON and 413 for oversized ones', async () => {
    const form = await kassa.http.post('/api/v1/auth/login').type('form').send('email=a&password=b');
    expect(form.status).toBe(415);
    expect(form.body.details).toEqual([{ field: 'content-type', reason: 'must be application/json' }]);
    const big = await kassa.http.post('/api/v1/auth/login').send({ email: 'a@b.se', password: 'x'.repeat(300_000) });
    expect(big.status).toBe(413);
  });

  it('refuses garbage path parameters and list parameters on every route', async () => {
    for (const route of routes) {
      const paths = route.path.includes('{') ? GARBAGE_PARAMS.map((p) => route.path.replace(/\{[^}]+\}/g, p)) : [route.path];
      for (const path of paths) {
        for (const query of route.path.includes('{') ? [''] : GARBAGE_QUERIES) {
          const response = await kassa.http[route.method](`${path}${query ? `?${query}` : ''}`).set('Authorization', auth);
          if (response.status < 400) continue; // a route that ignores a query parameter may succeed
          expectClientError(`${route.method} ${path}?${query}`, response);
        }
      }
    }
  });

  it('refuses forged and malformed tokens with 401', async () => {
    for (const token of ['Bearer x', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'e'.repeat(5000)}`]) {
      const response = await kassa.http.get('/api/v1/admin/stores').set('Authorization', token);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('INVALID_TOKEN');
    }
  });
});
