import { Warehouses1764000000500 } from './1764000000500-warehouses.js';
import { Stock1764000000600 } from './1764000000600-stock.js';
import { Reservations1764000000700 } from './1764000000700-reservations.js';
import { Bins1764000000800 } from './1764000000800-bins.js';
import { BinStock1764000000850 } from './1764000000850-bin-stock.js';
import { Allocation1764000000900 } from './1764000000900-allocation.js';
import { StockLevelNames1764000000950 } from './1764000000950-stock-level-names.js';
import { ChannelPools1764000001000 } from './1764000001000-channel-pools.js';
import { AllocationRelease1764000001100 } from './1764000001100-allocation-release.js';
import { ReconcileRuns1764000002400 } from './1764000002400-reconcile-runs.js';
import { StockMovementActorNames1764000002450 } from './1764000002450-stock-movement-actor-names.js';

export const inventoryMigrations = [Warehouses1764000000500, Stock1764000000600, Reservations1764000000700, Bins1764000000800, BinStock1764000000850, Allocation1764000000900,
  StockLevelNames1764000000950, ChannelPools1764000001000,
  AllocationRelease1764000001100, ReconcileRuns1764000002400, StockMovementActorNames1764000002450];
