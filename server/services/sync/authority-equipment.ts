/**
 * Fault-aware bookings on the server (docs/domain-rules.md): when equipment logs (or equipment moved into a
 * venue) arrive and leave a venue blocked — an open high-severity fault, or a bookable device
 * that cannot be used — the station's bookings on that venue that are still expected and not yet
 * over are flagged FLAGGED_FAULT (status unchanged, decided by the server) in the same locked
 * transaction, so every desk's exception queue lists them after its next pull.
 *
 * The state is judged after the whole batch, so a fault and its repair pushed together (a desk
 * that was offline all day) flag nothing. New bookings on a blocked venue need no write here:
 * the booking authority refuses them (VENUE_OUT_OF_SERVICE), and a repair lifts that by itself.
 */
import { bookingsToFlagForFaults, venueFaultStates } from '../../../shared/domain/index';
import type { BookingDoc, EquipmentDoc, EquipmentLogDoc, VenueDoc } from '../../../shared/schemas/index';
import type { Queryable } from '../../db/database';
import type { Authority, AuthorityResult } from './authority-result';
import { loadAll, loadDocs, loadDocsWhere, loadEquipmentEvents, type DocWrite, type StoredDoc } from '../../repositories/sync-store';

const asDoc = <T>(row: StoredDoc): T => ({ ...row.data, serverRev: row.seq }) as T;
const liveData = <T>(writes: readonly DocWrite[]): T[] => writes.filter((w) => !w.deleted).map((w) => w.data as unknown as T);

/** Flags the expected bookings of those of `venueIds` that `equipment` (+ `pushedLogs`) block. */
const flagBlockedVenues = async (
  tx: Queryable,
  stationId: string,
  equipment: readonly EquipmentDoc[],
  venueIds: readonly string[],
  pushedLogs: readonly EquipmentLogDoc[],
  now: number,
): Promise<NonNullable<AuthorityResult['others']>> => {
  const venues = [...new Set(venueIds.filter(Boolean))];
  const standing = equipment.filter((e) => venues.includes(e.venueId));
  if (standing.length === 0) return [];
  // one connection per transaction: queries run one after another
  const logRows = await loadEquipmentEvents(tx, stationId, standing.map((e) => e.id));
  const venueRows = await loadDocs(tx, stationId, 'venues', venues);
  const pushedIds = new Set(pushedLogs.map((l) => l.id));
  const logs = [...logRows.filter((r) => !r.deleted && !pushedIds.has(r.id)).map((r) => asDoc<EquipmentLogDoc>(r)), ...pushedLogs];
  const states = venueFaultStates(standing, logs, [...venueRows.values()].map((r) => asDoc<VenueDoc>(r)));
  const blocked = new Set(venues.filter((id) => states.get(id) === 'blocked'));
  if (blocked.size === 0) return [];
  const bookingRows = await loadDocsWhere(tx, stationId, 'bookings', 'venueId', [...blocked]);
  const bookings = bookingRows.filter((r) => !r.deleted).map((r) => asDoc<BookingDoc>(r));
  const flagged = bookingsToFlagForFaults(bookings, blocked, now, 'server');
  if (flagged.length === 0) return [];
  return [{ collection: 'bookings', writes: flagged.map((b) => ({ id: b.id, deleted: false, data: b as unknown as Record<string, unknown> })) }];
};

/** Authority for `equipmentLogs`: the events are stored as pushed (append-only); bookings may be flagged. */
export const flagBookingsForLogs: Authority = async (tx, stationId, writes, now) => {
  const logs = liveData<EquipmentLogDoc>(writes);
  if (logs.length === 0) return { writes };
  const equipmentIds = [...new Set(logs.map((l) => l.equipmentId))];
  const equipmentRows = await loadDocs(tx, stationId, 'equipment', equipmentIds);
  const touched = [...equipmentRows.values()].filter((r) => !r.deleted).map((r) => asDoc<EquipmentDoc>(r));
  if (touched.length === 0) return { writes }; // the item has not arrived yet: its own push decides
  const all = (await loadAll(tx, stationId, 'equipment')).map((r) => asDoc<EquipmentDoc>(r));
  return { writes, others: await flagBlockedVenues(tx, stationId, all, touched.map((e) => e.venueId), logs, now) };
};

/** Authority for `equipment`: an item placed in a venue (or arriving after its fault reports) may block it. */
export const flagBookingsForEquipment: Authority = async (tx, stationId, writes, now) => {
  const pushed = liveData<EquipmentDoc>(writes);
  if (pushed.length === 0) return { writes };
  const pushedIds = new Set(writes.map((w) => w.id));
  const stored = (await loadAll(tx, stationId, 'equipment')).filter((r) => !pushedIds.has(r.id)).map((r) => asDoc<EquipmentDoc>(r));
  return { writes, others: await flagBlockedVenues(tx, stationId, [...stored, ...pushed], pushed.map((e) => e.venueId), [], now) };
};
