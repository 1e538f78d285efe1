import { BUILT_IN_ROLES, type BuiltInRoleKey } from '@oms/access';
import { ACTIONS, SUBJECT_FIELDS } from '@oms/core';
import { randomUUID } from 'node:crypto';
import { bootTestApp, login, type TestApp } from '../../../test/support/app.js';
import { bearer, createUser, type CreatedUser, query, roleId } from '../../../test/support/access.js';

/*
 * Roles and their rules over HTTP on a real database, the permission catalog, and who may
 * reach the user, role and audit log administration at all.
 */

const fieldsOf = (body: { details?: { fields?: { field: string }[] } }) => (body.details?.fields ?? []).map((f) => f.field);
const IN_MY_WAREHOUSES = { warehouseId: { $in: '${user.warehouseIds}' } };

describe('roles', () => {
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
  const uniqueName = (base: string) => `${base} ${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    t = await bootTestApp();
    const session = await login(t.http);
    admin = session.accessToken;
    adminId = session.user.id;
  });
  afterAll(() => t.close());

  describe('administration', () => {
    it('lists the six built-in roles with Content-Range', async () => {
      const res = await api()
        .get('/api/roles')
        .query({ filter: JSON.stringify({ builtIn: true }), sort: JSON.stringify(['name', 'ASC']) })
        .expect(200);
      expect(res.headers['content-range']).toBe('roles 0-5/6');
      const byName = [...BUILT_IN_ROLES].sort((a, b) => a.name.localeCompare(b.name));
      expect(res.body.map((r: { id: string; builtInKey: string; builtIn: boolean }) => [r.id, r.builtInKey, r.builtIn])).toEqual(
        byName.map((r) => [r.id, r.key, true]),
      );
      const administrator = res.body.find((r: { id: string }) => r.id === roleId('administrator'));
      expect(administrator).toMatchObject({ permissions: [{ action: 'manage', subject: 'all' }], userCount: 1 });
    });

    it('creates, reads, renames and deletes a custom role, ignoring read-only fields on update', async () => {
      const permissions = [{ action: ['read', 'ship'], subject: 'Order', conditions: IN_MY_WAREHOUSES }];
      const name = uniqueName('Night shift');
      const created = await api().post('/api/roles').send({ name, description: 'Packs after ten', permissions }).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String), name, description: 'Packs after ten', builtIn: false, builtInKey: null, permissions,
        userCount: 0, createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      const id = created.body.id;
      expect((await api().get(`/api/roles/${id}`).expect(200)).body).toEqual(created.body);
      const listed = await api().get('/api/roles').query({ filter: JSON.stringify({ q: name }) }).expect(200);
      expect(listed.headers['content-range']).toBe('roles 0-0/1');

      const renamed = await api()
        .put(`/api/roles/${id}`)
        .send({ ...created.body, name: `${name} late`, builtIn: true, builtInKey: 'administrator', userCount: 99, id: randomUUID() })
        .expect(200);
      expect(renamed.body).toMatchObject({ id, name: `${name} late`, builtIn: false, builtInKey: null, userCount: 0, permissions });

      expect((await api().delete(`/api/roles/${id}`).expect(200)).body).toMatchObject({ id, name: `${name} late` });
      expect((await api().get(`/api/roles/${id}`).expect(404)).body.code).toBe('not_found');
    });

    it('answers a malformed role with 400 and an unknown or malformed role id with 404 or 400', async () => {
      const bad = await api().post('/api/roles').send({ name: '', permissions: 'all', extra: 1 }).expect(400);
      expect(new Set(fieldsOf(bad.body))).toEqual(new Set(['name', 'permissions', 'extra']));
      expect((await api().get(`/api/roles/${randomUUID()}`).expect(404)).body.code).toBe('not_found');
      expect((await api().put(`/api/roles/${randomUUID()}`).send({ name: 'X' }).expect(404)).body.code).toBe('not_found');
      expect((await api().delete(`/api/roles/${randomUUID()}`).expect(404)).body.code).toBe('not_found');
      expect((await api().get('/api/roles/viewer').expect(400)).body.code).toBe('validation.failed');
    });

    it.each([
      ['an operator outside the allowed list', { action: 'read', subject: 'Order', conditions: { warehouseId: { $regex: '^a' } } }, 'permissions[0].conditions.warehouseId.$regex'],
      ['an unknown action', { action: ['read', 'fly'], subject: 'Order' }, 'permissions[0].action[1]'],
      ['an unknown subject', { action: 'read', subject: 'Spaceship' }, 'permissions[0].subject'],
      ['an unknown field', { action: 'read', subject: 'Order', fields: ['customerPhone', 'secretNotes'] }, 'permissions[0].fields[1]'],
      ['an unknown placeholder', { action: 'read', subject: 'Order', conditions: { warehouseId: '${user.password}' } }, 'permissions[0].conditions.warehouseId'],
      ['an unknown key', { action: 'read', subject: 'Order', because: 'yes' }, 'permissions[0].because'],
      ['conditions on all', { action: 'read', subject: 'all', conditions: { id: 'x' } }, 'permissions[0].conditions'],
    ])('refuses a rule with %s with 422 roles.invalid_permissions naming where', async (_, rule, path) => {
      const name = uniqueName('Broken');
      const res = await api()
        .post('/api/roles')
        .send({ name, permissions: [rule, { action: 'read', subject: 'Product' }] })
        .expect(422);
      expect(res.body.code).toBe('roles.invalid_permissions');
      expect(fieldsOf(res.body)).toContain(path);
      expect(await query(t, `SELECT 1 FROM role WHERE name = $1`, [name])).toHaveLength(0);
    });

    it('refuses invalid rules on update with 422 and keeps the old ones', async () => {
      const created = await api()
        .post('/api/roles')
        .send({ name: uniqueName('Pickers'), permissions: [{ action: 'read', subject: 'Product' }] })
        .expect(201);
      const res = await api()
        .put(`/api/roles/${created.body.id}`)
        .send({ ...created.body, permissions: [...created.body.permissions, { action: 'read', subject: 'Order', conditions: { $where: 'x' } }] })
        .expect(422);
      expect(res.body.code).toBe('roles.invalid_permissions');
      expect(fieldsOf(res.body)).toEqual(['permissions[1].conditions.$where']);
      expect((await api().get(`/api/roles/${created.body.id}`).expect(200)).body.permissions).toEqual(created.body.permissions);
    });

    it('refuses a role name already taken, whatever its case, with 409 roles.name_taken', async () => {
      const builtIn = await api().post('/api/roles').send({ name: 'VIEWER', permissions: [] }).expect(409);
      expect(builtIn.body).toMatchObject({ code: 'roles.name_taken', details: { fields: [{ field: 'name' }] } });
      const name = uniqueName('Packers');
      await api().post('/api/roles').send({ name, permissions: [] }).expect(201);
      const spaced = await api().post('/api/roles').send({ name: `  ${name.toUpperCase()} `, permissions: [] }).expect(409);
      expect(spaced.body.code).toBe('roles.name_taken');
      const other = await api().post('/api/roles').send({ name: uniqueName('Loaders'), permissions: [] }).expect(201);
      const renamed = await api().put(`/api/roles/${other.body.id}`).send({ ...other.body, name: name.toLowerCase() }).expect(409);
      expect(renamed.body.code).toBe('roles.name_taken');
      expect((await api().get(`/api/roles/${other.body.id}`).expect(200)).body.name).toBe(other.body.name);
    });

    it.each(BUILT_IN_ROLES.map((r) => [r.name, r.key] as const))(
      'refuses to delete the built-in role %s with 409 roles.built_in',
      async (_, key: BuiltInRoleKey) => {
        const res = await api().delete(`/api/roles/${roleId(key)}`).expect(409);
        expect(res.body.code).toBe('roles.built_in');
        await api().get(`/api/roles/${roleId(key)}`).expect(200);
      },
    );

    it('refuses to delete a role still given to a user with 409 roles.in_use, and deletes it once nobody has it', async () => {
      const role = await api().post('/api/roles').send({ name: uniqueName('Temps'), permissions: [] }).expect(201);
      const user = await createUser(t, { roleIds: [role.body.id] });
      const res = await api().delete(`/api/roles/${role.body.id}`).expect(409);
      expect(res.body).toMatchObject({ code: 'roles.in_use', details: { users: 1 } });
      const record = (await api().get(`/api/users/${user.id}`).expect(200)).body;
      await api().put(`/api/users/${user.id}`).send({ ...record, roleIds: [roleId('viewer')] }).expect(200);
      await api().delete(`/api/roles/${role.body.id}`).expect(200);
    });

    it("refuses to change the Administrator role's rules with 409 roles.administrator_locked, but lets its description change", async () => {
      const record = (await api().get(`/api/roles/${roleId('administrator')}`).expect(200)).body;
      const locked = await api()
        .put(`/api/roles/${record.id}`)
        .send({ ...record, permissions: [{ action: 'read', subject: 'all' }] })
        .expect(409);
      expect(locked.body.code).toBe('roles.administrator_locked');
      const described = await api().put(`/api/roles/${record.id}`).send({ ...record, description: 'Runs the place' }).expect(200);
      expect(described.body).toMatchObject({ description: 'Runs the place', permissions: [{ action: 'manage', subject: 'all' }] });
      await api().put(`/api/roles/${record.id}`).send(record).expect(200);
      await api().get('/api/roles').expect(200);
    });

    it("edits a built-in role's rules, and its users get them on their very next request", async () => {
      const agent = await createUser(t, { roleKeys: ['customer_service'] });
      await as(agent.token).get('/api/audit-logs').expect(403);
      const record = (await api().get(`/api/roles/${roleId('customer_service')}`).expect(200)).body;
      const widened = [...record.permissions, { action: 'read', subject: 'AuditLog' }];
      const res = await api().put(`/api/roles/${record.id}`).send({ ...record, permissions: widened }).expect(200);
      expect(res.body).toMatchObject({ builtIn: true, builtInKey: 'customer_service', permissions: widened });
      await as(agent.token).get('/api/audit-logs').expect(200);
      await api().put(`/api/roles/${record.id}`).send(record).expect(200);
      await as(agent.token).get('/api/audit-logs').expect(403);
    });

    it('describes the actions, subjects with their fields and placeholders a rule may name', async () => {
      const res = await api().get('/api/permission-catalog').expect(200);
      expect(res.body.actions).toEqual([...ACTIONS]);
      expect(res.body.subjects).toEqual(Object.entries(SUBJECT_FIELDS).map(([name, fields]) => ({ name, fields })));
      expect(res.body.subjects.map((s: { name: string }) => s.name)).toEqual(
        expect.arrayContaining(['Order', 'User', 'Role', 'AuditLog', 'DeadLetter']),
      );
      expect(res.body.subjects.find((s: { name: string }) => s.name === 'Order').fields).toContain('customerPhone');
      expect(res.body.placeholders).toEqual(['${user.id}', '${user.email}', '${user.warehouseIds}', '${user.channelIds}']);
    });
  });

  describe('who may administer access', () => {
    let viewer: CreatedUser;
    let operator: CreatedUser;
    const someId = randomUUID();
    const routes = (): [string, string, string, string][] => [
      ['get', '/api/users', 'read', 'User'],
      ['get', `/api/users/${adminId}`, 'read', 'User'],
      ['post', '/api/users', 'create', 'User'],
      ['put', `/api/users/${adminId}`, 'update', 'User'],
      ['delete', `/api/users/${adminId}`, 'delete', 'User'],
      ['post', `/api/users/${adminId}/reset-password`, 'update', 'User'],
      ['post', `/api/users/${adminId}/unlock`, 'update', 'User'],
      ['get', '/api/roles', 'read', 'Role'],
      ['get', `/api/roles/${roleId('viewer')}`, 'read', 'Role'],
      ['post', '/api/roles', 'create', 'Role'],
      ['put', `/api/roles/${roleId('viewer')}`, 'update', 'Role'],
      ['delete', `/api/roles/${roleId('viewer')}`, 'delete', 'Role'],
      ['get', '/api/permission-catalog', 'read', 'Role'],
      ['get', '/api/audit-logs', 'read', 'AuditLog'],
      ['get', `/api/audit-logs/${someId}`, 'read', 'AuditLog'],
    ];
    const send = (method: string, path: string, token?: string) => {
      const req = t.http[method as 'get'](path);
      if (token) req.auth(token, bearer);
      return method === 'post' || method === 'put' ? req.send({ name: 'Mallory', password: 'Correct-horse-42' }) : req;
    };

    beforeAll(async () => {
      viewer = await createUser(t, { roleKeys: ['viewer'] });
      operator = await createUser(t, { roleKeys: ['order_operator'] });
    });

    it.each(['a viewer', 'an order operator'])('answers %s 403 access.forbidden on every user, role and audit log route', async (who) => {
      const user = who === 'a viewer' ? viewer : operator;
      for (const [method, path, action, subject] of routes()) {
        const res = await send(method, path, user.token);
        expect([`${method} ${path}`, res.status, res.body.code, res.body.details]).toEqual([
          `${method} ${path}`, 403, 'access.forbidden', { action, subject },
        ]);
      }
      expect((await api().get(`/api/users/${adminId}`).expect(200)).body).toMatchObject({ name: 'Administrator', active: true });
      expect((await api().get(`/api/roles/${roleId('viewer')}`).expect(200)).body.name).toBe('Viewer');
    });

    it('answers 401 auth.missing_token on every one of those routes without a token', async () => {
      for (const [method, path] of routes()) {
        const res = await send(method, path);
        expect([`${method} ${path}`, res.status, res.body.code]).toEqual([`${method} ${path}`, 401, 'auth.missing_token']);
      }
    });
  });
});
