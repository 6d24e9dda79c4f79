/**
 * The desk's booking commands: create, move, cancel, acknowledge a server verdict, rebook from
 * the exception queue. Each one reads what the shared rule needs from the local database, runs
 * the rule (shared/domain), and writes the documents it returns. Everything is local, so it
 * works the same offline; the server decides again when the writes sync (docs/sync-protocol.md).
 *
 * No React here: the sync tests run these same commands inside simulated desks.
 */
import {
  acknowledgeBooking,
  buildBookingDoc,
  cancelBooking,
  decideBooking,
  isCancellable,
  moveBooking,
  releaseNoShows,
  resolveRequestSlot,
  slotCapacity,
  type BookingContext,
  type BookingDecision,
  type BookingSlotRequest,
  type MoveResult,
} from '../../../shared/domain/index';
import { ulid } from '../../../shared/ids';
import type { BookingDoc, StationDoc } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';

/** Where, who and when: what every desk action needs. */
export interface BookingDeskContext {
  repos: Repositories;
  station: StationDoc;
  deskId: string;
  /** Staff on duty ('' when the station keeps no staff records: the desk signs instead). */
  staffId: string;
  now: number;
}

export interface CreateOptions {
  /** Waitlist when full (default true); false refuses with SLOT_FULL. */
  waitlist?: boolean;
  /** Recorded as the acknowledgement when staff book a venue with a fault they were warned about. */
  faultNote?: string;
  id?: string;
}

export interface CreateResult {
  decision: BookingDecision;
  /** The stored booking; null when the rule refused (nothing is written then). */
  booking: BookingDoc | null;
}

const signer = (ctx: BookingDeskContext) => ctx.staffId || ctx.deskId;

export interface DeskBookingContext extends BookingContext {
  /** No-shows of the slot due for release now (and the waitlist they promote): written with the booking. */
  released: BookingDoc[];
}

/**
 * The shared rule's context for `memberId` asking for `slot`, from the local database. A no-show
 * of the slot that is due but not yet released by the timer is released here first (the same
 * rule, at the same instant), so the decision sees the place the timeline already shows free.
 */
export const bookingContextFor = async (ctx: BookingDeskContext, memberId: string, slot: BookingSlotRequest): Promise<DeskBookingContext> => {
  const { repos, station, now } = ctx;
  const session = slot.kind === 'session' ? await repos.sessions.get(slot.sessionId) : null;
  const venueId = slot.kind === 'venue' ? slot.venueId : (session?.venueId ?? '');
  const [member, venue, memberBookings] = await Promise.all([repos.members.get(memberId), venueId ? repos.venues.get(venueId) : null, repos.bookings.forMember(memberId)]);
  const base: BookingContext = { now, member, venue, session, station, rules: station.rules, slotBookings: [], memberBookings };
  const resolved = resolveRequestSlot({ memberId, slot }, base);
  const stored = typeof resolved === 'string' ? [] : await repos.bookings.forSlots([resolved.slotKey]);
  const released = typeof resolved === 'string' ? [] : releaseNoShows(stored, now, station.rules.checkInWindowMinutes, resolved.capacity, 'desk');
  const byId = new Map(released.map((b) => [b.id, b]));
  const slotBookings = stored.map((b) => byId.get(b.id) ?? b);
  const faults = venue ? await repos.equipment.venueFaults([venue]) : new Map();
  return { ...base, slotBookings, released, venueFault: venue ? (faults.get(venue.id) ?? 'ok') : 'ok' };
};

/** What the rule would decide now, without writing anything (the dialog's live preview). */
export const previewBooking = async (ctx: BookingDeskContext, memberId: string, slot: BookingSlotRequest, waitlist = true): Promise<BookingDecision> =>
  decideBooking({ memberId, slot }, { ...(await bookingContextFor(ctx, memberId, slot)), waitlist });

/** Marks a booking made despite a fault warning as acknowledged: staff told the member. */
const warned = (ctx: BookingDeskContext, booking: BookingDoc, faultNote: string | undefined): BookingDoc =>
  booking.reason === 'FLAGGED_FAULT' && faultNote !== undefined ? acknowledgeBooking(booking, signer(ctx), faultNote, ctx.now) : booking;

