/**
 * Server authority (DESIGN §4): rules only the server can decide, applied under the station lock
 * to the documents a push is about to write. Each authority returns the writes to perform —
 * the pushed ones with the server's verdict written in, plus any other documents its decision
 * changed (e.g. a waitlisted booking promoted when another is cancelled).
 */
import type { CollectionName } from '../../shared/schemas/index';
import type { Queryable } from '../db/database';
import { decideBookings } from './authority-bookings';
import type { DocWrite } from './store';

export type Authority = (tx: Queryable, stationId: string, writes: DocWrite[], now: number) => Promise<DocWrite[]>;

export const AUTHORITIES: Partial<Record<CollectionName, Authority>> = {
  bookings: decideBookings,
};
