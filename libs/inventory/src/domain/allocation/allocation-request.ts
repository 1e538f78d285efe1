import { isUuid } from '@oms/core';
import { InvalidAllocationError } from './allocation.errors.js';
import { type Destination, SHORTAGE_POLICIES, type ShortagePolicy } from './allocation-engine.js';

const MAX_LINES = 500;

/** The parts of an allocation request checked before anything is read or locked. */
export interface RequestShape {
  orderId: string;
  channelId?: string | null;
  shipTo: Destination;
  paidAt?: Date | string | null;
  lines: { lineId: string; sku: string; quantity: number }[];
  policy?: ShortagePolicy;
}

/** Refuses a malformed request, naming the field. */
export function checkRequest(r: RequestShape): void {
  if (!r || !isUuid(r.orderId)) throw new InvalidAllocationError('orderId must be a UUID', 'orderId');
  if (r.channelId != null && !isUuid(r.channelId)) throw new InvalidAllocationError('channelId must be a UUID', 'channelId');
  if (r.policy !== undefined && !SHORTAGE_POLICIES.includes(r.policy)) {
    throw new InvalidAllocationError(`policy must be one of ${SHORTAGE_POLICIES.join(', ')}`, 'policy');
  }
  if (!r.shipTo || typeof r.shipTo.country !== 'string' || !/^[A-Z]{2}$/.test(r.shipTo.country)) {
    throw new InvalidAllocationError('shipTo.country must be an ISO 3166 code such as CN', 'shipTo.country');
  }
  for (const [key, max] of [['province', 100], ['city', 100], ['postcode', 20]] as const) {
    const value = r.shipTo[key];
    if (value != null && (typeof value !== 'string' || value.length > max)) {
      throw new InvalidAllocationError(`shipTo.${key} must be text of at most ${max} characters`, `shipTo.${key}`);
    }
  }
  const geo = r.shipTo.geo;
  if (geo != null && !(typeof geo === 'object' && inRange(geo.lat, 90) && inRange(geo.lng, 180))) {
    throw new InvalidAllocationError('shipTo.geo must be {lat, lng} in degrees', 'shipTo.geo');
  }
  if (r.paidAt != null && Number.isNaN(new Date(r.paidAt as string).getTime())) {
    throw new InvalidAllocationError('paidAt must be a date and time', 'paidAt');
  }
  if (!Array.isArray(r.lines) || !r.lines.length || r.lines.length > MAX_LINES) {
    throw new InvalidAllocationError(`An order has 1 to ${MAX_LINES} lines`, 'lines');
  }
  const seen = new Set<string>();
  for (const [i, line] of r.lines.entries()) {
    if (typeof line?.lineId !== 'string' || !line.lineId || line.lineId.length > 100) {
      throw new InvalidAllocationError('lineId must be 1-100 characters', `lines[${i}].lineId`);
    }
    if (seen.has(line.lineId)) throw new InvalidAllocationError(`Line ${line.lineId} appears twice`, `lines[${i}].lineId`);
    seen.add(line.lineId);
    if (typeof line.sku !== 'string' || !line.sku) throw new InvalidAllocationError('sku is required', `lines[${i}].sku`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 1_000_000) {
      throw new InvalidAllocationError('quantity must be a whole number from 1', `lines[${i}].quantity`);
    }
  }
}

function inRange(value: unknown, limit: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}
