import { bootTestApp, type TestApp } from '../../../test/support/app.js';
import { adminToken, bearer, createUser, query } from '../../../test/support/access.js';

/** A custom role through the API, as an admin would make it in the permission editor. */
async function createRole(t: TestApp, name: string, permissions: unknown[]): Promise<string> {
  const res = await t.http.post('/api/roles').auth(await adminToken(t), bearer).send({ name, permissions });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

describe('field rules and row conditions on a real resource (users)', () => {
  let t: TestApp;
  let editorToken: string;
  let selfOnly: { id: string; token: string };
  let target: { id: string; email: string };

  beforeAll(async () => {
    t = await bootTestApp();
    // May read users without their sign-in history, and edit only their names and language.
    const editor = await createRole(t, 'Name editor', [
      { action: 'read', subject: 'User' },
      { action: 'read', subject: 'User', fields: ['lastSignInAt', 'signInCount'], inverted: true },
      { action: 'update', subject: 'User', fields: ['name', 'locale'] },
    ]);
    // May see and rename only their own record.
    const own = await createRole(t, 'Own record', [
      { action: ['read', 'update'], subject: 'User', conditions: { id: '${user.id}' } },
    ]);
    editorToken = (await createUser(t, { roleIds: [editor] })).token;
    selfOnly = await createUser(t, { roleIds: [own] });
    target = await createUser(t, { roleKeys: ['viewer'] });
  });
  afterAll(() => t.close());

  it('hides fields the role may not read, in lists and single records', async () => {
    const list = await t.http.get('/api/users').auth(editorToken, bearer).expect(200);
    expect(list.body.length).toBeGreaterThan(1);
    for (const user of list.body) {
      expect(user).toHaveProperty('email');
      expect(user).not.toHaveProperty('lastSignInAt');
      expect(user).not.toHaveProperty('signInCount');
    }
    const one = await t.http.get(`/api/users/${target.id}`).auth(editorToken, bearer).expect(200);
    expect(one.body).not.toHaveProperty('signInCount');
  });

  it('refuses to sort by a hidden field, which would reveal its order', async () => {
    const res = await t.http
      .get('/api/users')
      .query({ sort: JSON.stringify(['lastSignInAt', 'DESC']) })
      .auth(editorToken, bearer)
      .expect(403);
    expect(res.body).toMatchObject({ code: 'access.field_forbidden', details: { fields: ['lastSignInAt'] } });
  });

  it('leaves hidden fields out of text search, so a search cannot probe them', async () => {
    const noEmails = await createRole(t, 'No emails', [
      { action: 'read', subject: 'User' },
      { action: 'read', subject: 'User', fields: ['email'], inverted: true },
    ]);
    const { token } = await createUser(t, { roleIds: [noEmails] });
    // Names never hold an @, emails always do.
    const domain = '@test.local';
    const probe = await t.http.get('/api/users').query({ filter: JSON.stringify({ q: domain }) }).auth(token, bearer).expect(200);
    expect(probe.body).toEqual([]);
    const asAdmin = await t.http
      .get('/api/users')
      .query({ filter: JSON.stringify({ q: domain }) })
      .auth(await adminToken(t), bearer)
      .expect(200);
    expect(asAdmin.body.map((u: { id: string }) => u.id)).toContain(target.id);
  });

  it('lets the role write the fields it may, with the whole record sent back', async () => {
    const record = (await t.http.get(`/api/users/${target.id}`).auth(editorToken, bearer).expect(200)).body;
    const res = await t.http.put(`/api/users/${target.id}`).auth(editorToken, bearer).send({ ...record, name: 'Renamed' }).expect(200);
    expect(res.body.name).toBe('Renamed');
  });

  it('refuses a forbidden field with 403 naming it, changes nothing and logs the refusal', async () => {
    const record = (await t.http.get(`/api/users/${target.id}`).auth(editorToken, bearer).expect(200)).body;
    const res = await t.http
      .put(`/api/users/${target.id}`)
      .auth(editorToken, bearer)
      .send({ ...record, name: 'Sneaky', email: 'taken-over@test.local', active: false })
      .expect(403);
    expect(res.body).toMatchObject({ code: 'access.field_forbidden', details: { action: 'update', subject: 'User' } });
    expect(res.body.details.fields.sort()).toEqual(['active', 'email']);
    const [row] = await query<{ email: string; name: string; active: boolean }>(
      t,
      'SELECT email, name, active FROM users WHERE id = $1',
      [target.id],
    );
    expect(row).toEqual({ email: target.email, name: 'Renamed', active: true });
    const denials = await query(t, `SELECT details FROM audit_log WHERE action = 'access.denied' AND details->>'code' = 'access.field_forbidden' AND details->>'action' = 'update'`);
    expect(denials).toHaveLength(1);
  });

  it('refuses to hand out roles to someone who may edit users but not roles', async () => {
    const userAdmin = await createRole(t, 'User admin', [{ action: ['read', 'create', 'update'], subject: 'User' }]);
    const clerk = await createUser(t, { roleIds: [userAdmin] });
    const mine = (await t.http.get(`/api/users/${clerk.id}`).auth(clerk.token, bearer).expect(200)).body;
    const res = await t.http
      .put(`/api/users/${clerk.id}`)
      .auth(clerk.token, bearer)
      .send({ ...mine, roleIds: [...mine.roleIds, '019ab000-0000-7000-8000-000000000001'] })
      .expect(403);
    expect(res.body).toMatchObject({ code: 'access.field_forbidden', details: { fields: ['roleIds'] } });
    // Renaming themselves is fine; the role list they sent back unchanged does not count as a change.
    await t.http.put(`/api/users/${clerk.id}`).auth(clerk.token, bearer).send({ ...mine, name: 'Clerk' }).expect(200);
    const [{ n }] = await query<{ n: number }>(t, 'SELECT count(*)::int AS n FROM user_role WHERE user_id = $1', [clerk.id]);
    expect(n).toBe(1);
  });

  it('keeps anyone short of full power away from administrators and from writing rules', async () => {
    const userAdmin = await createRole(t, 'User and role admin', [
      { action: ['read', 'create', 'update', 'delete'], subject: 'User' },
      { action: ['read', 'create', 'update'], subject: 'Role' },
    ]);
    const clerk = await createUser(t, { roleIds: [userAdmin] });
    const [{ id: adminId }] = await query<{ id: string }>(t, `SELECT id FROM users WHERE email = 'admin@test.local'`);
    const reset = await t.http
      .post(`/api/users/${adminId}/reset-password`)
      .auth(clerk.token, bearer)
      .send({ password: 'Taken-over-99' })
      .expect(403);
    expect(reset.body.code).toBe('access.forbidden');
    await t.http.delete(`/api/users/${adminId}`).auth(clerk.token, bearer).expect(403);
    const ownRole = await t.http
      .put(`/api/roles/${userAdmin}`)
      .auth(clerk.token, bearer)
      .send({ permissions: [{ action: 'manage', subject: 'all' }] })
      .expect(403);
    expect(ownRole.body).toMatchObject({ code: 'access.field_forbidden', details: { fields: ['permissions'] } });
    await t.http
      .post('/api/roles')
      .auth(clerk.token, bearer)
      .send({ name: 'Backdoor', permissions: [{ action: 'manage', subject: 'all' }] })
      .expect(403);
    const grant = await t.http
      .post('/api/users')
      .auth(clerk.token, bearer)
      .send({ email: 'accomplice@test.local', name: 'Accomplice', password: 'Correct-horse-42', roleIds: ['019ab000-0000-7000-8000-000000000001'] })
      .expect(403);
    expect(grant.body.code).toBe('access.field_forbidden');
  });

  it('answers bad values with 4xx, never 500', async () => {
    const admin = await adminToken(t);
    await t.http.put(`/api/users/${target.id}`).auth(admin, bearer).send({ password: null }).expect(200);
    await t.http.get('/api/users').query({ filter: JSON.stringify({ constructor: 1 }) }).auth(admin, bearer).expect(400);
    await t.http.get('/api/users').query({ filter: JSON.stringify({ q: 'a\u0000b' }) }).auth(admin, bearer).expect(400);
    await t.http.get('/api/users').query({ filter: JSON.stringify({ createdAt_gte: '-100000-01-01T00:00:00Z' }) }).auth(admin, bearer).expect(400);
    await t.http.put(`/api/users/${target.id}`).auth(admin, bearer).send({ name: 'a\u0000b' }).expect(400);
    await t.http.post('/api/roles').auth(admin, bearer).send({ name: '   ', permissions: [] }).expect(422);
  });

  it('shows a user limited to their own record only that record, and counts only it', async () => {
    const res = await t.http.get('/api/users').auth(selfOnly.token, bearer).expect(200);
    expect(res.body.map((u: { id: string }) => u.id)).toEqual([selfOnly.id]);
    expect(res.headers['content-range']).toMatch(/\/1$/);
    await t.http.get(`/api/users/${target.id}`).auth(selfOnly.token, bearer).expect(404);
    const mine = (await t.http.get(`/api/users/${selfOnly.id}`).auth(selfOnly.token, bearer).expect(200)).body;
    await t.http.put(`/api/users/${selfOnly.id}`).auth(selfOnly.token, bearer).send({ ...mine, name: 'Me, renamed' }).expect(200);
  });

  it('answers 404 when acting on a record outside the condition, and leaves it alone', async () => {
    const before = (await t.http.get(`/api/users/${target.id}`).auth(await adminToken(t), bearer).expect(200)).body;
    await t.http.put(`/api/users/${target.id}`).auth(selfOnly.token, bearer).send({ name: 'Not yours' }).expect(404);
    await t.http.post(`/api/users/${target.id}/unlock`).auth(selfOnly.token, bearer).expect(404);
    const after = (await t.http.get(`/api/users/${target.id}`).auth(await adminToken(t), bearer).expect(200)).body;
    expect(after.name).toBe(before.name);
  });
});