export const createBooking = async (ctx: BookingDeskContext, memberId: string, slot: BookingSlotRequest, options: CreateOptions = {}): Promise<CreateResult> => {
  const context = await bookingContextFor(ctx, memberId, slot);
  const decision = decideBooking({ memberId, slot }, { ...context, waitlist: options.waitlist ?? true });
  if (decision.status === 'rejected') return { decision, booking: null };
  const doc = buildBookingDoc(decision, {
    id: options.id ?? ulid(ctx.now),
    stationId: ctx.station.id,
    memberId,
    deskId: ctx.deskId,
    staffId: ctx.staffId,
    source: 'desk',
    decidedBy: 'desk',
    now: ctx.now,
  });
  const booking = warned(ctx, doc, options.faultNote);
  await ctx.repos.bookings.saveMany([...context.released, booking]);
  return { decision, booking };
};

/** Capacity of the slot a booking counts against (undefined when its venue is unknown here). */
export const capacityOfBooking = async (repos: Repositories, b: Pick<BookingDoc, 'venueId' | 'sessionId'>): Promise<number | undefined> => {
  const [venue, session] = await Promise.all([repos.venues.get(b.venueId), b.sessionId ? repos.sessions.get(b.sessionId) : null]);
  if (session) return session.capacity;
  return venue ? slotCapacity(venue) : undefined;
};

/** Cancels a booking and promotes its slot's waitlist. Returns the documents written ([] = nothing to cancel). */
export const cancelDeskBooking = async (ctx: BookingDeskContext, bookingId: string): Promise<BookingDoc[]> => {
  const booking = await ctx.repos.bookings.get(bookingId);
  if (!booking) return [];
  const slot = await ctx.repos.bookings.forSlots([booking.slotKey]);
  const capacity = (await capacityOfBooking(ctx.repos, booking)) ?? 0;
  const changed = cancelBooking(slot, bookingId, capacity, ctx.now, { by: 'desk' });
  await ctx.repos.bookings.saveMany(changed);
  return changed;
};

/** Moves a booking to another slot of the same member (see shared/domain/booking-move.ts). */
export const moveDeskBooking = async (ctx: BookingDeskContext, bookingId: string, to: BookingSlotRequest, waitlist = false, faultNote?: string): Promise<MoveResult> => {
  const booking = await ctx.repos.bookings.get(bookingId);
  if (!booking) return { ok: false, reason: 'NOT_MOVABLE', decision: null };
  const [context, fromSlotBookings, fromCapacity] = await Promise.all([
    bookingContextFor(ctx, booking.memberId, to),
    ctx.repos.bookings.forSlots([booking.slotKey]),
    capacityOfBooking(ctx.repos, booking),
  ]);
  const result = moveBooking({
    booking,
    fromSlotBookings,
    fromCapacity: fromCapacity ?? 0,
    to,
    context: { ...context, waitlist },
    fields: { id: ulid(ctx.now), stationId: ctx.station.id, deskId: ctx.deskId, staffId: ctx.staffId, source: 'desk', decidedBy: 'desk', now: ctx.now },
  });
  if (!result.ok) return result;
  const created = warned(ctx, result.booking, faultNote);
  await ctx.repos.bookings.saveMany([...context.released, ...result.docs.map((d) => (d.id === created.id ? created : d))]);
  return { ...result, booking: created };
};

/** Staff saw a server verdict and noted what they did: the booking leaves the exception queue. */
export const acknowledgeVerdict = async (ctx: BookingDeskContext, bookingId: string, note: string): Promise<BookingDoc | null> => {
  const booking = await ctx.repos.bookings.get(bookingId);
  if (!booking) return null;
  const acked = acknowledgeBooking(booking, signer(ctx), note, ctx.now);
  await ctx.repos.bookings.saveMany([acked]);
  return acked;
};

export type RebookResult = { ok: true; booking: BookingDoc } | { ok: false; reason: string };

/**
 * "Offer another slot" from the exception queue: a booking that still holds or waits for a place
 * is moved (its old place goes to the waitlist); a rejected one holds nothing, so the member is
 * booked anew and the verdict acknowledged with `note`.
 */
export const rebookFromException = async (ctx: BookingDeskContext, bookingId: string, to: BookingSlotRequest, note: string, faultNote?: string): Promise<RebookResult> => {
  const booking = await ctx.repos.bookings.get(bookingId);
  if (!booking) return { ok: false, reason: 'NOT_MOVABLE' };
  if (isCancellable(booking.status)) {
    const moved = await moveDeskBooking(ctx, bookingId, to, false, faultNote);
    return moved.ok ? { ok: true, booking: moved.booking } : { ok: false, reason: moved.reason };
  }
  const created = await createBooking(ctx, booking.memberId, to, { waitlist: false, ...(faultNote === undefined ? {} : { faultNote }) });
  if (!created.booking) return { ok: false, reason: created.decision.reason };
  await acknowledgeVerdict(ctx, bookingId, note);
  return { ok: true, booking: created.booking };
};
