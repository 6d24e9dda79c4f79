/**
 * Bookings made and cancelled in the members' phone app, written through the same path as a
 * desk's push (docs/sync-protocol.md, "Server authority"): one transaction under the station's lock, the
 * shared rules via the bookings authority (`decideBookings`), sequence numbers from the station
 * clock (`writeLocked`). So a phone booking and an offline desk booking of the same last place
 * really collide, and the server decides between them exactly as it does between two desks.
 *
 * Before deciding, confirmed bookings of the slot past their check-in deadline are released as
 * no-shows (the same shared rule the desks run offline): a phone can take a released place at
 * once even while no desk is running. Desks that released the same no-show converge on it
 * (the conflict policy keeps the server's state).
 */
import { ulid } from '../../shared/ids';
import {
  buildBookingDoc,
  cancelBooking,
  isCancellable,
  isVenueSlotStart,
  releaseNoShows,
  resolveRequestSlot,
  slotCapacity,
  waitlistPosition,
  type BookingSlotRequest,
} from '../../shared/domain/index';
import { DEFAULT_STATION_RULES, type BookingDoc, type SessionDoc, type StationDoc, type VenueDoc } from '../../shared/schemas/index';
import type { Database, Queryable, Transaction } from '../db/database';
import { ApiError, notFound } from '../errors';
import { decideBookings } from './sync/authority-bookings';
import { loadDocs, loadDocsWhere, lockStation, writeLocked, type DocWrite, type StoredDoc } from '../repositories/sync-store';

const asDoc = <T>(row: StoredDoc): T => ({ ...row.data, serverRev: row.seq }) as T;
const toWrite = (b: BookingDoc): DocWrite => ({ id: b.id, deleted: false, data: b as unknown as Record<string, unknown> });

export interface MemberBookingResult {
  booking: BookingDoc;
  /** 1-based waitlist place when waitlisted, else 0. */
  position: number;
  /** false when the request repeated an id already booked (idempotent retry). */
  created: boolean;
}

const one = async <T>(tx: Queryable, stationId: string, collection: 'stations' | 'venues' | 'sessions', id: string): Promise<T | null> => {
  if (!id) return null;
  const row = (await loadDocs(tx, stationId, collection, [id])).get(id);
  return row && !row.deleted ? asDoc<T>(row) : null;
};

const slotBookingsOf = async (tx: Queryable, stationId: string, slotKey: string): Promise<BookingDoc[]> =>
  (await loadDocsWhere(tx, stationId, 'bookings', 'slotKey', [slotKey])).filter((r) => !r.deleted).map((r) => asDoc<BookingDoc>(r));

/** Writes under the held lock and returns the stored booking `id` with its new serverRev. */
const commit = async (tx: Transaction, stationId: string, memberId: string, writes: DocWrite[], id: string, now: number) => {
  const decided = await decideBookings(tx, stationId, writes, now);
  await writeLocked(tx, stationId, 'bookings', decided, `member:${memberId}`);
  const booking = asDoc<BookingDoc>((await loadDocs(tx, stationId, 'bookings', [id])).get(id)!);
  const position = booking.status === 'waitlisted' ? waitlistPosition(await slotBookingsOf(tx, stationId, booking.slotKey), id) : 0;
  return { booking, position };
};

export const bookForMember = async (
  db: Database,
  input: { stationId: string; memberId: string; slot: BookingSlotRequest; id?: string; now: number },
): Promise<MemberBookingResult> => {
  const { stationId, memberId, now } = input;
  const id = input.id ?? ulid(now);
  return db.transaction(async (tx) => {
    await lockStation(tx, stationId);
    // ids are station-scoped (docs/sync-protocol.md, "Ids"): another station's booking with this id is not looked at
    const existing = (await loadDocs(tx, stationId, 'bookings', [id])).get(id);
    if (existing) {
      if (existing.data.memberId !== memberId) throw new ApiError(409, 'ID_TAKEN', `Booking id ${id} is already used`);
      const booking = asDoc<BookingDoc>(existing);
      const position = booking.status === 'waitlisted' ? waitlistPosition(await slotBookingsOf(tx, stationId, booking.slotKey), id) : 0;
      return { booking, position, created: false };
    }
    const station = await one<StationDoc>(tx, stationId, 'stations', stationId);
    const session = input.slot.kind === 'session' ? await one<SessionDoc>(tx, stationId, 'sessions', input.slot.sessionId) : null;
    const venueId = input.slot.kind === 'venue' ? input.slot.venueId : (session?.venueId ?? '');
    const venue = await one<VenueDoc>(tx, stationId, 'venues', venueId);
    const rules = station?.rules ?? DEFAULT_STATION_RULES;
    const slot = resolveRequestSlot({ memberId, slot: input.slot }, { now, member: null, venue, session, rules, slotBookings: [], memberBookings: [] });
    if (typeof slot === 'string') throw notFound(input.slot.kind === 'session' ? 'No such class at this station' : 'No such venue at this station');
    if (input.slot.kind === 'venue' && station && venue && !isVenueSlotStart(station, venue, slot.startsAt)) {
      throw new ApiError(400, 'BAD_REQUEST', `${slot.startsAt} is not one of this venue's slots; GET /api/members/me/slots lists them`);
    }
    // undecided until the authority below decides it, like any claim a desk pushes
    const requested: BookingDoc = {
      ...buildBookingDoc({ status: 'confirmed', reason: 'OK', flags: [], slot, waitlistPosition: 0 }, { id, stationId, memberId, deskId: '', staffId: '', source: 'app', decidedBy: 'app', now }),
      status: 'requested',
    };
    const released = releaseNoShows(await slotBookingsOf(tx, stationId, slot.slotKey), now, rules.checkInWindowMinutes, slot.capacity, 'server');
    const result = await commit(tx, stationId, memberId, [...released, requested].map(toWrite), id, now);
    return { ...result, created: true };
  });
};

export const cancelForMember = async (
  db: Database,
  input: { stationId: string; memberId: string; id: string; now: number },
): Promise<MemberBookingResult> => {
  const { stationId, memberId, id, now } = input;
  return db.transaction(async (tx) => {
    await lockStation(tx, stationId);
    const row = (await loadDocs(tx, stationId, 'bookings', [id])).get(id);
    if (!row || row.deleted || row.data.memberId !== memberId) throw notFound(`No booking ${id} of this member`);
    const booking = asDoc<BookingDoc>(row);
    if (booking.status === 'cancelled') return { booking, position: 0, created: false };
    if (!isCancellable(booking.status)) {
      throw new ApiError(409, 'BAD_REQUEST', `A booking that is ${booking.status} cannot be cancelled`);
    }
    const venue = await one<VenueDoc>(tx, stationId, 'venues', booking.venueId);
    const session = await one<SessionDoc>(tx, stationId, 'sessions', booking.sessionId);
    const capacity = venue ? slotCapacity(venue, session) : 0;
    // A member's own cancellation: decided by the app; no staff reason applies (reason 'OK').
    const changed = cancelBooking(await slotBookingsOf(tx, stationId, booking.slotKey), id, capacity, now, { by: 'app', reason: 'OK' });
    const result = await commit(tx, stationId, memberId, changed.map(toWrite), id, now);
    return { ...result, created: false };
  });
};
