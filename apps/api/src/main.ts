import 'reflect-metadata';
import { launch, parseRoles } from './system/launch.js';

// OMS_ROLES picks what this process runs: `api,worker` (the default, one process), `api` or `worker`.
await launch(parseRoles(process.env.OMS_ROLES));
