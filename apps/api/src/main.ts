import 'reflect-metadata';
import { ConfigError } from '@oms/core';
import { launch, parseRoles } from './system/launch.js';

// OMS_ROLES picks what this process runs: `api,worker` (the default, one process), `api` or `worker`.
try {
  await launch(parseRoles(process.env.OMS_ROLES));
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}
