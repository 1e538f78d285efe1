import type { INestApplicationContext } from '@nestjs/common';
import { UserSignedIn } from '@oms/access';
import { newId, OutboxService, UnitOfWork } from '@oms/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { type Measure, secondsSince } from './support/report.js';

export interface OutboxBenchOptions {
  /** Events sent through the pipeline, and rows written by each baseline. */
  events: number;
  /** Users the events are spread over (round robin). */
  users: number;
  /** Events per producer transaction, and rows per statement of the batched baseline. */
  batch: number;
  /** How often the end of the run is checked. */
  pollMs: number;
  /** Give up waiting for the handlers after this long (the run then fails). */
  timeoutSeconds: number;
}

const BASELINE_TABLE = 'bench_plain_insert';

/** The event's payload, also the baseline rows' payload, so both write documents of one size. */
const signInPayload = (userId: string) => ({ userId, sessionId: newId() });

export async function insertUsers(sql: pg.Client, count: number): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO users (id, email, name, password_hash)
     SELECT gen_random_uuid(), 'bench-' || i || '@bench.local', 'Bench user ' || i, 'not-a-password-hash'
     FROM generate_series(1, $1::int) AS i
     RETURNING id`,
    [count],
  );
  return rows.map((r) => r.id);
}

/**
 * What the database does with no pipeline around it: the same number of rows of a uuid and
 * a jsonb payload of the event's size, from one connection, one after the other, each
 * statement its own (autocommitted) transaction — first one row per INSERT, then `batch`.
 */
export async function plainInsertBaselines(
  sql: pg.Client,
  userIds: string[],
  { events, batch }: OutboxBenchOptions,
): Promise<{ single: Measure; batched: Measure }> {
  await sql.query(`CREATE TABLE ${BASELINE_TABLE} (id uuid PRIMARY KEY, payload jsonb NOT NULL)`);
  const insertOne = (i: number) =>
    sql.query(`INSERT INTO ${BASELINE_TABLE} (id, payload) VALUES ($1, $2::jsonb)`, [
      newId(),
      JSON.stringify(signInPayload(userIds[i % userIds.length])),
    ]);

  // Warm the connection, the plan cache and the table's first pages; not timed.
  for (let i = 0; i < Math.min(500, events); i++) await insertOne(i);
  await sql.query(`TRUNCATE ${BASELINE_TABLE}`);

  let start = performance.now();
  for (let i = 0; i < events; i++) await insertOne(i);
  const single = { name: `plain INSERT, 1 row per statement`, count: events, seconds: secondsSince(start) };
  await sql.query(`TRUNCATE ${BASELINE_TABLE}`);

  start = performance.now();
  for (let from = 0; from < events; from += batch) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = from; i < Math.min(from + batch, events); i++) {
      tuples.push(`($${values.length + 1}, $${values.length + 2}::jsonb)`);
      values.push(newId(), JSON.stringify(signInPayload(userIds[i % userIds.length])));
    }
    await sql.query(`INSERT INTO ${BASELINE_TABLE} (id, payload) VALUES ${tuples.join(', ')}`, values);
  }
  const batched = { name: `plain INSERT, ${batch} rows per statement`, count: events, seconds: secondsSince(start) };

  const { rows } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${BASELINE_TABLE}`);
  if (rows[0].n !== events) throw new Error(`Baseline wrote ${rows[0].n} rows, expected ${events}`);
  await sql.query(`DROP TABLE ${BASELINE_TABLE}`);
  return { single, batched };
}

export interface PipelineResult {
  producer: Measure;
  endToEnd: Measure;
  /** Seconds from the first append until every event was published by the relay (jobs enqueued). */
  relayedAt?: number;
  /** Sign-ins applied when the relay finished, to tell the delivery rate after it. */
  appliedWhenRelayed?: number;
  /** False when the handlers had not applied every event before the time-out. */
  drained: boolean;
}

