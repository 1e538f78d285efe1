import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier } from 'react-admin';
import type { BinMoveInput, BinStock, PutawayInput } from '../resources/bin-stock/types';
import type { DeadLetter } from '../resources/dead-letters/types';
import type { PermissionCatalog } from '../resources/roles/types';
import type { StockMovementInput, StockTransferInput } from '../resources/stock-levels/types';
import type { StockMovement } from '../resources/stock-movements/types';
import type { StockCheck } from '../resources/stock-reconcile-runs/types';
import type { User } from '../resources/users/types';
import { httpClient } from './httpClient';
import { orderMethods, type OrderMethods } from './orders';
import { productImportMethods, type ProductImportMethods } from './productImports';
import { withProducts } from './products';
import { withRoles } from './roles';
import { API_URL } from './session';

export interface ChangePasswordParams {
  currentPassword: string;
  newPassword: string;
}

/** The stock simple-rest provider plus one method per domain action. */
export interface OmsDataProvider extends DataProvider, ProductImportMethods, OrderMethods {
  replayDeadLetter(id: Identifier): Promise<{ data: DeadLetter }>;
  resetUserPassword(id: Identifier, password: string): Promise<{ data: User }>;
  unlockUser(id: Identifier): Promise<{ data: User }>;
  changePassword(params: ChangePasswordParams): Promise<void>;
  getPermissionCatalog(): Promise<{ data: PermissionCatalog }>;
  recordStockMovement(input: StockMovementInput): Promise<{ data: StockMovement }>;
  transferStock(input: StockTransferInput): Promise<{ data: unknown }>;
  putawayStock(input: PutawayInput): Promise<{ data: BinStockChange }>;
  moveBinStock(input: BinMoveInput): Promise<{ data: BinStockChange }>;
  /** Runs the stock check now; it is kept with the nightly ones. */
  runStockCheck(): Promise<{ data: StockCheck }>;
}

/** What a bin operation answers: the level after it, and the bins it touched (null once emptied). */
export interface BinStockChange {
  level: Record<string, unknown>;
  from?: BinStock | null;
  to?: BinStock | null;
}

const base = withProducts(withRoles(simpleRestProvider(API_URL, httpClient)));

const post = (path: string, body?: unknown) =>
  httpClient(`${API_URL}${path}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const idPath = (id: Identifier) => encodeURIComponent(String(id));

export const dataProvider: OmsDataProvider = {
  ...base,
  ...productImportMethods,
  ...orderMethods,
  async replayDeadLetter(id) {
    const { json } = await post(`/dead-letters/${idPath(id)}/replay`);
    return { data: json as DeadLetter };
  },
  async resetUserPassword(id, password) {
    const { json } = await post(`/users/${idPath(id)}/reset-password`, { password });
    return { data: json as User };
  },
  async unlockUser(id) {
    const { json } = await post(`/users/${idPath(id)}/unlock`);
    return { data: json as User };
  },
  async changePassword({ currentPassword, newPassword }) {
    await post('/auth/change-password', { currentPassword, newPassword });
  },
  async getPermissionCatalog() {
    const { json } = await httpClient(`${API_URL}/permission-catalog`);
    return { data: json as PermissionCatalog };
  },
  async recordStockMovement(input) {
    const { json } = await post('/stock-movements', input);
    return { data: json as StockMovement };
  },
  async transferStock(input) {
    const { json } = await post('/stock-transfers', input);
    return { data: json as unknown };
  },
  async putawayStock(input) {
    const { json } = await post('/bin-stock/putaway', input);
    return { data: json as BinStockChange };
  },
  async moveBinStock(input) {
    const { json } = await post('/bin-stock/moves', input);
    return { data: json as BinStockChange };
  },
  async runStockCheck() {
    const { json } = await post('/stock-levels/reconcile');
    return { data: json as StockCheck };
  },
};
