/**
 * The server's verdict on bookings, with the same shared rules the desk used optimistically:
 * - a claim the server has not decided yet is checked against the non-capacity rules as of the
 *   moment the member asked (`requestedAt`, possibly offline): member active, no no-show ban,
 *   not booked twice, venue open and not out of service → else `rejected` with the reason;
 * - then every touched slot is resolved (`resolveSlot`): places the server granted stay, other
 *   claims queue in (requestedAt, id) order; an offline confirmation that lost the race to an
 *   app booking becomes waitlisted with SLOT_FULL. The verdict replicates back to the desk.
 * A desk's word is never taken for the server's: a pushed `decidedBy: 'server'` that the server
 * did not write is treated as the desk's claim, and a no-show released before the check-in
 * deadline (by the server's clock — a desk's clock may run fast) keeps the server's state.
 */
import {
  bookingRuleFailure,
  checkInDeadline,
  groupLogsByEquipment,
  requestOfBooking,
  resolveSlot,
  slotCapacity,
  venueFaultState,
  withVerdict,
} from '../../../shared/domain/index';
import type { BookingDoc, EquipmentDoc, EquipmentLogDoc, MemberDoc, SessionDoc, StationDoc, VenueDoc } from '../../../shared/schemas/index';
import type { Queryable } from '../../db/database';
import { loadDocs, loadDocsWhere, loadEquipmentEvents, type DocWrite, type StoredDoc } from '../../repositories/sync-store';

const CLAIMS = new Set(['requested', 'confirmed', 'waitlisted']);
const asDoc = <T>(row: StoredDoc): T => ({ ...row.data, serverRev: row.seq }) as T;

const isUndecidedClaim = (b: BookingDoc) => CLAIMS.has(b.status) && b.decidedBy !== 'server';

/** What the server already holds decides what a pushed state may claim. */
const screenClaims = (pushed: BookingDoc[], stored: Map<string, StoredDoc>, rules: { checkInWindowMinutes: number }, now: number): BookingDoc[] =>
  pushed.map((b) => {
    const row = stored.get(b.id);
    const held = row && !row.deleted ? asDoc<BookingDoc>(row) : null;
    if (b.status === 'no-show' && held?.status === 'confirmed' && now <= checkInDeadline(held, rules.checkInWindowMinutes)) {
      return { ...held, updatedAt: new Date(now).toISOString() };
    }
    const serverSaidSo = held !== null && held.decidedBy === 'server' && held.status === b.status && held.slotKey === b.slotKey && held.memberId === b.memberId;
    return b.decidedBy === 'server' && !serverSaidSo ? { ...b, decidedBy: 'desk' } : b;
  });

export const decideBookings = async (tx: Queryable, stationId: string, writes: DocWrite[], now: number): Promise<DocWrite[]> => {
  if (writes.length === 0) return writes;
  const storedStation = await loadDocs(tx, stationId, 'stations', [stationId]);
  const stationDoc = storedStation.get(stationId) ? asDoc<StationDoc>(storedStation.get(stationId)!) : null;
  const heldRows = await loadDocs(tx, stationId, 'bookings', writes.map((w) => w.id));
  const pushed = screenClaims(
    writes.filter((w) => !w.deleted).map((w) => w.data as unknown as BookingDoc),
    heldRows,
    stationDoc?.rules ?? { checkInWindowMinutes: 15 },
    now,
  );
  const slotKeys = [...new Set(pushed.map((b) => b.slotKey))];
  const memberIds = [...new Set(pushed.filter(isUndecidedClaim).map((b) => b.memberId))];
  // one connection per transaction: queries run one after another
  const slotRows = await loadDocsWhere(tx, stationId, 'bookings', 'slotKey', slotKeys);
  const memberRows = await loadDocs(tx, stationId, 'members', memberIds);
  const memberBookingRows = await loadDocsWhere(tx, stationId, 'bookings', 'memberId', memberIds);
  const venueIds = [...new Set(pushed.map((b) => b.venueId))];
  // only the equipment standing in these venues, and its events without photos: this runs
  // under the station lock on every booking write
  const equipmentRows = (await loadDocsWhere(tx, stationId, 'equipment', 'venueId', venueIds)).filter((r) => !r.deleted);
  const logRows = await loadEquipmentEvents(tx, stationId, equipmentRows.map((r) => r.id));
  const venueRows = await loadDocs(tx, stationId, 'venues', venueIds);
  const sessionRows = await loadDocs(tx, stationId, 'sessions', [...new Set(pushed.map((b) => b.sessionId).filter(Boolean))]);
  const station = stationDoc;
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
