import { randomUUID } from 'node:crypto';
import { bootTestApp, login, type TestApp } from '../../../test/support/app.js';
import { sqlClient } from '../../../test/support/database.js';
import { bearer, createUser, PASSWORD, query, roleId, uniqueEmail } from '../../../test/support/access.js';

/*
 * User administration over HTTP on a real database: the simple-rest CRUD react-admin drives,
 * and every way it refuses a change, with the exact status and code.
 */

const WAREHOUSE_A = '019ab000-0000-7000-8000-00000000a001';
const WAREHOUSE_B = '019ab000-0000-7000-8000-00000000a002';
const CHANNEL = '019ab000-0000-7000-8000-00000000c001';

/** A record of a user as the API returns it, with no trace of a password or its hash. */
function expectNoPassword(body: unknown, ...passwords: string[]) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/"password|password_?hash|\$argon2/i);
  for (const p of passwords) expect(text).not.toContain(p);
}

const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) => (body.details?.fields ?? []).map((f) => f.field);

describe('users', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;

  const as = (token: string) => ({
    get: (path: string) => t.http.get(path).auth(token, bearer),
    post: (path: string) => t.http.post(path).auth(token, bearer),
    put: (path: string) => t.http.put(path).auth(token, bearer),
    delete: (path: string) => t.http.delete(path).auth(token, bearer),
  });
  const api = () => as(admin);
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: uniqueEmail(),
    name: 'Someone',
    password: PASSWORD,
    roleIds: [roleId('viewer')],
    ...overrides,
  });

  beforeAll(async () => {
    t = await bootTestApp();
    const session = await login(t.http);
    admin = session.accessToken;
    adminId = session.user.id;
  });
  afterAll(() => t.close());

  describe('administration', () => {
    it('creates a user with a lower-cased email, their roles and scopes, and never returns the password', async () => {
      const email = `Li.Lei.${randomUUID().slice(0, 6)}@Example.COM`;
      const res = await api()
        .post('/api/users')
        .send({ email, name: 'Li Lei', password: PASSWORD, roleIds: [roleId('viewer'), roleId('finance')],
          warehouseIds: [WAREHOUSE_A], channelIds: [CHANNEL], locale: 'en' })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String), email: email.toLowerCase(), name: 'Li Lei', active: true, locale: 'en',
        roleIds: [roleId('finance'), roleId('viewer')], warehouseIds: [WAREHOUSE_A], channelIds: [CHANNEL],
        lastSignInAt: null, signInCount: 0, lockedUntil: null, createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      expectNoPassword(res.body, PASSWORD);
      const [row] = await query<{ password_hash: string }>(t, `SELECT password_hash FROM users WHERE id = $1`, [res.body.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      await login(t.http, email.toUpperCase(), PASSWORD);
    });

    it('lists users with Content-Range and filters them by q, active and roleId', async () => {
      const tag = `crew${randomUUID().slice(0, 6)}`;
      const viewer = await api().post('/api/users').send(newUser({ name: `${tag} 1` })).expect(201);
      const finance = await api().post('/api/users').send(newUser({ name: `${tag} 2`, roleIds: [roleId('finance')] })).expect(201);
      const off = await api()
        .post('/api/users')
        .send(newUser({ name: `${tag} 3`, roleIds: [roleId('finance')], active: false }))
        .expect(201);
      const list = (filter: object, range = [0, 9]) =>
        api()
          .get('/api/users')
          .query({ filter: JSON.stringify(filter), sort: JSON.stringify(['name', 'ASC']), range: JSON.stringify(range) })
          .expect(200);

      const all = await list({ q: tag });
      expect(all.headers['content-range']).toBe('users 0-2/3');
      expect(all.body.map((u: { id: string }) => u.id)).toEqual([viewer.body.id, finance.body.id, off.body.id]);
      expectNoPassword(all.body, PASSWORD);
      expect((await list({ q: tag }, [1, 1])).headers['content-range']).toBe('users 1-1/3');
      expect((await list({ q: tag }, [5, 9])).headers['content-range']).toBe('users */3');

      expect((await list({ q: tag, active: false })).body.map((u: { id: string }) => u.id)).toEqual([off.body.id]);
      expect((await list({ q: tag, active: true })).headers['content-range']).toBe('users 0-1/2');
      const financeUsers = await list({ q: tag, roleId: roleId('finance') });
      expect(financeUsers.body.map((u: { id: string }) => u.id)).toEqual([finance.body.id, off.body.id]);
      const byEmail = await list({ q: viewer.body.email.toUpperCase() });
      expect(byEmail.body.map((u: { id: string }) => u.id)).toEqual([viewer.body.id]);
      const admins = await list({ roleId: roleId('administrator') });
      expect(admins.body.map((u: { id: string }) => u.id)).toContain(adminId);

      const bad = await api().get('/api/users').query({ filter: JSON.stringify({ password: 'x' }) }).expect(400);
      expect(bad.body.code).toBe('list.invalid_query');
      expect(fieldsOf(bad.body)).toEqual(['filter.password']);
    });

    it('reads one user by id', async () => {
      const created = await api().post('/api/users').send(newUser({ warehouseIds: [WAREHOUSE_B] })).expect(201);
      const res = await api().get(`/api/users/${created.body.id}`).expect(200);
      expect(res.body).toEqual(created.body);
      expectNoPassword(res.body, PASSWORD);
    });

    it('updates a user from the whole record as read, ignoring the read-only fields', async () => {
      const user = await createUser(t);
      const record = (await api().get(`/api/users/${user.id}`).expect(200)).body;
      const res = await api()
        .put(`/api/users/${user.id}`)
        .send({
          ...record,
          name: 'Renamed',
          roleIds: [roleId('finance')],
          warehouseIds: [WAREHOUSE_B],
          locale: 'zh-CN',
          id: randomUUID(),
          signInCount: 999,
          lastSignInAt: '2000-01-01T00:00:00.000Z',
          lockedUntil: '2999-01-01T00:00:00.000Z',
          createdAt: '2000-01-01T00:00:00.000Z',
          updatedAt: '2000-01-01T00:00:00.000Z',
        })
        .expect(200);
      expect(res.body).toMatchObject({
        id: user.id, email: user.email, name: 'Renamed', roleIds: [roleId('finance')], warehouseIds: [WAREHOUSE_B],
        locale: 'zh-CN', active: true, lockedUntil: null, createdAt: record.createdAt,
      });
      expect(res.body.signInCount).not.toBe(999);
      expect(res.body.updatedAt).not.toBe('2000-01-01T00:00:00.000Z');
      expectNoPassword(res.body, PASSWORD);
      expect((await api().get(`/api/users/${user.id}`).expect(200)).body).toEqual(res.body);
    });

    it('answers a record sent back unchanged with the record as it is', async () => {
      const user = await createUser(t);
      const record = (await api().get(`/api/users/${user.id}`).expect(200)).body;
      const res = await api().put(`/api/users/${user.id}`).send(record).expect(200);
      expect(res.body).toEqual(record);
    });

    it('deletes a user: the record is gone and their session ends', async () => {
      const user = await createUser(t);
      const res = await api().delete(`/api/users/${user.id}`).expect(200);
      expect(res.body).toMatchObject({ id: user.id, email: user.email });
      expectNoPassword(res.body, PASSWORD);
      expect((await api().get(`/api/users/${user.id}`).expect(404)).body.code).toBe('not_found');
      expect((await as(user.token).get('/api/auth/me').expect(401)).body.code).toBe('auth.session_ended');
      await t.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
    });
  });

  describe('refusals', () => {
    it('answers a malformed user with 400 listing each bad field', async () => {
      const res = await api()
        .post('/api/users')
        .send({ email: 'not-an-email', name: 'X', password: PASSWORD, roleIds: ['not-a-uuid'], isAdmin: true })
        .expect(400);
      expect(res.body.code).toBe('validation.failed');
      expect(fieldsOf(res.body).sort()).toEqual(['email', 'isAdmin', 'roleIds']);
    });

    it('answers a user without its required fields with 400', async () => {
      const res = await api().post('/api/users').send({}).expect(400);
      expect(res.body.code).toBe('validation.failed');
      expect(new Set(fieldsOf(res.body))).toEqual(new Set(['email', 'name', 'password', 'roleIds']));
    });

    it('answers an update with an unknown field or a malformed role id with 400', async () => {
      const user = await createUser(t);
      const record = (await api().get(`/api/users/${user.id}`).expect(200)).body;
      const unknown = await api().put(`/api/users/${user.id}`).send({ ...record, isAdmin: true }).expect(400);
      expect(unknown.body.code).toBe('validation.failed');
      expect(fieldsOf(unknown.body)).toEqual(['isAdmin']);
      const badRole = await api().put(`/api/users/${user.id}`).send({ ...record, roleIds: ['admin'] }).expect(400);
      expect(fieldsOf(badRole.body)).toEqual(['roleIds']);
    });

    it.each([
      ['shorter than 10 characters', 'Ab-1xyz', 'must be at least 10 characters long'],
      ['longer than 128 characters', 'Ab-1'.repeat(33), 'must be at most 128 characters long'],
      ['a well-known password', 'Password123', 'is too common'],
      ['one repeated character', 'xxxxxxxxxxxx', 'must not repeat one character'],
      ['letters only', 'correcthorsebattery', 'must mix letters with digits or symbols'],
      ['digits only', '98765432109876', 'must mix letters with digits or symbols'],
      ['containing the name of the email', 'Zhangwei-2024!', 'must not contain the email address'],
    ])('refuses a password %s with 422 users.weak_password and creates nobody', async (_, password, message) => {
      const email = 'zhangwei@test.local';
      const res = await api().post('/api/users').send(newUser({ email, password })).expect(422);
      expect(res.body.code).toBe('users.weak_password');
      expect(res.body.details.fields).toEqual(expect.arrayContaining([{ field: 'password', message }]));
      expect(await query(t, `SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
    });

    it('refuses a weak password sent with an update with 422 and changes nothing', async () => {
      const user = await createUser(t);
      const record = (await api().get(`/api/users/${user.id}`).expect(200)).body;
      const res = await api().put(`/api/users/${user.id}`).send({ ...record, name: 'Changed', password: 'short' }).expect(422);
      expect(res.body.code).toBe('users.weak_password');
      expect((await api().get(`/api/users/${user.id}`).expect(200)).body.name).toBe(record.name);
      await as(user.token).get('/api/auth/me').expect(200);
    });

    it('refuses an email already taken, whatever its case, with 409 users.email_taken', async () => {
      const first = await createUser(t);
      const again = await api().post('/api/users').send(newUser({ email: first.email.toUpperCase() })).expect(409);
      expect(again.body).toMatchObject({ code: 'users.email_taken', details: { fields: [{ field: 'email', message: expect.any(String) }] } });
      const other = await createUser(t);
      const record = (await api().get(`/api/users/${other.id}`).expect(200)).body;
      const renamed = await api().put(`/api/users/${other.id}`).send({ ...record, email: first.email.toUpperCase() }).expect(409);
      expect(renamed.body.code).toBe('users.email_taken');
      expect(await query(t, `SELECT 1 FROM users WHERE email = $1`, [first.email])).toHaveLength(1);
    });

    it('refuses an unknown role with 422 users.unknown_role', async () => {
      const missing = randomUUID();
      const user = newUser({ roleIds: [roleId('viewer'), missing] });
      const res = await api().post('/api/users').send(user).expect(422);
      expect(res.body).toMatchObject({ code: 'users.unknown_role', details: { fields: [{ field: 'roleIds' }] } });
      expect(res.body.details.fields[0].message).toContain(missing);
      expect(await query(t, `SELECT 1 FROM users WHERE email = $1`, [user.email])).toHaveLength(0);

      const existing = await createUser(t);
      const record = (await api().get(`/api/users/${existing.id}`).expect(200)).body;
      const put = await api().put(`/api/users/${existing.id}`).send({ ...record, roleIds: [missing] }).expect(422);
      expect(put.body.code).toBe('users.unknown_role');
      expect((await api().get(`/api/users/${existing.id}`).expect(200)).body.roleIds).toEqual([roleId('viewer')]);
    });

    it('answers 404 for a user id that does not exist, whatever the action', async () => {
      const id = randomUUID();
      const answers = [
        await api().get(`/api/users/${id}`),
        await api().put(`/api/users/${id}`).send({ name: 'Nobody' }),
        await api().delete(`/api/users/${id}`),
        await api().post(`/api/users/${id}/reset-password`).send({ password: PASSWORD }),
        await api().post(`/api/users/${id}/unlock`),
      ];
      for (const res of answers) expect([res.status, res.body.code]).toEqual([404, 'not_found']);
    });

    it('answers 400 for a user id that is not a uuid', async () => {
      const answers = [
        await api().get('/api/users/not-a-uuid'),
        await api().put('/api/users/not-a-uuid').send({ name: 'X' }),
        await api().delete('/api/users/1'),
        await api().post('/api/users/1/unlock'),
      ];
      for (const res of answers) expect([res.status, res.body.code]).toEqual([400, 'validation.failed']);
    });
  });

  describe('keeping someone in charge', () => {
    const activeAdministrators = async () =>
      (
        await query<{ id: string }>(
          t,
          `SELECT u.id FROM users u JOIN user_role ur ON ur.user_id = u.id WHERE ur.role_id = $1 AND u.active ORDER BY u.id`,
          [roleId('administrator')],
        )
      ).map((r) => r.id);
    /** Leaves the first administrator as the only one, whatever earlier tests did. */
    const onlyFirstAdministrator = () =>
      query(t, `DELETE FROM user_role WHERE role_id = $1 AND user_id <> $2`, [roleId('administrator'), adminId]);
    const restoreFirstAdministrator = () =>
      query(t, `INSERT INTO user_role (user_id, role_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [adminId, roleId('administrator')]);

    it('refuses to let an administrator disable or delete their own account', async () => {
      const record = (await api().get(`/api/users/${adminId}`).expect(200)).body;
      const disable = await api().put(`/api/users/${adminId}`).send({ ...record, active: false }).expect(409);
      expect(disable.body.code).toBe('users.cannot_disable_self');
      const remove = await api().delete(`/api/users/${adminId}`).expect(409);
      expect(remove.body.code).toBe('users.cannot_delete_self');
      expect((await api().get(`/api/users/${adminId}`).expect(200)).body).toMatchObject({ active: true });
    });

    it('refuses to demote, disable or delete the last active administrator with 409 users.last_administrator', async () => {
      await onlyFirstAdministrator();
      const managers = await api()
        .post('/api/roles')
        .send({
          name: `User managers ${randomUUID().slice(0, 6)}`,
          // Only someone who may do everything can touch an Administrator at all.
          permissions: [{ action: 'manage', subject: 'all' }],
        })
        .expect(201);
      const manager = await createUser(t, { roleIds: [managers.body.id] });
      const record = (await as(manager.token).get(`/api/users/${adminId}`).expect(200)).body;

      const answers = [
        await as(manager.token).put(`/api/users/${adminId}`).send({ ...record, roleIds: [roleId('viewer')] }),
        await as(manager.token).put(`/api/users/${adminId}`).send({ ...record, active: false }),
        await as(manager.token).delete(`/api/users/${adminId}`),
      ];
      for (const res of answers) expect([res.status, res.body.code]).toEqual([409, 'users.last_administrator']);
      expect(await activeAdministrators()).toEqual([adminId]);
      await api().get('/api/users').expect(200);

      const second = await createUser(t, { roleKeys: ['administrator'] });
      const secondRecord = (await api().get(`/api/users/${second.id}`).expect(200)).body;
      await as(manager.token).put(`/api/users/${second.id}`).send({ ...secondRecord, roleIds: [roleId('viewer')] }).expect(200);
      expect(await activeAdministrators()).toEqual([adminId]);
    });

    it('lets exactly one of two administrators demoting each other at the same moment succeed', async () => {
      const a = await createUser(t, { roleKeys: ['administrator'] });
      const b = await createUser(t, { roleKeys: ['administrator'] });
      const recordA = (await api().get(`/api/users/${a.id}`).expect(200)).body;
      const recordB = (await api().get(`/api/users/${b.id}`).expect(200)).body;
      await query(t, `DELETE FROM user_role WHERE role_id = $1 AND user_id NOT IN ($2, $3)`, [roleId('administrator'), a.id, b.id]);
      const holder = await sqlClient(t.db.url);
      try {
        // Hold the lock both requests take, so both are past the permission check when they race.
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM role WHERE id = $1 FOR UPDATE`, [roleId('administrator')]);
        const both = Promise.all([
          as(a.token).put(`/api/users/${b.id}`).send({ ...recordB, roleIds: [roleId('viewer')] }),
          as(b.token).put(`/api/users/${a.id}`).send({ ...recordA, roleIds: [roleId('viewer')] }),
        ]);
        const waiting = async () =>
          (await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n;
        for (let i = 0; (await waiting()) < 2; i++) {
          if (i > 200) throw new Error('the two requests never both waited for the lock');
          await new Promise((r) => setTimeout(r, 25));
        }
        await holder.query('COMMIT');
        const answers = await both;
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(answers.find((r) => r.status === 409)!.body.code).toBe('users.last_administrator');
        expect(await activeAdministrators()).toHaveLength(1);
      } finally {
        await holder.end();
        await restoreFirstAdministrator();
      }
    });

    it('creates one user when ten requests create the same email at the same moment', async () => {
      const email = uniqueEmail('race');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => api().post('/api/users').send(newUser({ email, name: `Racer ${i}` }))),
      );
      expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
      const refused = answers.filter((r) => r.status !== 201);
      expect(refused.map((r) => [r.status, r.body.code])).toEqual(Array(9).fill([409, 'users.email_taken']));
      expect(await query(t, `SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(1);
    });
  });
});
