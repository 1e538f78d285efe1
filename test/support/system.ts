/** The whole built system as a real process (see processes.ts). */
export { startSystem, removeDataDir, type RunningSystem } from './processes.js';
