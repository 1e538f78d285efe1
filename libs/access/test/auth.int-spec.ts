import { JwtService } from '@nestjs/jwt';
import jwt from 'jsonwebtoken';
import { bootTestApp, login, ADMIN, TEST_JWT_SECRET, type TestApp } from '../../../test/support/app.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('signs in with the right password and reaches a protected route', async () => {
    const { accessToken, refreshToken, user } = await login(t.http);
    expect(refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]{40,}$/);
    const me = await t.http.get('/api/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);
    expect(me.body).toMatchObject({ id: user.id, email: ADMIN.email, name: 'Administrator', locale: 'en' });
    expect(me.body.roles).toEqual([{ id: expect.any(String), name: 'Administrator' }]);
    expect(me.body.permissions).toEqual([expect.objectContaining({ action: 'manage', subject: 'all' })]);
  });

  it('matches the email whatever its case', async () => {
    await login(t.http, ADMIN.email.toUpperCase());
  });

  it.each([
    ['a wrong password', { email: ADMIN.email, password: 'wrong-password' }],
    ['an unknown email', { email: 'nobody@test.local', password: ADMIN.password }],
  ])('refuses %s with 401 and a stable code', async (_, body) => {
    const res = await t.http.post('/api/auth/login').send(body).expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'auth.invalid_credentials' });
    expect(res.body.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(res.body)).not.toContain('stack');
  });

  it('answers a malformed login with 400 listing the fields', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'not-an-email', extra: 1 }).expect(400);
    const fields = res.body.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('answers malformed JSON with 400', async () => {
    const res = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{bad').expect(400);
    expect(res.body).toMatchObject({ code: 'request.malformed_json' });
    expect(res.body.requestId).toBeTruthy();
  });

  it('answers every protected route 401 without a token', async () => {
    for (const path of ['/api/auth/me', '/api/dead-letters']) {
      const res = await t.http.get(path).expect(401);
      expect(res.body.code).toBe('auth.missing_token');
    }
  });

  it('refuses a tampered token', async () => {
    const { accessToken } = await login(t.http);
    const [h, p, s] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-7000-8000-000000000000' })).toString('base64url')}.${s}`;
    const res = await t.http.get('/api/auth/me').auth(forged, { type: 'bearer' }).expect(401);
    expect(res.body.code).toBe('auth.invalid_token');
  });

  it('refuses a token signed with another secret', async () => {
    const other = new JwtService({ secret: 'another-secret-another-secret-another-secret' });
    const token = other.sign({ sub: 'x', sid: 'y' }, { issuer: 'oms' });
    expect((await t.http.get('/api/auth/me').auth(token, { type: 'bearer' }).expect(401)).body.code).toBe('auth.invalid_token');
  });

  it('refuses an expired token', async () => {
    const { accessToken } = await login(t.http);
    const claims = jwt.decode(accessToken) as { sub: string; sid: string };
    const expired = jwt.sign({ sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, {
      issuer: 'oms',
    });
    const res = await t.http.get('/api/auth/me').auth(expired, { type: 'bearer' }).expect(401);
    expect(res.body.code).toBe('auth.token_expired');
  });

  it('rotates refresh tokens: the new one works, the old one does not', async () => {
    const first = await login(t.http);
    const second = (await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http.get('/api/auth/me').auth(second.accessToken, { type: 'bearer' }).expect(200);
    const again = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(again.body.code).toBe('auth.invalid_refresh_token');
    await t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200);
  });

  it('lets exactly one of two parallel refreshes with the same token win', async () => {
    const { refreshToken } = await login(t.http);
    const results = await Promise.all([1, 2, 3].map(() => t.http.post('/api/auth/refresh').send({ refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('ends the session when an old refresh token is replayed after the grace period', async () => {
    const first = await login(t.http);
    const second = (await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    const client = (await import('../../../test/support/database.js')).sqlClient;
    const sql = await client(t.db.url);
    await sql.query(`UPDATE auth_session SET last_used_at = now() - interval '1 hour' WHERE id = $1`, [
      first.refreshToken.split('.')[0],
    ]);
    await sql.end();
    const res = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(res.body.details).toEqual({ reason: 'reused' });
    await t.http.get('/api/auth/me').auth(second.accessToken, { type: 'bearer' }).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it.each(['garbage', 'a.b', '00000000-0000-7000-8000-000000000000.' + 'x'.repeat(43)])(
    'refuses the refresh token %s',
    async (refreshToken) => {
      const res = await t.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
      expect(res.body.code).toBe('auth.invalid_refresh_token');
    },
  );

  it('logs out: the access and refresh tokens of the session stop working', async () => {
    const { accessToken, refreshToken } = await login(t.http);
    await t.http.post('/api/auth/logout').auth(accessToken, { type: 'bearer' }).send({ refreshToken }).expect(204);
    expect((await t.http.get('/api/auth/me').auth(accessToken, { type: 'bearer' }).expect(401)).body.code).toBe(
      'auth.session_ended',
    );
    await t.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
  });

  it('keeps the public routes public', async () => {
    await t.http.get('/health').expect(200);
    await t.http.get('/api/docs-json').expect(200);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const { accessToken } = await login(t.http);
    const res = await t.http.get('/api/no-such-thing').auth(accessToken, { type: 'bearer' }).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});
