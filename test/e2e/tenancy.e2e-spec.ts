import { ModulesContainer } from '@nestjs/core';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ACCESS_METADATA } from '@kassa/shared';
import { createStore, createUser, demoStoreId } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

interface Route {
  readonly method: string;
  readonly path: string;
}

/**
 * A user of store A can never read or change anything of store B. The test walks every admin
 * route in the OpenAPI document with a manager of store A against store B's resources.
 */
describe('tenancy', () => {
  let kassa: TestApp;
  let owner: string;
  let storeA: string;
  let storeB: string;
  let managerA: string;
  let managerBId: string;
  let staffBId: string;
  let routes: Route[];

  beforeAll(async () => {
    kassa = await startTestApp();
    owner = await kassa.login();
    storeA = await demoStoreId(kassa.http);
    storeB = (await createStore(kassa.http, owner, { name: 'Butik B' })).id;
    const a = await createUser(kassa.http, owner, { email: 'manager.a@example.com', role: 'manager', storeIds: [storeA] });
    managerBId = (await createUser(kassa.http, owner, { email: 'manager.b@example.com', role: 'manager', storeIds: [storeB] })).id;
    staffBId = (await createUser(kassa.http, owner, { email: 'staff.b@example.com', role: 'staff', storeIds: [storeB] })).id;
    managerA = await kassa.login(a.email, a.password);
    const document = (await kassa.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/admin/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })));
  });
  afterAll(() => kassa.close());

  /** Store B's own resources, by the resource name in the path. */
  function bResource(path: string): string {
    if (path.startsWith('/api/v1/admin/stores')) return storeB;
    if (path.startsWith('/api/v1/admin/users')) return staffBId;
    return '00000000-0000-4000-8000-000000000000';
  }

  it('covers the admin API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it('never lets a manager of store A read or change a resource of store B', async () => {
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.path.includes('{'))) {
      const path = route.path.replace(/\{[^}]+\}/g, bResource(route.path));
      const response = await kassa.http[route.method as 'get'](path)
        .set('Authorization', managerA)
        .send({ name: 'taken over' });
      if (![403, 404].includes(response.status)) leaks.push(`${route.method.toUpperCase()} ${path} → ${response.status}`);
    }
    expect(leaks).toEqual([]);
    const storeBNow = await kassa.http.get(`/api/v1/admin/stores/${storeB}`).set('Authorization', owner).expect(200);
    expect(storeBNow.body).toMatchObject({ name: 'Butik B' });
  });

  it('lists only store A’s things to a manager of store A', async () => {
    for (const route of routes.filter((r) => r.method === 'get' && !r.path.includes('{'))) {
      const response = await kassa.http.get(route.path).set('Authorization', managerA);
      expect([200, 403]).toContain(response.status);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(storeB);
      expect(text).not.toContain(managerBId);
    }
  });

  it('refuses staff the admin routes reserved for managers and owners', async () => {
    const staff = await createUser(kassa.http, owner, { email: 'staff.a@example.com', role: 'staff', storeIds: [storeA] });
    const auth = await kassa.login(staff.email, staff.password);
    await kassa.http.get('/api/v1/admin/users').set('Authorization', auth).expect(403);
    await kassa.http.post('/api/v1/admin/stores').set('Authorization', auth).send({}).expect(403);
    const stores = await kassa.http.get('/api/v1/admin/stores').set('Authorization', auth).expect(200);
    expect(stores.body.map((s: { id: string }) => s.id)).toEqual([storeA]);
  });

  it('refuses every admin route without a token', async () => {
    for (const route of routes) {
      const path = route.path.replace(/\{[^}]+\}/g, storeA);
      const response = await kassa.http[route.method as 'get'](path);
      expect({ route: `${route.method} ${path}`, status: response.status }).toEqual({ route: `${route.method} ${path}`, status: 401 });
    }
  });

  it('has an access rule declared on every route of every controller', () => {
    const undeclared: string[] = [];
    for (const module of kassa.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
        if (!controller) continue;
        const classRule = Reflect.getMetadata(ACCESS_METADATA, controller);
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          if (!classRule && !Reflect.getMetadata(ACCESS_METADATA, handler)) undeclared.push(`${controller.name}.${name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });
});