/**
 * Appends `events` UserSignedIn events through the real OutboxService, `batch` per
 * UnitOfWork transaction, while the in-process worker relays and delivers them; the clock
 * runs from the first append until the handler has counted every sign-in.
 */
export async function runPipeline(
  app: INestApplicationContext,
  sql: pg.Client,
  userIds: string[],
  { events, batch, pollMs, timeoutSeconds }: OutboxBenchOptions,
): Promise<PipelineResult> {
  const uow = app.get(UnitOfWork);
  const outbox = app.get(OutboxService);
  const start = performance.now();

  let producedAt: number | undefined;
  let producerError: unknown;
  const producer = (async () => {
    for (let from = 0; from < events; from += batch) {
      const chunk: UserSignedIn[] = [];
      for (let i = from; i < Math.min(from + batch, events); i++) {
        const userId = userIds[i % userIds.length];
        chunk.push(new UserSignedIn('user', userId, signInPayload(userId), { actorId: userId }));
      }
      await uow.run(() => outbox.append(chunk));
    }
    producedAt = secondsSince(start);
  })().catch((e) => {
    producerError = e;
  });

  let relayedAt: number | undefined;
  let appliedWhenRelayed: number | undefined;
  let applied = 0;
  let now = 0;
  for (;;) {
    await sleep(pollMs);
    if (producerError) throw producerError;
    const { rows } = await sql.query<{ applied: number; unpublished: number }>(
      `SELECT (SELECT coalesce(sum(sign_in_count), 0)::int FROM users) AS applied,
              (SELECT count(*)::int FROM outbox_event WHERE published_at IS NULL) AS unpublished`,
    );
    now = secondsSince(start);
    applied = rows[0].applied;
    if (producedAt !== undefined && relayedAt === undefined && rows[0].unpublished === 0) {
      relayedAt = now;
      appliedWhenRelayed = applied;
    }
    if (applied >= events || now > timeoutSeconds) break;
  }
  await producer;
  if (producerError) throw producerError;
  const drained = applied >= events;
  return {
    producer: {
      name: `outbox producer, ${batch} events per transaction`,
      count: events,
      seconds: producedAt ?? now,
    },
    endToEnd: {
      name: drained ? 'outbox end to end (append -> handler)' : 'outbox end to end (TIMED OUT, partial)',
      count: applied,
      seconds: now,
    },
    relayedAt,
    appliedWhenRelayed,
    drained,
  };
}

/**
 * What must hold after the run: each event applied once, recorded once, none dead-lettered.
 * When the run timed out, `events` is undefined and only what was applied so far is checked:
 * one statement sees one snapshot, and each delivery commits its count and its
 * processed_event row together, so the two must agree even while deliveries go on.
 */
export async function verifyPipeline(sql: pg.Client, events: number | undefined): Promise<string[]> {
  const { rows } = await sql.query<{
    applied: number;
    processed: number;
    unpublished: number;
    dead: number;
  }>(
    `SELECT (SELECT coalesce(sum(sign_in_count), 0)::int FROM users) AS applied,
            (SELECT count(*)::int FROM processed_event) AS processed,
            (SELECT count(*)::int FROM outbox_event WHERE published_at IS NULL) AS unpublished,
            (SELECT count(*)::int FROM dead_letter) AS dead`,
  );
  const r = rows[0];
  const problems: string[] = [];
  if (events === undefined) {
    if (r.applied !== r.processed) {
      problems.push(`SUM(users.sign_in_count) is ${r.applied} but processed_event has ${r.processed} rows`);
    }
  } else {
    if (r.applied !== events) problems.push(`SUM(users.sign_in_count) is ${r.applied}, expected ${events}`);
    if (r.processed !== events) problems.push(`processed_event has ${r.processed} rows, expected ${events}`);
    if (r.unpublished !== 0) problems.push(`${r.unpublished} outbox events are still unpublished`);
  }
  if (r.dead !== 0) problems.push(`${r.dead} deliveries were dead-lettered`);
  return problems;
}
