/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_ROLES, type BuiltInRoleKey } from '@oms/access';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { type RunningSystem, startSystem } from './system.js';

/** Debian's Chromium (`apt-get install chromium fonts-noto-cjk`); CI installs it. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
/** Screenshots land here for a human to look at. */
export const SHOTS = fileURLToPath(new URL('../../.tmp/', import.meta.url));

if (!hasChromium && process.env.CI !== 'true') {
  console.warn(`Skipping the admin browser tests: ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk).`);
}

/** `describe` where the browser tests can run (always in CI, where a missing browser is an error). */
export const describeInBrowser = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

function assertChromium(): void {
  if (!hasChromium) throw new Error(`${CHROMIUM} is missing: the admin browser tests cannot run in CI without it`);
}

/** Before a browser test file starts the whole system: fails early without a browser, makes the screenshot folder. */
export function prepareBrowserTests(): void {
  assertChromium();
  mkdirSync(SHOTS, { recursive: true });
}

/**
 * Headless Chromium for the admin tests. The flags keep it off the network, which this
 * machine's closed network would otherwise refuse many times over.
 */
export function launchBrowser(): Promise<Browser> {
  assertChromium();
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

/** Signs someone in over HTTP and returns their access token. */
export async function accessToken(baseUrl: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** Signs the first administrator in over HTTP; `api` calls `/api` as them unless given another token. */
export async function adminApi(system: { baseUrl: string; adminEmail: string; adminPassword: string }) {
  const token = await accessToken(system.baseUrl, system.adminEmail, system.adminPassword);
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

/**
 * The whole built system (`env` sets it up), a browser to drive its admin, and the API as the
 * first administrator. Stops the system again when the browser fails to start.
 */
export async function startBrowserSystem(
  options: { env?: Record<string, string> } = {},
): Promise<{ system: RunningSystem; browser: Browser; api: ApiCall }> {
  prepareBrowserTests();
  const system = await startSystem(options);
  try {
    const { api } = await adminApi(system);
    return { system, browser: await launchBrowser(), api };
  } catch (error) {
    await system.stop();
    throw error;
  }
}

/** Closes what `startBrowserSystem` started, as far as it got. */
export async function stopBrowserSystem(system: RunningSystem | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await system?.stop();
}

/** A fresh browser window (its own cookies and storage) speaking `locale`, 1440×900 unless told. */
export async function newPage(browser: Browser, locale: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options, locale });
  return context.newPage();
}

/** Signs in through the admin's login page in a fresh window and waits for the dashboard. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  locale: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await newPage(browser, locale, options);
  await page.goto(`${baseUrl}/admin/`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('dashboard').waitFor();
  return page;
}

/** Picks a language by its name in the app bar's switch. */
export async function switchLanguage(page: Page, name: string): Promise<void> {
  // The app bar hides while a long page is scrolled down.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('locale-switch').getByRole('button').click();
  await page.getByRole('menuitem', { name }).click();
}

/**
 * Opens a sidebar entry: clicks its group only when the group is not open already (the menu opens
 * the group of the page being shown by itself, and a click on an open group closes it), then the
 * entry. `itemTestId` is the entry's whole test id, e.g. `menu-item-customers`.
 */
export async function openMenuItem(page: Page, groupKey: string, itemTestId: string): Promise<void> {
  const group = page.getByTestId(`menu-group-${groupKey}`);
  const item = page.getByTestId(itemTestId);
  for (let attempt = 0; ; attempt++) {
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    try {
      await item.waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch (error) {
      // The group may have opened by itself between the look and the click, which closed it again.
      if (attempt === 2) throw error;
    }
  }
  // The entry's test id names its route; a click that lands while the menu is still moving is tried again.
  const route = `#/${itemTestId.replace(/^menu-item-/, '')}`;
  for (let attempt = 0; ; attempt++) {
    await item.click();
    try {
      await page.waitForURL((url) => url.hash === route || url.hash.startsWith(`${route}?`) || url.hash.startsWith(`${route}/`), {
        timeout: 5_000,
      });
      return;
    } catch (error) {
      if (attempt === 1) throw error;
    }
  }
}

/** A full-page screenshot, `.tmp/<name>.png`. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** The fixed id of a built-in role. */
export const builtInRoleId = (key: BuiltInRoleKey): string => BUILT_IN_ROLES.find((r) => r.key === key)!.id;

/** Creates a user with one built-in role, speaking English, through the API. */
export async function createUser(
  api: ApiCall,
  user: { email: string; name: string; password: string; role: BuiltInRoleKey; warehouseIds?: string[] },
): Promise<void> {
  const { role, ...rest } = user;
  const created = await api('/users', { method: 'POST', body: { ...rest, roleIds: [builtInRoleId(role)], locale: 'en' } });
  expect(created.status).toBe(201);
}
