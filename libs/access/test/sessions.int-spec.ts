import jwt from 'jsonwebtoken';
import { bootTestApp, login, TEST_JWT_SECRET, type TestApp } from '../../../test/support/app.js';
import { bearer, createUser, type CreatedUser, PASSWORD, query, roleId } from '../../../test/support/access.js';

/*
 * Sessions over HTTP on a real database: what ends them (password changes and resets,
 * disabling, refresh token reuse), what a token must carry, and how role changes reach a
 * session that is already open.
 */

const NEW_PASSWORD = 'Battery-staple-77';
const WAREHOUSE_A = '019ab000-0000-7000-8000-00000000a001';
const WAREHOUSE_B = '019ab000-0000-7000-8000-00000000a002';
const CHANNEL = '019ab000-0000-7000-8000-00000000c001';

describe('sessions', () => {
  let t: TestApp;
  let admin: string;

  const me = (token: string) => t.http.get('/api/auth/me').auth(token, bearer);
  const refresh = (refreshToken: string) => t.http.post('/api/auth/refresh').send({ refreshToken });
  const signIn = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });
  const record = async (id: string) => (await t.http.get(`/api/users/${id}`).auth(admin, bearer).expect(200)).body;
  const update = (id: string, body: object) => t.http.put(`/api/users/${id}`).auth(admin, bearer).send(body);

  /** Every way in for a user's old credentials is closed. */
  async function expectSessionsEnded(...sessions: { token: string; refreshToken: string }[]) {
    for (const s of sessions) {
      expect((await me(s.token).expect(401)).body.code).toBe('auth.session_ended');
      expect((await refresh(s.refreshToken).expect(401)).body.code).toBe('auth.invalid_refresh_token');
    }
  }

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await login(t.http)).accessToken;
  });
  afterAll(() => t.close());

  describe('changing one’s own password', () => {
    const change = (token: string, currentPassword: string, newPassword: string) =>
      t.http.post('/api/auth/change-password').auth(token, bearer).send({ currentPassword, newPassword });

    it('refuses a wrong current password with 422 auth.wrong_password', async () => {
      const user = await createUser(t);
      const res = await change(user.token, 'Not-my-password-1', NEW_PASSWORD).expect(422);
      expect(res.body).toMatchObject({ code: 'auth.wrong_password', details: { fields: [{ field: 'currentPassword' }] } });
      await login(t.http, user.email, PASSWORD);
    });

    it('refuses a weak new password with 422 users.weak_password naming newPassword', async () => {
      const user = await createUser(t);
      const res = await change(user.token, PASSWORD, 'abcdefghijkl').expect(422);
      expect(res.body.code).toBe('users.weak_password');
      expect(res.body.details.fields).toEqual([{ field: 'newPassword', message: 'must mix letters with digits or symbols' }]);
      await login(t.http, user.email, PASSWORD);
    });

    it('ends the other sessions, keeps this one, and signs in with the new password only', async () => {
      const user = await createUser(t);
      const other = await login(t.http, user.email, PASSWORD);
      await change(user.token, PASSWORD, NEW_PASSWORD).expect(204);
      await expectSessionsEnded({ token: other.accessToken, refreshToken: other.refreshToken });
      await me(user.token).expect(200);
      const rotated = (await refresh(user.refreshToken).expect(200)).body;
      await me(rotated.accessToken).expect(200);
      expect((await signIn(user.email, PASSWORD).expect(401)).body.code).toBe('auth.invalid_credentials');
      await login(t.http, user.email, NEW_PASSWORD);
    });

    it('asks for a token', async () => {
      expect((await t.http.post('/api/auth/change-password').send({}).expect(401)).body.code).toBe('auth.missing_token');
    });
  });

  describe('an administrator resetting a password', () => {
    it.each([
      ['POST /api/users/:id/reset-password', (id: string) => t.http.post(`/api/users/${id}/reset-password`).auth(admin, bearer).send({ password: NEW_PASSWORD }).expect(200)],
      ['PUT /api/users/:id with a password', async (id: string) => update(id, { ...(await record(id)), password: NEW_PASSWORD }).expect(200)],
    ])('through %s refuses the user’s tokens on their very next request', async (_, reset) => {
      const user = await createUser(t);
      const second = await login(t.http, user.email, PASSWORD);
      const res = await reset(user.id);
      expect(res.body).toMatchObject({ id: user.id, active: true });
      expect(JSON.stringify(res.body)).not.toMatch(/password|Battery|argon2/i);
      await expectSessionsEnded(user, { token: second.accessToken, refreshToken: second.refreshToken });
      expect((await signIn(user.email, PASSWORD).expect(401)).body.code).toBe('auth.invalid_credentials');
      await me((await login(t.http, user.email, NEW_PASSWORD)).accessToken).expect(200);
    });

    it('refuses a weak password with 422 and leaves the sessions open', async () => {
      const user = await createUser(t);
      const res = await t.http.post(`/api/users/${user.id}/reset-password`).auth(admin, bearer).send({ password: 'short' }).expect(422);
      expect(res.body.code).toBe('users.weak_password');
      await me(user.token).expect(200);
      await login(t.http, user.email, PASSWORD);
    });
  });

  describe('disabling a user', () => {
    it('refuses their open session at once and their sign-in with auth.user_disabled, until enabled again', async () => {
      const user = await createUser(t);
      await me(user.token).expect(200);
      const disabled = await update(user.id, { ...(await record(user.id)), active: false }).expect(200);
      expect(disabled.body.active).toBe(false);
      await expectSessionsEnded(user);
      // The right password gets the same answer as a wrong one: it is not confirmed.
      const refused = await signIn(user.email, PASSWORD).expect(401);
      expect(refused.body.code).toBe('auth.invalid_credentials');
      expect((await signIn(user.email, 'Wrong-password-1').expect(401)).body.code).toBe('auth.invalid_credentials');

      await update(user.id, { ...(await record(user.id)), active: true }).expect(200);
      await me((await login(t.http, user.email, PASSWORD)).accessToken).expect(200);
      expect((await me(user.token).expect(401)).body.code).toBe('auth.session_ended');
    });
  });

  describe('roles changing mid-session', () => {
    it('applies a role given or taken away to the very next request of the same token', async () => {
      const user = await createUser(t, { roleKeys: ['viewer'] });
      const users = () => t.http.get('/api/users').auth(user.token, bearer);
      expect((await users().expect(403)).body.code).toBe('access.forbidden');

      await update(user.id, { ...(await record(user.id)), roleIds: [roleId('administrator')] }).expect(200);
      await users().expect(200);
      expect((await me(user.token).expect(200)).body.roles).toEqual([{ id: roleId('administrator'), name: 'Administrator' }]);

      await update(user.id, { ...(await record(user.id)), roleIds: [roleId('viewer')] }).expect(200);
      expect((await users().expect(403)).body.code).toBe('access.forbidden');
      expect((await me(user.token).expect(200)).body.roles).toEqual([{ id: roleId('viewer'), name: 'Viewer' }]);
    });
  });

  describe('who am I', () => {
    it('returns roles, scopes and rules with ${user.warehouseIds} replaced by the user’s own warehouses', async () => {
      const user = await createUser(t, { roleKeys: ['warehouse_staff'], warehouseIds: [WAREHOUSE_A, WAREHOUSE_B], channelIds: [CHANNEL] });
      const res = await me(user.token).expect(200);
      expect(res.body).toMatchObject({
        id: user.id,
        email: user.email,
        roleIds: [roleId('warehouse_staff')],
        roles: [{ id: roleId('warehouse_staff'), name: 'Warehouse staff' }],
        warehouseIds: [WAREHOUSE_A, WAREHOUSE_B],
        channelIds: [CHANNEL],
      });
      const mine = { $in: [WAREHOUSE_A, WAREHOUSE_B] };
      expect(res.body.permissions).toEqual(
        expect.arrayContaining([
          { action: ['read', 'ship'], subject: 'Order', conditions: { warehouseId: mine } },
          { action: ['read', 'create', 'update', 'ship'], subject: 'Shipment', conditions: { warehouseId: mine } },
          { action: 'read', subject: 'Warehouse', conditions: { id: mine } },
        ]),
      );
      expect(JSON.stringify(res.body)).not.toContain('${user.');
      const inverted = res.body.permissions.map((r: { inverted?: boolean }) => r.inverted === true);
      expect(inverted.slice(-2)).toEqual([true, true]);
      expect(inverted.slice(0, -2)).not.toContain(true);
    });
  });

  describe('tokens', () => {
    const claimsOf = (token: string) => jwt.decode(token) as { sub: string; sid: string; tv: number };
    const sign = (claims: object, options: jwt.SignOptions = { expiresIn: 60 }) =>
      jwt.sign(claims, TEST_JWT_SECRET, { issuer: 'oms', ...options });
    let user: CreatedUser;

    beforeAll(async () => {
      user = await createUser(t);
    });

    it('ends the session when a refresh token is used twice: its access tokens are then refused', async () => {
      const session = await login(t.http, user.email, PASSWORD);
      const next = (await refresh(session.refreshToken).expect(200)).body;
      // Two tabs refreshing at once: the slower one is told the token rotated; the session lives on.
      expect((await refresh(session.refreshToken).expect(401)).body.details).toEqual({ reason: 'rotated' });
      await me(next.accessToken).expect(200);

      await query(t, `UPDATE auth_session SET last_used_at = now() - interval '1 hour' WHERE id = $1`, [
        session.refreshToken.split('.')[0],
      ]);
      expect((await refresh(session.refreshToken).expect(401)).body).toMatchObject({
        code: 'auth.invalid_refresh_token',
        details: { reason: 'reused' },
      });
      await expectSessionsEnded({ token: session.accessToken, refreshToken: next.refreshToken });
      expect((await me(next.accessToken).expect(401)).body.code).toBe('auth.session_ended');
      await me(user.token).expect(200);
    });

    it('refuses an expired access token with 401 auth.token_expired', async () => {
      const { sub, sid, tv } = claimsOf(user.token);
      const expired = sign({ sub, sid, tv, exp: Math.floor(Date.now() / 1000) - 5 }, {});
      expect((await me(expired).expect(401)).body.code).toBe('auth.token_expired');
    });

    it('refuses a tampered access token with 401 auth.invalid_token', async () => {
      const [header, payload, signature] = user.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, tv: claims.tv + 1 })).toString('base64url')}.${signature}`;
      expect((await me(forged).expect(401)).body.code).toBe('auth.invalid_token');
    });

    it.each([
      ['without the tv claim', ({ sub, sid }: { sub: string; sid: string }) => ({ sub, sid })],
      ['with a tv that is not a number', ({ sub, sid, tv }: { sub: string; sid: string; tv: number }) => ({ sub, sid, tv: String(tv) })],
      ['without the sid claim', ({ sub, tv }: { sub: string; tv: number }) => ({ sub, tv })],
    ])('refuses a well-signed token %s with 401 auth.invalid_token', async (_, shape) => {
      const token = sign(shape(claimsOf(user.token)));
      expect((await me(token).expect(401)).body.code).toBe('auth.invalid_token');
    });

    it('refuses a well-signed token of an old token version with 401 auth.session_ended', async () => {
      const { sub, sid, tv } = claimsOf(user.token);
      await me(sign({ sub, sid, tv })).expect(200);
      expect((await me(sign({ sub, sid, tv: tv - 1 })).expect(401)).body.code).toBe('auth.session_ended');
    });

    it('refuses a token from another issuer with 401 auth.invalid_token', async () => {
      const { sub, sid, tv } = claimsOf(user.token);
      expect((await me(sign({ sub, sid, tv }, { expiresIn: 60, issuer: 'someone-else' })).expect(401)).body.code).toBe(
        'auth.invalid_token',
      );
    });
  });
});
