import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium fonts-noto-cjk`); CI installs it. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Screenshots land here for a human to look at. */
export const SHOTS = fileURLToPath(new URL('../../.tmp/', import.meta.url));

/** `describe` where the browser tests can run (always in CI, where a missing browser is an error). */
export const describeInBrowser = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

/**
 * Headless Chromium for the admin tests. The flags keep it off the network, which this
 * machine's closed network would otherwise refuse many times over.
 */
export function launchBrowser(): Promise<Browser> {
  if (!hasChromium) throw new Error(`${CHROMIUM} is missing: the admin browser tests cannot run in CI without it`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type ApiCall = (
  path: string,
  init?: { method?: string; body?: unknown; token?: string },
) => Promise<{ status: number; body: Record<string, unknown> }>;

/** Signs the first administrator in over HTTP; `api` calls `/api` as them unless given another token. */
export async function adminApi(system: { baseUrl: string; adminEmail: string; adminPassword: string }) {
  const login = await fetch(`${system.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: system.adminEmail, password: system.adminPassword }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const api: ApiCall = async (path, init = {}) => {
    const res = await fetch(`${system.baseUrl}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${init.token ?? token}` },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> };
  };
  return { token, api };
}
