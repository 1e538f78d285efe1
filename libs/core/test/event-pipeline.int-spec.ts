import { Module } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import {
  Delivery,
  DomainEvent,
  envelopeOf,
  EventDeliveryWorker,
  OutboxRelay,
  OutboxService,
  UnitOfWork,
} from '@oms/core';
import type pg from 'pg';
import { bootTestApp, eventually, login, type TestApp } from '../../../test/support/app.js';
import { sqlClient } from '../../../test/support/database.js';

class ProbeHappened extends DomainEvent<{ n: number }> {
  static override readonly type = 'test.probe-happened';
}

/** Records every application of an event in a table the test owns. */
@EventsHandler(ProbeHappened)
class ProbeRecorder implements IEventHandler<ProbeHappened> {
  constructor(private readonly uow: UnitOfWork) {}
  async handle(e: ProbeHappened) {
    await this.uow.manager.query(`INSERT INTO probe_effect (event_id, handler, n) VALUES ($1, 'recorder', $2)`, [e.id, e.payload.n]);
  }
}

/** Fails while `failing` is set, then behaves like the recorder. */
@EventsHandler(ProbeHappened)
@Delivery({ retryLimit: 1, retryDelaySeconds: 1 })
class FlakyProbeHandler implements IEventHandler<ProbeHappened> {
  static failing = false;
  constructor(private readonly uow: UnitOfWork) {}
  async handle(e: ProbeHappened) {
    if (FlakyProbeHandler.failing) throw new Error(`probe ${e.payload.n} refused`);
    await this.uow.manager.query(`INSERT INTO probe_effect (event_id, handler, n) VALUES ($1, 'flaky', $2)`, [e.id, e.payload.n]);
  }
}

@Module({ providers: [ProbeRecorder, FlakyProbeHandler] })
class ProbeModule {}

