import { CoreEventPipeline1764000000000 } from './1764000000000-core-event-pipeline.js';

export const coreMigrations = [CoreEventPipeline1764000000000];
