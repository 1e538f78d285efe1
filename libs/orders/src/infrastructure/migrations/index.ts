import { Orders1764000002000 } from './1764000002000-orders.js';

export const ordersMigrations = [Orders1764000002000];
