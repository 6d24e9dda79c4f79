/**
 * Which fields a desk may change on documents the server already holds. Check-ins are
 * append-only except the check-out; equipment log events never change; a tombstone is final.
 * Returns a reason when the change is not allowed, else null.
 */
import type { CollectionName } from '../../../shared/schemas/index';

const MUTABLE: Partial<Record<CollectionName, ReadonlySet<string>>> = {
  checkins: new Set(['checkedOutAt', 'checkOutMethod', 'checkedOutBy', 'updatedAt', 'serverRev']),
  equipmentLogs: new Set(['updatedAt', 'serverRev']),
};

const IDENTITY = ['id', 'stationId'] as const;

export const immutableChange = (collection: CollectionName, master: Record<string, unknown>, next: Record<string, unknown>): string | null => {
  for (const field of IDENTITY) if (master[field] !== next[field]) return `${field} cannot change`;
  if (master._deleted === true && next._deleted !== true) return 'a deleted document cannot be restored';
  const mutable = MUTABLE[collection];
  if (!mutable) return null;
  if (next._deleted === true) return `${collection} records are never deleted`;
  for (const key of new Set([...Object.keys(master), ...Object.keys(next)])) {
    if (key === '_deleted' || mutable.has(key)) continue;
    if (JSON.stringify(master[key]) !== JSON.stringify(next[key])) return `${collection} records are append-only: ${key} cannot change`;
  }
  if (collection === 'checkins' && master.checkedOutAt && next.checkedOutAt === null) return 'a check-out cannot be undone';
  if (collection === 'checkins' && master.checkedOutAt && master.checkOutMethod !== 'closing' && next.checkOutMethod === 'closing') {
    return 'an automatic closing-time check-out cannot replace a real one';
  }
  return null;
};
