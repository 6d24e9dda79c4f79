/**
 * Server authority (docs/sync-protocol.md): rules only the server can decide, applied under the station lock
 * to the documents a push is about to write. Each authority returns the writes to perform —
 * the pushed ones with the server's verdict written in, plus any other documents its decision
 * changed (e.g. a waitlisted booking promoted when another is cancelled, or bookings flagged
 * because an equipment fault put their venue out of service), written in the same transaction.
 */
import type { CollectionName } from '../../../shared/schemas/index';
import type { Queryable } from '../../db/database';
import { decideBookings } from './authority-bookings';
import { flagBookingsForEquipment, flagBookingsForLogs } from './authority-equipment';
import type { DocWrite } from '../../repositories/sync-store';

export interface AuthorityResult {
  /** The pushed collection's writes, with the server's verdict written in. */
  writes: DocWrite[];
  /** Writes to other collections of the same station that the decision entails. */
  others?: { collection: CollectionName; writes: DocWrite[] }[];
}

export type Authority = (tx: Queryable, stationId: string, writes: DocWrite[], now: number) => Promise<AuthorityResult>;

export const AUTHORITIES: Partial<Record<CollectionName, Authority>> = {
  bookings: async (tx, stationId, writes, now) => ({ writes: await decideBookings(tx, stationId, writes, now) }),
  equipment: flagBookingsForEquipment,
  equipmentLogs: flagBookingsForLogs,
};
