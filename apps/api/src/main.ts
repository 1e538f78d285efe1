import 'reflect-metadata';
import { launch } from './system/launch.js';

// OMS_ROLES picks what this process runs: `api,worker` (the default, one process), `api` or `worker`.
await launch(process.env.OMS_ROLES);
