import type pg from 'pg';
import { bootTestApp, login, type TestApp } from '../../../test/support/app.js';
import { sqlClient } from '../../../test/support/database.js';

/** Dead letters are the first simple-rest resource; the layer is exercised through them. */
describe('simple-rest resources', () => {
  let t: TestApp;
  let sql: pg.Client;
  let token: string;
  const ids: string[] = [];
  const get = (path: string, query: Record<string, string> = {}) =>
    t.http.get(path).query(query).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    t = await bootTestApp();
    sql = await sqlClient(t.db.url);
    token = (await login(t.http)).accessToken;
    for (let i = 0; i < 30; i++) {
      const { rows } = await sql.query(
        `INSERT INTO dead_letter (event_id, event_type, handler, error, attempts, payload, status, last_failed_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, '{"i": 1}', $5, now() - make_interval(mins => $6)) RETURNING id`,
        [i % 2 ? 'orders.order-approved' : 'access.user-signed-in', i % 3 ? 'HandlerA' : 'HandlerB',
          `boom ${i}`, (i % 5) + 1, i < 25 ? 'failed' : 'resolved', i],
      );
      ids.push(rows[0].id);
    }
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  it('pages with a Content-Range over the filtered total', async () => {
    const res = await get('/api/dead-letters', { range: '[10,19]', sort: '["lastFailedAt","DESC"]' }).expect(200);
    expect(res.body).toHaveLength(10);
    expect(res.headers['content-range']).toBe('dead-letters 10-19/30');
    expect(res.body[0].id).toBe(ids[10]);
    expect(res.headers['access-control-expose-headers']).toContain('Content-Range');
  });

  it('sorts by a declared field', async () => {
    const res = await get('/api/dead-letters', { sort: '["attempts","ASC"]', range: '[0,999]' }).expect(200);
    const attempts = res.body.map((r: { attempts: number }) => r.attempts);
    expect(attempts).toEqual([...attempts].sort((a, b) => a - b));
  });

  it('filters by declared fields and free text', async () => {
    const res = await get('/api/dead-letters', {
      filter: JSON.stringify({ status: 'failed', handler: 'HandlerB', q: 'boom 1' }),
      range: '[0,99]',
    }).expect(200);
    expect(res.body.map((r: { error: string }) => r.error).sort()).toEqual(['boom 12', 'boom 15', 'boom 18']);
    expect(res.headers['content-range']).toBe('dead-letters 0-2/3');
  });

  it('takes a list of ids (getMany)', async () => {
    const res = await get('/api/dead-letters', { filter: JSON.stringify({ id: [ids[3], ids[7]] }) }).expect(200);
    expect(res.body.map((r: { id: string }) => r.id).sort()).toEqual([ids[3], ids[7]].sort());
  });

  it('answers an empty page with a zero range', async () => {
    const res = await get('/api/dead-letters', { filter: '{"status":"replayed"}' }).expect(200);
    expect(res.body).toEqual([]);
    expect(res.headers['content-range']).toBe('dead-letters */0');
  });

  it.each([
    [{ sort: '["error","ASC"]' }, 'cannot sort by error'],
    [{ sort: 'attempts' }, 'sort is not valid JSON'],
    [{ range: '[0,1000]' }, 'at most 1000 rows'],
    [{ range: '[5,2]' }, 'range must be [start, end]'],
    [{ filter: '{"password":"x"}' }, 'cannot filter by password'],
    [{ filter: '{"status":"lost"}' }, 'status must be one of failed, replayed, resolved'],
    [{ filter: '{"id":["not-a-uuid"]}' }, 'id must be a UUID'],
    [{ filter: '[1]' }, 'filter must be a JSON object'],
    [{ filter: '{"lastFailedAt_gte":"yesterday"}' }, 'lastFailedAt_gte must be an ISO date'],
    [{ page: '2' }, 'unknown query parameter page'],
  ])('refuses %j with a 400 naming the problem', async (query, message) => {
    const res = await get('/api/dead-letters', query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'list.invalid_query' });
    expect(res.body.message).toContain(message);
  });

  it('filters by a date range', async () => {
    const since = new Date(Date.now() - 4.5 * 60_000).toISOString();
    const res = await get('/api/dead-letters', { filter: JSON.stringify({ lastFailedAt_gte: since }) }).expect(200);
    expect(res.body).toHaveLength(5);
  });

  it('accepts the record back exactly as it was read, ignoring read-only fields', async () => {
    const record = (await get(`/api/dead-letters/${ids[0]}`).expect(200)).body;
    const res = await t.http
      .put(`/api/dead-letters/${ids[0]}`)
      .auth(token, { type: 'bearer' })
      .send({ ...record, note: 'called the carrier', attempts: 99, status: 'resolved' })
      .expect(200);
    expect(res.body).toMatchObject({ note: 'called the carrier', attempts: record.attempts, status: record.status });
  });

  it('refuses unknown and invalid fields on PUT without changing anything', async () => {
    const unknown = await t.http
      .put(`/api/dead-letters/${ids[1]}`)
      .auth(token, { type: 'bearer' })
      .send({ note: 'x', colour: 'red' })
      .expect(400);
    expect(unknown.body.details.fields).toEqual([expect.objectContaining({ field: 'colour' })]);
    const tooLong = await t.http
      .put(`/api/dead-letters/${ids[1]}`)
      .auth(token, { type: 'bearer' })
      .send({ note: 'x'.repeat(2001) })
      .expect(400);
    expect(tooLong.body.details.fields[0].field).toBe('note');
    expect((await get(`/api/dead-letters/${ids[1]}`)).body.note).toBeNull();
  });

  it('answers 404 for a missing record and 400 for a malformed id', async () => {
    const missing = '00000000-0000-7000-8000-000000000000';
    expect((await get(`/api/dead-letters/${missing}`).expect(404)).body.code).toBe('not_found');
    await t.http.put(`/api/dead-letters/${missing}`).auth(token, { type: 'bearer' }).send({ note: 'x' }).expect(404);
    await t.http.post(`/api/dead-letters/${missing}/replay`).auth(token, { type: 'bearer' }).expect(404);
    await get('/api/dead-letters/42').expect(400);
  });

  it('deletes a dead letter and returns it', async () => {
    const res = await t.http.delete(`/api/dead-letters/${ids[29]}`).auth(token, { type: 'bearer' }).expect(200);
    expect(res.body.id).toBe(ids[29]);
    await get(`/api/dead-letters/${ids[29]}`).expect(404);
  });

  it('requires a token for every dead-letter route', async () => {
    await t.http.get('/api/dead-letters').expect(401);
    await t.http.get(`/api/dead-letters/${ids[0]}`).expect(401);
    await t.http.put(`/api/dead-letters/${ids[0]}`).send({ note: 'x' }).expect(401);
    await t.http.delete(`/api/dead-letters/${ids[0]}`).expect(401);
    await t.http.post(`/api/dead-letters/${ids[0]}/replay`).expect(401);
  });
});
