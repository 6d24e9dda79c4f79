/**
 * The server's verdict on bookings, with the same shared rules the desk used optimistically:
 * - a claim the server has not decided yet is checked against the non-capacity rules as of the
 *   moment the member asked (`requestedAt`, possibly offline): member active, no no-show ban,
 *   not booked twice, venue open and not out of service → else `rejected` with the reason;
 * - then every touched slot is resolved (`resolveSlot`): places the server granted stay, other
 *   claims queue in (requestedAt, id) order; an offline confirmation that lost the race to an
 *   app booking becomes waitlisted with SLOT_FULL. The verdict replicates back to the desk.
 */
import {
  bookingRuleFailure,
  groupLogsByEquipment,
  requestOfBooking,
  resolveSlot,
  slotCapacity,
  venueFaultState,
  withVerdict,
} from '../../shared/domain/index';
import type { BookingDoc, EquipmentDoc, EquipmentLogDoc, MemberDoc, SessionDoc, StationDoc, VenueDoc } from '../../shared/schemas/index';
import type { Queryable } from '../db/database';
import { loadAll, loadDocs, loadDocsWhere, type DocWrite, type StoredDoc } from './store';

const CLAIMS = new Set(['requested', 'confirmed', 'waitlisted']);
const asDoc = <T>(row: StoredDoc): T => ({ ...row.data, serverRev: row.seq }) as T;

const isUndecidedClaim = (b: BookingDoc) => CLAIMS.has(b.status) && b.decidedBy !== 'server';

export const decideBookings = async (tx: Queryable, stationId: string, writes: DocWrite[], now: number): Promise<DocWrite[]> => {
  if (writes.length === 0) return writes;
  const pushed = writes.filter((w) => !w.deleted).map((w) => w.data as unknown as BookingDoc);
  const slotKeys = [...new Set(pushed.map((b) => b.slotKey))];
  const memberIds = [...new Set(pushed.filter(isUndecidedClaim).map((b) => b.memberId))];
  // one connection per transaction: queries run one after another
  const stationRows = await loadDocs(tx, stationId, 'stations', [stationId]);
  const slotRows = await loadDocsWhere(tx, stationId, 'bookings', 'slotKey', slotKeys);
  const memberRows = await loadDocs(tx, stationId, 'members', memberIds);
  const memberBookingRows = await loadDocsWhere(tx, stationId, 'bookings', 'memberId', memberIds);
  const equipmentRows = await loadAll(tx, stationId, 'equipment');
  const logRows = await loadAll(tx, stationId, 'equipmentLogs');
  const venueRows = await loadDocs(tx, stationId, 'venues', [...new Set(pushed.map((b) => b.venueId))]);
  const sessionRows = await loadDocs(tx, stationId, 'sessions', [...new Set(pushed.map((b) => b.sessionId).filter(Boolean))]);
  const station = stationRows.get(stationId) ? asDoc<StationDoc>(stationRows.get(stationId)!) : null;
  const equipment = equipmentRows.map((r) => asDoc<EquipmentDoc>(r));
  const logsByEquipment = groupLogsByEquipment(logRows.map((r) => asDoc<EquipmentLogDoc>(r)));
  const pushedById = new Map(pushed.map((b) => [b.id, b]));
  const stored = (rows: StoredDoc[]) => rows.filter((r) => !r.deleted && !pushedById.has(r.id)).map((r) => asDoc<BookingDoc>(r));
  const memberBookings = [...stored(memberBookingRows), ...pushed];

  // 1. rules other than capacity, judged when the member asked
  const verdicts = new Map<string, BookingDoc>();
  for (const b of pushed) {
    if (!isUndecidedClaim(b)) {
      verdicts.set(b.id, b);
      continue;
    }
    const venueRow = venueRows.get(b.venueId);
    const venue = venueRow ? asDoc<VenueDoc>(venueRow) : null;
    const sessionRow = b.sessionId ? sessionRows.get(b.sessionId) : undefined;
    const memberRow = memberRows.get(b.memberId);
    const failure = bookingRuleFailure(requestOfBooking(b), {
      now: b.requestedAt,
      member: memberRow ? asDoc<MemberDoc>(memberRow) : null,
      venue,
      session: sessionRow ? asDoc<SessionDoc>(sessionRow) : null,
      station,
      rules: station?.rules ?? { checkInWindowMinutes: 15, noShowLimit: 3, noShowPeriodDays: 30, noShowBanDays: 30 },
      slotBookings: [],
      memberBookings,
      venueFault: venueFaultState(equipment, logsByEquipment, b.venueId, venue?.kind),
      bookingId: b.id,
    });
    verdicts.set(b.id, failure ? withVerdict(b, 'rejected', failure, 'server', now) : b);
  }

  // 2. capacity: resolve every touched slot with its stored bookings
  const result = new Map<string, BookingDoc>(verdicts);
  const others = stored(slotRows);
  for (const slotKey of slotKeys) {
    const slot = [...others.filter((b) => b.slotKey === slotKey), ...[...verdicts.values()].filter((b) => b.slotKey === slotKey)];
    const sample = slot[0]!;
    const venueRow = venueRows.get(sample.venueId);
    const sessionRow = sample.sessionId ? sessionRows.get(sample.sessionId) : undefined;
    if (!venueRow) continue; // no venue: every claim was already rejected (VENUE_NOT_FOUND)
    const capacity = slotCapacity(asDoc<VenueDoc>(venueRow), sessionRow ? asDoc<SessionDoc>(sessionRow) : null);
    const { changed } = resolveSlot(slot, capacity, now);
    for (const b of changed) result.set(b.id, b);
  }

  const deletions = writes.filter((w) => w.deleted);
  return [...deletions, ...[...result.values()].map((b) => ({ id: b.id, deleted: false, data: b as unknown as Record<string, unknown> }))];
};
