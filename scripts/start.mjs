// `npm start`: builds whatever is missing or older than its sources, then starts the system.
// Usage: node scripts/start.mjs [all|api|worker]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const role = process.argv[2] ?? 'all';
const roles = { all: 'api,worker', api: 'api', worker: 'worker' }[role];
if (!roles) {
  console.error(`Unknown role "${role}": use all, api or worker`);
  process.exit(1);
}

function newest(dir) {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

function stale(output, sources) {
  if (!existsSync(join(root, output))) return true;
  const built = statSync(join(root, output)).mtimeMs;
  return sources.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > built);
}

function run(bin, args) {
  execFileSync(process.execPath, [join(root, 'node_modules', bin), ...args], { cwd: root, stdio: 'inherit' });
}

const main = 'dist/apps/api/src/main.js';
if (stale(main, ['apps/api/src', 'apps/worker/src', 'libs'])) {
  if (!existsSync(join(root, 'node_modules/@nestjs/cli/bin/nest.js'))) {
    console.error(`${main} is missing and the build tools are not installed: run npm install first`);
    process.exit(1);
  }
  console.log('Building the server...');
  run('@nestjs/cli/bin/nest.js', ['build', 'api']);
}
if (stale('dist/admin/index.html', ['apps/admin/src', 'apps/admin/index.html']) && existsSync(join(root, 'apps/admin'))) {
  console.log('Building the admin panel...');
  run('vite/bin/vite.js', ['build', '--config', 'apps/admin/vite.config.ts']);
}
process.env.OMS_ROLES = roles;
await import(join(root, main));
