import { startTestApp, TestApp } from '../support/test-app';
import { realRedisUrl } from '../support/test-database';

describe('the running app', () => {
  let kassa: TestApp;
  beforeAll(async () => {
    kassa = await startTestApp();
  });
  afterAll(() => kassa.close());

  it('reports healthy with its database up', async () => {
    const response = await kassa.http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info.database.status).toBe('up');
    if (realRedisUrl) expect(response.body.info.redis.status).toBe('up');
  });

  it('serves its OpenAPI document with every route and the error shape', async () => {
    const response = await kassa.http.get('/api/docs-json').expect(200);
    expect(response.body.paths['/api/v1/auth/login']).toBeDefined();
    expect(response.body.paths['/api/v1/admin/stores']).toBeDefined();
    expect(response.body.components.schemas.ErrorBody.required).toEqual(
      expect.arrayContaining(['statusCode', 'code', 'message', 'details']),
    );
    // Response docs survive @Transactional(), which replaces the method it decorates.
    expect(response.body.paths['/api/v1/admin/stores/{id}'].put.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/StoreResponse',
    });
    expect(response.body.paths['/api/v1/auth/logout'].post.summary).toBe('End the session the refresh token belongs to');
    await kassa.http.get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('exposes Prometheus metrics', async () => {
    await kassa.http.get('/api/v1/stores').expect(200);
    const response = await kassa.http.get('/metrics').expect(200);
    expect(response.text).toContain('kassa_http_request_duration_seconds_bucket');
    expect(response.text).toContain('route="/api/v1/stores"');
  });

  it('lists the demo store publicly with its facts', async () => {
    const response = await kassa.http.get('/api/v1/stores').expect(200);
    expect(response.body).toEqual([
      expect.objectContaining({
        name: 'Kassa Demo Café',
        timezone: 'Europe/Stockholm',
        currency: 'SEK',
        takingOrders: true,
        address: expect.objectContaining({ city: 'Göteborg' }),
      }),
    ]);
    expect(response.body[0]).not.toHaveProperty('organisationId');
  });

  it('answers unknown routes with the error shape', async () => {
    const response = await kassa.http.get('/api/v1/nope').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', details: [] });
  });

  it('sets security headers and exposes Content-Range to browsers', async () => {
    const response = await kassa.http.get('/api/v1/stores').set('Origin', 'https://shop.example').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-expose-headers']).toContain('Content-Range');
  });
});
