import { bootTestApp, login, type TestApp } from '../../../test/support/app.js';
import { bearer, createUser, PASSWORD, query, uniqueEmail } from '../../../test/support/access.js';

/*
 * Sign-in throttling on a real database: per email (known or not, alike), per client address,
 * and the ways a lock ends. Requests come from 127.0.0.1, so failures also count against the
 * address: the counters are cleared before each test, and the per-address test comes last.
 */

const WRONG = 'Wrong-password-1';
const LOCK_SECONDS = 15 * 60;

describe('sign-in lockout', () => {
  let t: TestApp;
  let admin: string;

  const signIn = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });
  const answer = (res: { status: number; body: { code: string } }) => [res.status, res.body.code];
  const failFiveTimes = async (email: string) => {
    for (let i = 0; i < 5; i++) expect(answer(await signIn(email, WRONG))).toEqual([401, 'auth.invalid_credentials']);
  };
  const userRecord = async (id: string) => (await t.http.get(`/api/users/${id}`).auth(admin, bearer).expect(200)).body;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = (await login(t.http)).accessToken;
  });
  beforeEach(() => query(t, `DELETE FROM login_throttle`));
  afterAll(() => t.close());

  it('locks an email after 5 wrong passwords: the 6th attempt, even with the right password, answers 429 auth.locked with Retry-After', async () => {
    const user = await createUser(t);
    await failFiveTimes(user.email);
    const locked = await signIn(user.email, PASSWORD).expect(429);
    expect(locked.body.code).toBe('auth.locked');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(LOCK_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOCK_SECONDS);
    expect(locked.body.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(answer(await signIn(user.email.toUpperCase(), PASSWORD))).toEqual([429, 'auth.locked']);
    // The lock is on that email only.
    await login(t.http);
  });

  it('answers an email that does not exist exactly as a real one, attempt after attempt', async () => {
    const real = await createUser(t);
    const ghost = uniqueEmail('ghost');
    const attempts = async (email: string) => {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await signIn(email, WRONG));
      answers.push(await signIn(email, PASSWORD));
      return answers;
    };
    const forReal = await attempts(real.email);
    const forGhost = await attempts(ghost);
    expect(forGhost.map(answer)).toEqual(forReal.map(answer));
    expect(forReal.map(answer)).toEqual([...Array(5).fill([401, 'auth.invalid_credentials']), [429, 'auth.locked']]);
    expect(forGhost[5].headers['retry-after']).toEqual(expect.stringMatching(/^\d+$/));
    expect(Object.keys(forGhost[5].body).sort()).toEqual(Object.keys(forReal[5].body).sort());
    expect(forGhost[0].body.message).toBe(forReal[0].body.message);
  });

  it('shows lockedUntil in the user record while locked, and an administrator unlock lifts it', async () => {
    const user = await createUser(t);
    expect((await userRecord(user.id)).lockedUntil).toBeNull();
    await failFiveTimes(user.email);
    const lockedUntil = Date.parse((await userRecord(user.id)).lockedUntil);
    expect(lockedUntil - Date.now()).toBeGreaterThan((LOCK_SECONDS - 60) * 1000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual((LOCK_SECONDS + 5) * 1000);

    const unlocked = await t.http.post(`/api/users/${user.id}/unlock`).auth(admin, bearer).expect(200);
    expect(unlocked.body).toMatchObject({ id: user.id, lockedUntil: null });
    expect(JSON.stringify(unlocked.body)).not.toMatch(/password|argon2/i);
    await login(t.http, user.email, PASSWORD);
  });

  it('lifts the lock when an administrator resets the password', async () => {
    const user = await createUser(t);
    await failFiveTimes(user.email);
    await signIn(user.email, PASSWORD).expect(429);
    const reset = await t.http
      .post(`/api/users/${user.id}/reset-password`)
      .auth(admin, bearer)
      .send({ password: 'Battery-staple-77' })
      .expect(200);
    expect(reset.body.lockedUntil).toBeNull();
    await login(t.http, user.email, 'Battery-staple-77');
  });

  it('lets the email sign in again once the lock has expired', async () => {
    const user = await createUser(t);
    await failFiveTimes(user.email);
    await signIn(user.email, PASSWORD).expect(429);
    await query(t, `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key = $1`, [
      `account:${user.email}`,
    ]);
    expect((await userRecord(user.id)).lockedUntil).toBeNull();
    await login(t.http, user.email, PASSWORD);
  });

  it('tries no more than 5 passwords for one email when 20 attempts arrive at the same moment', async () => {
    const user = await createUser(t);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(user.email, `Wrong-password-${i}`)));
    const count = (status: number) => answers.filter((r) => r.status === status).length;
    expect({ tried: count(401), locked: count(429) }).toEqual({ tried: 5, locked: 15 });
  });

  it('locks the address after 30 failed sign-ins across different emails, whoever signs in next', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 30; i++) {
      expect(answer(await signIn(uniqueEmail(`spray${i}`), WRONG))).toEqual([401, 'auth.invalid_credentials']);
    }
    for (const [email, password] of [[user.email, PASSWORD], [uniqueEmail('fresh'), WRONG]]) {
      const res = await signIn(email, password);
      expect(answer(res)).toEqual([429, 'auth.locked']);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(LOCK_SECONDS - 60);
    }
    const rows = await query<{ key: string }>(t, `SELECT key FROM login_throttle WHERE locked_until > now()`);
    expect(rows.map((r) => r.key)).toEqual([expect.stringMatching(/^ip:.*127\.0\.0\.1$/)]);
    await query(t, `DELETE FROM login_throttle`);
    await login(t.http, user.email, PASSWORD);
  });
});
