import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { API_MAIN, removeDataDir, runNode, startSystem, tempDataDir } from './support/processes.js';

function postgresPid(dataDir: string): number | undefined {
  const lock = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(lock) ? Number(readFileSync(lock, 'utf8').split('\n')[0]) : undefined;
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the whole system on the embedded PostgreSQL', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDataDir));

  it('keeps data, users and issued tokens across a clean restart', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await startSystem({ dataDir });
    const login = await request(first.baseUrl)
      .post('/api/auth/login')
      .send({ email: first.adminEmail, password: first.adminPassword })
      .expect(200);
    const { accessToken, refreshToken } = login.body;
    // A first start shows a living shop: the demo catalogue, warehouses and stock, in balance.
    const products = await request(first.baseUrl).get('/api/products').auth(accessToken, { type: 'bearer' }).expect(200);
    expect(products.headers['content-range']).toMatch(/\/50$/);
    const warehouses = await request(first.baseUrl).get('/api/warehouses').auth(accessToken, { type: 'bearer' }).expect(200);
    expect(warehouses.body.map((w: { type: string }) => w.type).sort()).toEqual(['physical', 'physical', 'physical', 'virtual']);
    const bins = await request(first.baseUrl).get('/api/bins').auth(accessToken, { type: 'bearer' }).expect(200);
    expect(bins.headers['content-range']).toMatch(/\/72$/);
    const low = await request(first.baseUrl)
      .get('/api/stock-levels')
      .query({ filter: JSON.stringify({ low: true }), range: '[0,199]' })
      .auth(accessToken, { type: 'bearer' })
      .expect(200);
    // Some SKUs run low (at or under their threshold of 10), a few are sold out in Hangzhou.
    expect(low.body.some((l: { available: number; lowStockThreshold: number }) => l.available > 0 && l.available <= l.lowStockThreshold)).toBe(true);
    expect(low.body.some((l: { available: number; onHand: number }) => l.onHand === 0)).toBe(true);
    // Most of the opening stock lies in bins; some waits to be put away.
    const binned = await request(first.baseUrl).get('/api/bin-stock').auth(accessToken, { type: 'bearer' }).expect(200);
    expect(binned.body.length).toBeGreaterThan(0);
    const unbinned = await request(first.baseUrl)
      .get('/api/stock-levels')
      .query({ filter: JSON.stringify({ unbinned_gt: 0 }) })
      .auth(accessToken, { type: 'bearer' })
      .expect(200);
    expect(unbinned.body.length).toBeGreaterThan(0);
    const reconcile = await request(first.baseUrl).get('/api/stock-levels/reconcile').auth(accessToken, { type: 'bearer' }).expect(200);
    expect(reconcile.body).toMatchObject({ drift: [], binDrift: [] });
    // Demo orders: every audit rule has flagged some, and the worker allocates the approved ones.
    const api = (path: string) => request(first.baseUrl).get(path).auth(accessToken, { type: 'bearer' }).expect(200);
    const counts = (await api('/api/orders/status-counts')).body;
    expect(Object.values(counts).reduce((a: number, b) => a + (b as number), 0)).toBeGreaterThan(250);
    for (const status of ['pending_payment', 'pending_review', 'on_hold', 'in_fulfillment', 'shipped', 'delivered', 'completed', 'cancelled', 'rejected']) {
      expect({ status, some: counts[status] > 0 }).toEqual({ status, some: true });
    }
    const flags = [
      'ADDRESS_INCOMPLETE', 'OUTSIDE_DELIVERY_AREA', 'PHONE_INVALID', 'UNKNOWN_SKU', 'OUT_OF_STOCK', 'PAYMENT_UNCONFIRMED',
      'PURCHASE_LIMIT_EXCEEDED', 'AMOUNT_NEEDS_REVIEW', 'BLOCK_LISTED', 'SUSPECTED_DUPLICATE', 'INACTIVE_SKU', 'CANCEL_REQUESTED',
    ];
    for (const flag of flags) {
      const flagged = await api(`/api/orders?filter=${encodeURIComponent(JSON.stringify({ flag }))}`);
      expect({ flag, some: flagged.body.length > 0 }).toEqual({ flag, some: true });
    }
    const deadline = Date.now() + 60_000;
    for (;;) {
      const now = (await api('/api/orders/status-counts')).body;
      if (now.allocated > 0 && now.approved === 0) {
        // What no warehouse had in full is backordered, in part or whole.
        expect(now.backordered + now.partially_allocated).toBeGreaterThan(0);
        break;
      }
      if (Date.now() > deadline) throw new Error(`approved demo orders were not allocated: ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const pid = postgresPid(dataDir);
    expect(alive(pid)).toBe(true);
    expect(await first.stop()).toBe(0);
    expect(alive(pid)).toBe(false);

    const second = await startSystem({ dataDir, env: { OMS_ADMIN_PASSWORD: 'a-different-password' } });
    try {
      // Tokens issued before the restart still work: the signing secret lives in the data dir.
      const me = await request(second.baseUrl).get('/api/auth/me').auth(accessToken, { type: 'bearer' }).expect(200);
      expect(me.body.email).toBe(first.adminEmail);
      await request(second.baseUrl).post('/api/auth/refresh').send({ refreshToken }).expect(200);
      // The existing admin was not changed by the new OMS_ADMIN_PASSWORD.
      await request(second.baseUrl)
        .post('/api/auth/login')
        .send({ email: first.adminEmail, password: first.adminPassword })
        .expect(200);
      const users = await request(second.baseUrl)
        .post('/api/auth/login')
        .send({ email: first.adminEmail, password: 'a-different-password' });
      expect(users.status).toBe(401);
      // The sign-in recorded by the worker before the restart is still there.
      await request(second.baseUrl).get('/health').expect(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('recovers on its own after being killed', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const first = await startSystem({ dataDir });
    const pid = postgresPid(dataDir);
    await first.proc.kill('SIGKILL');
    expect(alive(pid)).toBe(true); // PostgreSQL outlives a killed parent, holding its lock file
    const second = await startSystem({ dataDir });
    try {
      expect(alive(pid)).toBe(false);
      await request(second.baseUrl)
        .post('/api/auth/login')
        .send({ email: second.adminEmail, password: second.adminPassword })
        .expect(200);
    } finally {
      await second.stop();
    }
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: must be a number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of'],
    [{ DATABASE_URL: 'postgres://u@127.0.0.1:1/db' }, 'JWT_SECRET: is required when DATABASE_URL is set'],
    [{ OMS_ROLES: 'cook' }, 'OMS_ROLES: must list api and/or worker'],
  ])('refuses to start with %j, naming the variable', async (env, message) => {
    const proc = runNode(API_MAIN, { OMS_DATA_DIR: '/nonexistent/never-created', ...env });
    expect(await proc.exited()).toBe(1);
    expect(proc.output()).toContain(message);
  });
});
