import { createUser, demoStoreId } from '../support/fixtures';
import { OWNER_EMAIL, OWNER_PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('staff sign-in', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;

  beforeAll(async () => {
    kassa = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
  });
  afterAll(() => kassa.close());

  it('signs in with e-mail in any case and returns tokens and the user', async () => {
    const response = await kassa.http.post('/api/v1/auth/login').send({ email: OWNER_EMAIL.toUpperCase(), password: OWNER_PASSWORD }).expect(200);
    expect(response.body).toMatchObject({ expiresIn: 900, user: { email: OWNER_EMAIL, role: 'owner', storeIds: [storeId] } });
    const me = await kassa.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body.email).toBe(OWNER_EMAIL);
  });

  it('says the same for an unknown e-mail and a wrong password', async () => {
    const unknown = await kassa.http.post('/api/v1/auth/login').send({ email: 'nobody@example.com', password: 'whatever-it-is' }).expect(401);
    const wrong = await kassa.http.post('/api/v1/auth/login').send({ email: OWNER_EMAIL, password: 'not-the-password' }).expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    await kassa.login(); // a success resets the failure count
  });

  it('locks an account under parallel guessing after exactly ten failures, even for the right password', async () => {
    const victim = await createUser(kassa.http, owner, { email: 'kassör@example.com', role: 'staff', storeIds: [storeId] });
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        kassa.http.post('/api/v1/auth/login').send({ email: victim.email, password: `guess-number-${i}` }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
    expect(statuses.filter((s) => s === 423)).toHaveLength(21);
    const right = await kassa.http.post('/api/v1/auth/login').send({ email: victim.email, password: victim.password });
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
  });

  it('rotates refresh tokens and ends the session when a used one comes back', async () => {
    const login = await kassa.http.post('/api/v1/auth/login').send({ email: OWNER_EMAIL, password: OWNER_PASSWORD }).expect(200);
    const first = login.body.refreshToken as string;
    const refreshed = await kassa.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
    const second = refreshed.body.refreshToken as string;
    expect(second).not.toBe(first);
    const replay = await kassa.http.post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401);
    expect(replay.body.code).toBe('INVALID_TOKEN');
    // The replay revoked the family, so the legitimate successor no longer works either.
    await kassa.http.post('/api/v1/auth/refresh').send({ refreshToken: second }).expect(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const login = await kassa.http.post('/api/v1/auth/login').send({ email: OWNER_EMAIL, password: OWNER_PASSWORD }).expect(200);
    await kassa.http.post('/api/v1/auth/logout').send({ refreshToken: login.body.refreshToken }).expect(204);
    await kassa.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
  });

  it('shuts a deactivated user out at once, access token included', async () => {
    const user = await createUser(kassa.http, owner, { email: 'leaving@example.com', role: 'staff', storeIds: [storeId] });
    const auth = await kassa.login(user.email, user.password);
    await kassa.http.get('/api/v1/auth/me').set('Authorization', auth).expect(200);
    await kassa.http.put(`/api/v1/admin/users/${user.id}`).set('Authorization', owner).send({ active: false }).expect(200);
    await kassa.http.get('/api/v1/auth/me').set('Authorization', auth).expect(401);
    await kassa.http.post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(401);
  });

  it('does not let an owner demote themselves', async () => {
    const me = await kassa.http.get('/api/v1/auth/me').set('Authorization', owner).expect(200);
    const response = await kassa.http.put(`/api/v1/admin/users/${me.body.id}`).set('Authorization', owner).send({ role: 'staff' }).expect(422);
    expect(response.body.details).toEqual([{ field: 'role', reason: 'you cannot demote or deactivate yourself' }]);
  });
});

describe('login rate limit', () => {
  let kassa: TestApp;
  beforeAll(async () => {
    kassa = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => kassa.close());

  it('answers 429 once one address has tried too often in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await kassa.http.post('/api/v1/auth/login').send({ email: `x${i}@example.com`, password: 'wrong-password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});
