import type pg from 'pg';
import { eventually } from './support/app.js';
import { createTestDatabase, sqlClient, type TestDatabase } from './support/database.js';
import { requireBuild, startWorker, type Proc } from './support/processes.js';

/** Users plus `count` committed UserSignedIn events in the outbox, as sign-ins would leave them. */
async function seedSignIns(sql: pg.Client, users: number, count: number): Promise<void> {
  await seedUsers(sql, users);
  await appendSignIns(sql, users, count);
}

async function seedUsers(sql: pg.Client, users: number): Promise<void> {
  await sql.query(
    `INSERT INTO users (id, email, name, password_hash)
     SELECT gen_random_uuid(), 'user' || i || '@test.local', 'User ' || i, 'x' FROM generate_series(1, $1) i`,
    [users],
  );
}

async function appendSignIns(sql: pg.Client, users: number, count: number): Promise<void> {
  await sql.query(
    `WITH u AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM users)
     INSERT INTO outbox_event (id, type, version, aggregate_type, aggregate_id, payload, occurred_at)
     SELECT gen_random_uuid(), 'access.user-signed-in', 1, 'user', u.id::text,
            jsonb_build_object('userId', u.id, 'sessionId', gen_random_uuid()), now()
     FROM generate_series(0, $1 - 1) i JOIN u ON u.k = i % $2`,
    [count, users],
  );
}

const handled = async (sql: pg.Client) =>
  Number((await sql.query(`SELECT coalesce(sum(sign_in_count), 0) AS n FROM users`)).rows[0].n);

describe('event pipeline across worker processes', () => {
  let db: TestDatabase;
  let sql: pg.Client;
  const procs: Proc[] = [];

  beforeAll(() => requireBuild());
  beforeEach(async () => {
    db = await createTestDatabase();
    sql = await sqlClient(db.url);
  });
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => p.kill('SIGKILL')));
    await sql.end();
    await db.drop();
  });

  it('two relay processes deliver 1,000 events with none handled twice', async () => {
    await seedUsers(sql, 10);
    procs.push(startWorker(db.url), startWorker(db.url));
    await Promise.all(procs.map((p) => p.waitFor(/OMS worker is running/)));
    // Events keep arriving while both relays poll, as in production, so both take part.
    for (let i = 0; i < 20; i++) {
      await appendSignIns(sql, 10, 50);
      await new Promise((r) => setTimeout(r, 50));
    }
    await eventually(async () => (await handled(sql)) >= 1000, 60_000, '1,000 sign-ins handled');
    await new Promise((r) => setTimeout(r, 1000)); // room for any duplicate to show
    expect(await handled(sql)).toBe(1000);
    const checks = await sql.query(`
      SELECT (SELECT count(*) FROM processed_event WHERE handler = 'RecordSignInHandler')::int AS processed,
             (SELECT count(*) FROM pgboss.job WHERE name = 'oms.event-delivery')::int AS deliveries,
             (SELECT count(DISTINCT data->'event'->>'id') FROM pgboss.job WHERE name = 'oms.event-delivery')::int AS distinct_events,
             (SELECT count(*) FROM outbox_event WHERE published_at IS NULL)::int AS unpublished,
             (SELECT count(DISTINCT published_by) FROM outbox_event)::int AS relays`);
    // Each event was published exactly once (one delivery job each) and applied exactly once.
    expect(checks.rows[0]).toEqual({ processed: 1000, deliveries: 1000, distinct_events: 1000, unpublished: 0, relays: 2 });
  });

  it('loses nothing when a worker is killed mid-stream and restarted', async () => {
    await seedSignIns(sql, 20, 3000);
    const first = startWorker(db.url, { OMS_JOB_TIMEOUT_SECONDS: '3' });
    procs.push(first);
    await eventually(async () => (await handled(sql)) >= 200, 60_000, 'the first events');
    await first.kill('SIGKILL');
    const atKill = await handled(sql);
    expect(atKill).toBeLessThan(3000);
    const second = startWorker(db.url, { OMS_JOB_TIMEOUT_SECONDS: '3' });
    procs.push(second);
    await eventually(async () => (await handled(sql)) >= 3000, 90_000, 'all 3,000 sign-ins after the restart');
    await new Promise((r) => setTimeout(r, 4000)); // past the job timeout: abandoned jobs have been retried
    expect(await handled(sql)).toBe(3000);
    const { rows } = await sql.query(
      `SELECT (SELECT count(*) FROM processed_event)::int AS processed,
              (SELECT count(*) FROM outbox_event WHERE published_at IS NULL)::int AS unpublished`,
    );
    expect(rows[0]).toEqual({ processed: 3000, unpublished: 0 });
    // Its own waits (60 s, then 90 s) bound it, not the default test time, on a busy machine.
  }, 180_000);
});
