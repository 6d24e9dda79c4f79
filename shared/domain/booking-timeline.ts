/**
 * The booking timeline of one station day: each venue's bookable slots and each class session,
 * with places taken and free. The desk's timeline and the members' app API (server) read the same
 * numbers from this function, so a phone and a desk never disagree about what is free.
 *
 * - Venue slots follow the station's opening hours: back to back from the start of each open
 *   interval of the day (from local midnight for an interval that began the day before), each
 *   `slotMinutes` long, the last one ending no later than the interval or the day.
 * - Taken: 'attended' bookings, and 'confirmed' ones still inside their check-in deadline. A
 *   confirmed booking past its deadline is a no-show about to be released (the desk's release
 *   loop, or the server when a member books): its place already counts as free.
 * - Free: capacity − taken − waiting; the waitlist fills freed places first, so a newcomer only
 *   gets what the waitlist leaves. A slot that has ended has nothing free.
 */
import type { BookingDoc } from '../schemas/bookings';
import type { SessionDoc } from '../schemas/sessions';
import type { VenueDoc } from '../schemas/venues';
import { checkInDeadline, groupBySlot, sessionSlotKey, slotCapacity, venueSlotKey } from './bookings';
import { DAY_MS, localDayStart, MINUTE_MS, nextOpenInterval, openIntervalAt, toIso, toMs, type Instant, type StationHours } from './time';

export interface SlotTimes {
  startsAt: string;
  endsAt: string;
}

export interface SlotLoad extends SlotTimes {
  slotKey: string;
  capacity: number;
  taken: number;
  waiting: number;
  free: number;
  /** The slot has ended at `now`. */
  over: boolean;
}

export interface VenueRow {
  venue: VenueDoc;
  slots: SlotLoad[];
}

export interface SessionRow {
  session: SessionDoc;
  load: SlotLoad;
}

export interface DayTimeline {
  /** Local midnight that starts the day (epoch ms). */
  dayStart: number;
  venues: VenueRow[];
  sessions: SessionRow[];
}

/** The bookable slots of a venue on the local day containing `day`. */
export const venueSlotTimes = (station: StationHours, venue: Pick<VenueDoc, 'slotMinutes'>, day: Instant): SlotTimes[] => {
  const dayStart = localDayStart(station, day);
  const dayEnd = dayStart + DAY_MS;
  const length = venue.slotMinutes * MINUTE_MS;
  const slots: SlotTimes[] = [];
  let t = dayStart;
  while (t < dayEnd && length > 0) {
    const interval = openIntervalAt(station, t) ?? nextOpenInterval(station, t);
    if (!interval || interval.start >= dayEnd) break;
    const from = Math.max(interval.start, dayStart);
    const to = Math.min(interval.end, dayEnd);
    for (let s = from; s + length <= to; s += length) slots.push({ startsAt: toIso(s), endsAt: toIso(s + length) });
    if (to <= t) break;
    t = to;
  }
  return slots;
};

/** Whether `startsAt` is one of the venue's slots (a booking off the grid would count against a slot of its own). */
export const isVenueSlotStart = (station: StationHours, venue: Pick<VenueDoc, 'slotMinutes'>, startsAt: Instant): boolean => {
  const iso = toIso(startsAt);
  return venueSlotTimes(station, venue, startsAt).some((s) => s.startsAt === iso);
};

/** Places of one slot at `now` (pass the slot's bookings). */
export const slotLoad = (
  slot: SlotTimes & { slotKey: string },
  capacity: number,
  slotBookings: readonly BookingDoc[],
  now: Instant,
  checkInWindowMinutes: number,
): SlotLoad => {
  const t = toMs(now);
  const taken = slotBookings.filter(
    (b) => b.status === 'attended' || (b.status === 'confirmed' && t <= checkInDeadline(b, checkInWindowMinutes)),
  ).length;
  const waiting = slotBookings.filter((b) => b.status === 'waitlisted').length;
  const over = t >= toMs(slot.endsAt);
  const free = over ? 0 : Math.max(0, capacity - taken - waiting);
  return { slotKey: slot.slotKey, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity, taken, waiting, free, over };
};

export interface TimelineInput {
  station: StationHours;
  checkInWindowMinutes: number;
  /** Any instant of the local day to show. */
  day: Instant;
  venues: readonly VenueDoc[];
  sessions: readonly SessionDoc[];
  /** Bookings of the day (others are ignored). */
  bookings: readonly BookingDoc[];
  now: Instant;
}

/** Every active venue's slots and every class of the day, with their loads. */
export const dayTimeline = (input: TimelineInput): DayTimeline => {
  const dayStart = localDayStart(input.station, input.day);
  const dayEnd = dayStart + DAY_MS;
  const bySlot = groupBySlot(input.bookings);
  const load = (slot: SlotTimes & { slotKey: string }, capacity: number) =>
    slotLoad(slot, capacity, bySlot.get(slot.slotKey) ?? [], input.now, input.checkInWindowMinutes);
  const venues = input.venues
    .filter((v) => v.active)
    .map((venue) => ({
      venue,
      slots: venueSlotTimes(input.station, venue, dayStart).map((s) => load({ ...s, slotKey: venueSlotKey(venue.id, s.startsAt) }, slotCapacity(venue))),
    }));
  const sessions = input.sessions
    .filter((s) => !s.cancelled && toMs(s.startsAt) >= dayStart && toMs(s.startsAt) < dayEnd)
    .sort((a, b) => toMs(a.startsAt) - toMs(b.startsAt) || (a.id < b.id ? -1 : 1))
    .map((session) => ({ session, load: load({ slotKey: sessionSlotKey(session.id), startsAt: session.startsAt, endsAt: session.endsAt }, session.capacity) }));
  return { dayStart, venues, sessions };
};