describe('event pipeline', () => {
  let t: TestApp;
  let sql: pg.Client;
  let token: string;

  const append = (...ns: number[]) =>
    t.app.get(UnitOfWork).run(() =>
      t.app.get(OutboxService).append(ns.map((n) => new ProbeHappened('probe', String(n), { n }))),
    );
  const effects = async (handler: string, n: number) =>
    Number((await sql.query(`SELECT count(*) FROM probe_effect WHERE handler = $1 AND n = $2`, [handler, n])).rows[0].count);

  beforeAll(async () => {
    const { createTestDatabase } = await import('../../../test/support/database.js');
    const db = await createTestDatabase();
    sql = await sqlClient(db.url);
    await sql.query(`CREATE TABLE probe_effect (event_id uuid NOT NULL, handler text NOT NULL, n int NOT NULL)`);
    t = await bootTestApp({ roles: ['api', 'worker'], db, imports: [ProbeModule] });
    token = (await login(t.http)).accessToken;
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
    await t.db.drop();
  });
  beforeEach(() => {
    FlakyProbeHandler.failing = false;
  });

  it('delivers a committed event to every handler once', async () => {
    await append(1);
    await eventually(async () => (await effects('recorder', 1)) === 1 && (await effects('flaky', 1)) === 1, 20_000, 'delivery');
    const { rows } = await sql.query(`SELECT published_at, published_by FROM outbox_event WHERE aggregate_id = '1'`);
    expect(rows[0].published_at).not.toBeNull();
  });

  it('never delivers an event whose transaction rolled back', async () => {
    await expect(
      t.app.get(UnitOfWork).run(async () => {
        await t.app.get(OutboxService).append([new ProbeHappened('probe', '2', { n: 2 })]);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await append(3);
    await eventually(async () => (await effects('recorder', 3)) === 1, 20_000, 'the later event');
    expect(await effects('recorder', 2)).toBe(0);
    expect((await sql.query(`SELECT count(*) FROM outbox_event WHERE aggregate_id = '2'`)).rows[0].count).toBe('0');
  });

  it('refuses to append outside a transaction', async () => {
    await expect(t.app.get(OutboxService).append([new ProbeHappened('probe', '9', { n: 9 })])).rejects.toThrow(
      'inside a UnitOfWork transaction',
    );
  });

  it('applies the same event twice to a handler only once', async () => {
    await append(4);
    await eventually(async () => (await effects('recorder', 4)) === 1, 20_000, 'first delivery');
    const [row] = (await sql.query(`SELECT * FROM outbox_event WHERE aggregate_id = '4'`)).rows;
    const envelope = envelopeOf(row);
    const worker = t.app.get(EventDeliveryWorker);
    const again = await Promise.all([1, 2, 3].map(() => worker.deliver({ handler: 'ProbeRecorder', event: envelope })));
    expect(again).toEqual([false, false, false]);
    // The relay publishing it again (as after a crash before its commit) changes nothing either.
    await sql.query(`UPDATE outbox_event SET published_at = NULL WHERE id = $1`, [row.id]);
    await t.app.get(OutboxRelay).relayOnce();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await effects('recorder', 4)).toBe(1);
  });

  it('dead-letters a handler that keeps failing, lists it, and replays it', async () => {
    FlakyProbeHandler.failing = true;
    await append(5);
    const letter = await eventually(
      async () => (await sql.query(`SELECT * FROM dead_letter WHERE handler = 'FlakyProbeHandler'`)).rows[0],
      30_000,
      'a dead letter',
    );
    expect(letter).toMatchObject({ event_type: 'test.probe-happened', attempts: 2, status: 'failed', payload: { n: 5 } });
    expect(letter.error).toContain('probe 5 refused');
    // The other handler of the same event was not held back.
    expect(await effects('recorder', 5)).toBe(1);
    expect(await effects('flaky', 5)).toBe(0);

    const list = await t.http
      .get('/api/dead-letters')
      .query({ filter: JSON.stringify({ status: 'failed' }), sort: '["lastFailedAt","DESC"]', range: '[0,9]' })
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(list.headers['content-range']).toBe('dead-letters 0-0/1');
    expect(list.body[0]).toMatchObject({ id: letter.id, handler: 'FlakyProbeHandler', attempts: 2, payload: { n: 5 } });

    FlakyProbeHandler.failing = false;
    const replayed = await t.http.post(`/api/dead-letters/${letter.id}/replay`).auth(token, { type: 'bearer' }).expect(200);
    expect(replayed.body).toMatchObject({ status: 'replayed', replayCount: 1 });
    await eventually(async () => (await effects('flaky', 5)) === 1, 20_000, 'the replayed delivery');
    await eventually(
      async () => (await sql.query(`SELECT status FROM dead_letter WHERE id = $1`, [letter.id])).rows[0].status === 'resolved',
      10_000,
      'resolved status',
    );
    const twice = await t.http.post(`/api/dead-letters/${letter.id}/replay`).auth(token, { type: 'bearer' }).expect(409);
    expect(twice.body.code).toBe('dead_letters.not_replayable');
    expect(await effects('recorder', 5)).toBe(1);
  });

  it('replays once when two replays race', async () => {
    FlakyProbeHandler.failing = true;
    await append(6);
    const letter = await eventually(
      async () => (await sql.query(`SELECT id FROM dead_letter WHERE payload->>'n' = '6'`)).rows[0],
      30_000,
      'a dead letter',
    );
    FlakyProbeHandler.failing = false;
    const results = await Promise.all(
      [1, 2, 3].map(() => t.http.post(`/api/dead-letters/${letter.id}/replay`).auth(token, { type: 'bearer' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    await eventually(async () => (await effects('flaky', 6)) === 1, 20_000, 'the replay');
    const jobs = await sql.query(
      `SELECT count(*) FROM pgboss.job WHERE name = 'oms.event-delivery' AND data->>'replayOf' = $1`,
      [letter.id],
    );
    expect(jobs.rows[0].count).toBe('1');
  });
});
