import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ADMIN, bootTestApp, login, type TestApp } from '../../../test/support/app.js';
import {
  type AuditRow,
  auditEntries,
  bearer,
  createUser,
  type CreatedUser,
  PASSWORD,
  query,
  roleId,
  uniqueEmail,
} from '../../../test/support/access.js';

/*
 * The audit trail of access administration on a real database: one entry per successful
 * change, stamped with who, from where and which request; none for a refused change; no
 * secrets; sign-ins, lockouts and refusals too; and a table the database keeps append-only.
 */

const USER_AGENT = 'audit-spec/1.0 (integration test)';
const REDACTED = '[redacted]';

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;

  const as = (token: string) => ({
    get: (path: string) => t.http.get(path).auth(token, bearer).set('User-Agent', USER_AGENT),
    post: (path: string) => t.http.post(path).auth(token, bearer).set('User-Agent', USER_AGENT),
    put: (path: string) => t.http.put(path).auth(token, bearer).set('User-Agent', USER_AGENT),
    delete: (path: string) => t.http.delete(path).auth(token, bearer).set('User-Agent', USER_AGENT),
  });
  const api = () => as(admin);
  const signIn = (email: string, password: string) =>
    t.http.post('/api/auth/login').set('User-Agent', USER_AGENT).send({ email, password });
  const record = async (path: string) => (await api().get(path).expect(200)).body;
  const entriesOf = (res: Response) => auditEntries(t, { requestId: res.headers['x-request-id'] });

  /** The one entry the request left, stamped with the actor, address, user agent and request id. */
  async function onlyEntry(res: Response, actor: { id: string; email: string } = { id: adminId, email: ADMIN.email }) {
    const entries = await entriesOf(res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: actor.id,
      actorEmail: actor.email,
      ip: expect.stringMatching(/127\.0\.0\.1$/),
      userAgent: USER_AGENT,
      requestId: res.headers['x-request-id'],
      outcome: 'success',
    });
    return entries[0];
  }
  const changed = (entry: AuditRow) => (entry.changes ?? []).map((c) => c.field);

  beforeAll(async () => {
    t = await bootTestApp();
    const session = await login(t.http);
    admin = session.accessToken;
    adminId = session.user.id;
  });
  afterAll(() => t.close());

  describe('successful changes', () => {
    it('records a user created, with the password redacted', async () => {
      const email = uniqueEmail();
      const res = await api().post('/api/users').send({ email, name: 'New hire', password: PASSWORD, roleIds: [roleId('viewer')] }).expect(201);
      const entry = await onlyEntry(res);
      expect(entry).toMatchObject({ action: 'user.create', entityType: 'User', entityId: res.body.id, before: null });
      expect(entry.after).toMatchObject({ id: res.body.id, email, name: 'New hire', roleIds: [roleId('viewer')], password: REDACTED });
      expect(entry.changes).toEqual(
        expect.arrayContaining([{ field: 'email', before: null, after: email }, { field: 'password', before: null, after: REDACTED }]),
      );
    });

    it('records a user updated with before, after and exactly the fields that changed', async () => {
      const user = await createUser(t);
      const before = await record(`/api/users/${user.id}`);
      const res = await api().put(`/api/users/${user.id}`).send({ ...before, name: 'Promoted', roleIds: [roleId('finance')] }).expect(200);
      const entry = await onlyEntry(res);
      expect(entry).toMatchObject({ action: 'user.update', entityType: 'User', entityId: user.id });
      expect(entry.before).toMatchObject({ name: before.name, roleIds: [roleId('viewer')] });
      expect(entry.after).toMatchObject({ name: 'Promoted', roleIds: [roleId('finance')] });
      expect(changed(entry)).toEqual(['name', 'roleIds', 'updatedAt']);
      expect(entry.changes).toContainEqual({ field: 'name', before: before.name, after: 'Promoted' });
    });

    it('records nothing for a user record sent back unchanged', async () => {
      const user = await createUser(t);
      const res = await api().put(`/api/users/${user.id}`).send(await record(`/api/users/${user.id}`)).expect(200);
      expect(await entriesOf(res)).toEqual([]);
    });

    it('records a password reset, and a password sent with an update, with the password redacted', async () => {
      const user = await createUser(t);
      const reset = await api().post(`/api/users/${user.id}/reset-password`).send({ password: 'Battery-staple-77' }).expect(200);
      const resetEntry = await onlyEntry(reset);
      expect(resetEntry).toMatchObject({ action: 'user.reset_password', entityType: 'User', entityId: user.id });
      expect(resetEntry.changes).toContainEqual({ field: 'password', before: REDACTED, after: REDACTED });

      const before = await record(`/api/users/${user.id}`);
      const put = await api().put(`/api/users/${user.id}`).send({ ...before, name: 'Reset twice', password: 'Battery-staple-78' }).expect(200);
      const putEntry = await onlyEntry(put);
      expect(putEntry).toMatchObject({ action: 'user.update', entityId: user.id });
      expect(changed(putEntry)).toEqual(expect.arrayContaining(['name', 'password']));
    });

    it('records an unlock with the lock it lifted', async () => {
      const user = await createUser(t);
      for (let i = 0; i < 5; i++) await signIn(user.email, 'Wrong-password-1').expect(401);
      const res = await api().post(`/api/users/${user.id}/unlock`).expect(200);
      const entry = await onlyEntry(res);
      expect(entry).toMatchObject({ action: 'user.unlock', entityType: 'User', entityId: user.id });
      expect(entry.changes).toEqual([{ field: 'lockedUntil', before: expect.any(String), after: null }]);
      await query(t, `DELETE FROM login_throttle`);
    });

    it('records a user deleted with the record as it was', async () => {
      const user = await createUser(t);
      const res = await api().delete(`/api/users/${user.id}`).expect(200);
      const entry = await onlyEntry(res);
      expect(entry).toMatchObject({ action: 'user.delete', entityType: 'User', entityId: user.id, after: null });
      expect(entry.before).toMatchObject({ id: user.id, email: user.email });
    });

    it('records a role created, updated and deleted', async () => {
      const name = `Auditors ${randomUUID().slice(0, 6)}`;
      const created = await api().post('/api/roles').send({ name, permissions: [{ action: 'read', subject: 'AuditLog' }] }).expect(201);
      const id = created.body.id;
      expect(await onlyEntry(created)).toMatchObject({ action: 'role.create', entityType: 'Role', entityId: id, before: null, after: { name } });

      const widened = [{ action: ['read', 'export'], subject: 'AuditLog' }];
      const updated = await api().put(`/api/roles/${id}`).send({ ...created.body, permissions: widened }).expect(200);
      const update = await onlyEntry(updated);
      expect(update).toMatchObject({ action: 'role.update', entityId: id, before: { permissions: created.body.permissions }, after: { permissions: widened } });
      expect(update.changes).toContainEqual({ field: 'permissions', before: created.body.permissions, after: widened });

      const deleted = await api().delete(`/api/roles/${id}`).expect(200);
      expect(await onlyEntry(deleted)).toMatchObject({ action: 'role.delete', entityId: id, before: { name }, after: null });
    });

    it('records nothing for a role record sent back unchanged', async () => {
      const created = await api().post('/api/roles').send({ name: `Unchanged ${randomUUID().slice(0, 6)}`, permissions: [] }).expect(201);
      const res = await api().put(`/api/roles/${created.body.id}`).send(created.body).expect(200);
      expect(await entriesOf(res)).toEqual([]);
      expect(res.body.updatedAt).toBe(created.body.updatedAt);
    });

    it('records a dead letter noted and replayed', async () => {
      const eventId = randomUUID();
      const payload = { userId: adminId, sessionId: randomUUID() };
      await query(t, `INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, payload, published_at, published_by)
        VALUES ($1, 'access.user-signed-in', 1, 'user', $2, $3, now(), 'audit-spec')`, [eventId, adminId, payload]);
      const [{ id }] = await query<{ id: string }>(t, `INSERT INTO dead_letter (event_id, event_type, handler, error, attempts, payload)
        VALUES ($1, 'access.user-signed-in', 'RecordSignInHandler', 'Error: boom', 6, $2) RETURNING id`, [eventId, payload]);

      const noted = await api().put(`/api/dead-letters/${id}`).send({ ...(await record(`/api/dead-letters/${id}`)), note: 'looked at it' }).expect(200);
      const note = await onlyEntry(noted);
      expect(note).toMatchObject({ action: 'dead_letter.update', entityType: 'DeadLetter', entityId: id });
      expect(note.changes).toEqual([{ field: 'note', before: null, after: 'looked at it' }]);

      const replayed = await api().post(`/api/dead-letters/${id}/replay`).expect(200);
      const replay = await onlyEntry(replayed);
      expect(replay).toMatchObject({ action: 'dead_letter.replay', entityType: 'DeadLetter', entityId: id });
      expect(replay.changes).toContainEqual({ field: 'status', before: 'failed', after: 'replayed' });
    });

    it('records one’s own password change, with the password redacted', async () => {
      const user = await createUser(t);
      const res = await as(user.token)
        .post('/api/auth/change-password')
        .send({ currentPassword: PASSWORD, newPassword: 'Battery-staple-77' })
        .expect(204);
      const entry = await onlyEntry(res, user);
      expect(entry).toMatchObject({ action: 'user.change_password', entityType: 'User', entityId: user.id });
      expect(entry.changes).toContainEqual({ field: 'password', before: REDACTED, after: REDACTED });
    });
  });

  describe('refused changes', () => {
    let existing: CreatedUser;
    beforeAll(async () => {
      existing = await createUser(t);
    });

    it.each([
      ['a weak password', 422, 'users.weak_password', () => api().post('/api/users').send({ email: uniqueEmail(), name: 'W', password: 'weak', roleIds: [] })],
      ['an unknown role', 422, 'users.unknown_role', () => api().post('/api/users').send({ email: uniqueEmail(), name: 'U', password: PASSWORD, roleIds: [randomUUID()] })],
      ['an email taken', 409, 'users.email_taken', () => api().post('/api/users').send({ email: existing.email, name: 'T', password: PASSWORD, roleIds: [] })],
      ['a weak reset', 422, 'users.weak_password', () => api().post(`/api/users/${existing.id}/reset-password`).send({ password: 'weak' })],
      ['demoting the last administrator', 409, 'users.last_administrator', async () =>
        api().put(`/api/users/${adminId}`).send({ ...(await record(`/api/users/${adminId}`)), roleIds: [roleId('viewer')] })],
      ['a role name taken', 409, 'roles.name_taken', () => api().post('/api/roles').send({ name: 'Finance', permissions: [] })],
      ['invalid rules', 422, 'roles.invalid_permissions', () => api().post('/api/roles').send({ name: 'Odd', permissions: [{ action: 'fly', subject: 'Order' }] })],
      ['deleting a built-in role', 409, 'roles.built_in', () => api().delete(`/api/roles/${roleId('viewer')}`)],
      ['a wrong current password', 422, 'auth.wrong_password', () =>
        as(existing.token).post('/api/auth/change-password').send({ currentPassword: 'Not-mine-123', newPassword: 'Battery-staple-77' })],
    ])('records nothing for %s', async (_, status, code, send) => {
      const res = await send();
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(await entriesOf(res)).toEqual([]);
    });
  });

  it('never stores a password, a password hash or a token', async () => {
    const passwords = ['First-secret-101', 'Second-secret-202', 'Third-secret-303', 'Fourth-secret-404', 'Guessed-wrong-505'];
    const user = await createUser(t, { password: passwords[0] });
    await api().put(`/api/users/${user.id}`).send({ ...(await record(`/api/users/${user.id}`)), password: passwords[1] }).expect(200);
    await api().post(`/api/users/${user.id}/reset-password`).send({ password: passwords[2] }).expect(200);
    const session = await login(t.http, user.email, passwords[2]);
    await as(session.accessToken).post('/api/auth/change-password').send({ currentPassword: passwords[2], newPassword: passwords[3] }).expect(204);
    await signIn(user.email, passwords[4]).expect(401);
    const last = await login(t.http, user.email, passwords[3]);
    await t.http.post('/api/auth/refresh').send({ refreshToken: last.refreshToken }).expect(200);

    const rows = await query<{ text: string }>(t, `SELECT audit_log::text AS text FROM audit_log`);
    const everything = rows.map((r) => r.text).join('\n');
    expect(everything).toContain(user.email);
    for (const secret of [...passwords, PASSWORD, ADMIN.password, '$argon2', last.accessToken, last.refreshToken.split('.')[1]]) {
      expect(everything).not.toContain(secret);
    }
  });

  describe('sign-ins and refusals', () => {
    it('records a sign-in with the user as actor', async () => {
      const user = await createUser(t);
      const res = await signIn(user.email, PASSWORD).expect(200);
      const entry = await onlyEntry(res, user);
      expect(entry).toMatchObject({ action: 'auth.login', entityType: 'User', entityId: user.id });
      expect(entry.details).toEqual({ sessionId: res.body.refreshToken.split('.')[0] });
    });

    it('records failed sign-ins for a wrong password and for an unknown email', async () => {
      const user = await createUser(t);
      const [wrong] = await entriesOf(await signIn(user.email, 'Wrong-password-1').expect(401));
      expect(wrong).toMatchObject({ action: 'auth.login_failed', outcome: 'failed', actorId: user.id, actorEmail: user.email, entityId: user.id });
      const ghost = uniqueEmail('ghost');
      const [unknown] = await entriesOf(await signIn(ghost, 'Wrong-password-1').expect(401));
      expect(unknown).toMatchObject({ action: 'auth.login_failed', outcome: 'failed', actorId: null, actorEmail: ghost, entityId: null });
      expect(unknown).toMatchObject({ ip: expect.stringMatching(/127\.0\.0\.1$/), userAgent: USER_AGENT });
      await query(t, `DELETE FROM login_throttle`);
    });

    it('records a lockout and each attempt refused while locked', async () => {
      const user = await createUser(t);
      let fifth: Response | undefined;
      for (let i = 0; i < 5; i++) fifth = await signIn(user.email, 'Wrong-password-1').expect(401);
      const entries = await entriesOf(fifth!);
      expect(entries.map((e) => e.action).sort()).toEqual(['auth.locked', 'auth.login_failed']);
      expect(entries.find((e) => e.action === 'auth.locked')).toMatchObject({
        outcome: 'denied', actorEmail: user.email, entityId: user.id, details: { key: `account:${user.email}` },
      });
      const [refused] = await entriesOf(await signIn(user.email, PASSWORD).expect(429));
      expect(refused).toMatchObject({ action: 'auth.login_failed', outcome: 'denied', actorEmail: user.email, details: { reason: 'locked' } });
      await query(t, `DELETE FROM login_throttle`);
    });

    it('records a refused permission as access.denied', async () => {
      const viewer = await createUser(t, { roleKeys: ['viewer'] });
      const res = await as(viewer.token).get('/api/users').query({ range: '[0,9]' }).expect(403);
      const entries = await entriesOf(res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action: 'access.denied', outcome: 'denied', actorId: viewer.id, actorEmail: viewer.email, userAgent: USER_AGENT,
        details: { method: 'GET', path: '/api/users', action: 'read', subject: 'User' },
      });
    });
  });

  describe('the table', () => {
    it.each([
      ['UPDATE', `UPDATE audit_log SET action = 'user.nothing'`],
      ['DELETE', `DELETE FROM audit_log`],
      ['TRUNCATE', `TRUNCATE audit_log`],
    ])('refuses %s by SQL', async (_, statement) => {
      const count = async () => (await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_log`))[0].n;
      const before = await count();
      expect(before).toBeGreaterThan(0);
      await expect(query(t, statement)).rejects.toThrow('audit_log is append-only');
      expect(await count()).toBe(before);
    });
  });

  describe('GET /api/audit-logs', () => {
    const list = (filter: object) => api().get('/api/audit-logs').query({ filter: JSON.stringify(filter) });
    const ids = (res: Response) => res.body.map((e: { id: string }) => e.id);
    const pause = () => new Promise((r) => setTimeout(r, 50));

    it('filters by actor, entity type and id, action, outcome and time', async () => {
      const created = await api().post('/api/roles').send({ name: `Filtered ${randomUUID().slice(0, 6)}`, permissions: [] }).expect(201);
      const role = created.body.id;
      await pause();
      const between = new Date().toISOString();
      await pause();
      const updated = await api().put(`/api/roles/${role}`).send({ ...created.body, description: 'Changed' }).expect(200);
      const viewer = await createUser(t, { roleKeys: ['viewer'] });
      const denied = await as(viewer.token).get(`/api/roles/${role}`).expect(403);
      const [create] = await entriesOf(created);
      const [update] = await entriesOf(updated);
      const [denial] = await entriesOf(denied);

      const byEntity = await list({ entityType: 'Role', entityId: role }).expect(200);
      expect(ids(byEntity)).toEqual([update.id, create.id]);
      expect(byEntity.headers['content-range']).toBe('audit-logs 0-1/2');
      expect(byEntity.body[0]).toMatchObject({ action: 'role.update', actorId: adminId, actorEmail: ADMIN.email, requestId: updated.headers['x-request-id'] });
      expect(ids(await list({ entityId: role, action: 'role.create' }).expect(200))).toEqual([create.id]);
      expect(ids(await list({ entityId: role, at_lte: between }).expect(200))).toEqual([create.id]);
      expect(ids(await list({ entityId: role, at_gte: between }).expect(200))).toEqual([update.id]);
      expect(ids(await list({ actorId: adminId, entityId: role }).expect(200))).toEqual([update.id, create.id]);
      expect(ids(await list({ actorId: viewer.id, outcome: 'denied' }).expect(200))).toEqual([denial.id]);
      expect((await list({ actorId: viewer.id, outcome: 'success' }).expect(200)).body.map((e: { action: string }) => e.action)).toEqual([
        'auth.login',
      ]);
      expect((await list({ actorId: viewer.id, action: 'role.update' }).expect(200)).headers['content-range']).toBe('audit-logs */0');

      const one = await api().get(`/api/audit-logs/${update.id}`).expect(200);
      expect(one.body).toMatchObject({ id: update.id, action: 'role.update', entityId: role, changes: expect.any(Array) });
    });

    it.each([
      ['an unknown filter', { filter: JSON.stringify({ password: 'x' }) }, 'filter.password'],
      ['an actorId that is not a uuid', { filter: JSON.stringify({ actorId: 'admin' }) }, 'filter.actorId'],
      ['an unknown outcome', { filter: JSON.stringify({ outcome: 'maybe' }) }, 'filter.outcome'],
      ['a date that is not one', { filter: JSON.stringify({ at_gte: 'last tuesday' }) }, 'filter.at_gte'],
      ['an unknown query parameter', { actorId: randomUUID() }, 'actorId'],
    ])('answers 400 list.invalid_query for %s', async (_, params, field) => {
      const res = await api().get('/api/audit-logs').query(params).expect(400);
      expect(res.body.code).toBe('list.invalid_query');
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    });

    it('offers no way to change or remove an entry', async () => {
      const [entry] = await auditEntries(t, { action: 'auth.login' });
      for (const res of [
        await api().put(`/api/audit-logs/${entry.id}`).send({ action: 'x' }),
        await api().delete(`/api/audit-logs/${entry.id}`),
        await api().post('/api/audit-logs').send({ action: 'x' }),
      ]) {
        expect(res.status).toBe(404);
      }
      expect((await auditEntries(t, { action: 'auth.login' }))[0]).toEqual(entry);
    });
  });
});
