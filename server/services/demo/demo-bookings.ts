/**
 * Bookings of the demo station for today and tomorrow, so a newcomer's timeline is alive: busy
 * evening courts (one full with a waitlist), a morning and evening rush on the gym floor, and
 * classes part-booked. Slots that already began when the seed runs are marked attended; the
 * rest are confirmed and wait for their members (a desk releases the ones nobody comes for).
 *
 * Deterministic. The first 60 roster members are left alone (the offline demo and the tests use
 * them); demo bookings stay off the badminton court before 18:00 for the same reason.
 */
import { checkInDeadline, DAY_MS, HOUR_MS, localDayStart, sessionSlotKey, toIso, venueSlotKey } from '../../../shared/domain/index';
import type { BookingDoc, MemberDoc, SessionDoc } from '../../../shared/schemas/index';
import { DEFAULT_STATION_RULES } from '../../../shared/schemas/index';
import { DEMO_STATION_ID } from '../../../shared/demo/members';
import { DEMO_UTC_OFFSET_MINUTES } from './catalog';

/** venue key → [local hour, places booked, waiting] per day offset (0 = today, 1 = tomorrow). */
const VENUE_LOAD: Record<string, Array<Array<[number, number, number]>>> = {
  BADMINTON: [[[18, 4, 1], [19, 3, 0], [20, 2, 0]], [[18, 2, 0], [19, 4, 0], [20, 1, 0]]],
  PINGPONG: [[[19, 2, 0], [20, 4, 0]], [[12, 1, 0], [19, 2, 0]]],
  GYM: [[[7, 8, 0], [8, 5, 0], [12, 6, 0], [18, 12, 0], [19, 10, 0]], [[7, 6, 0], [18, 9, 0]]],
};

const clock = { utcOffsetMinutes: DEMO_UTC_OFFSET_MINUTES };

export const demoBookings = (now: number, sessions: readonly SessionDoc[], members: readonly MemberDoc[]): BookingDoc[] => {
  const pool = members.filter((m) => m.status === 'active' && m.source === 'server' && Date.parse(m.validUntil) > now).slice(60);
  if (pool.length === 0) return [];
  const today = localDayStart(clock, now);
  const bookings: BookingDoc[] = [];
  let next = 0;
  const add = (slot: { slotKey: string; venueId: string; sessionId: string; startsAt: number; endsAt: number }, booked: number, waiting: number) => {
    for (let i = 0; i < booked + waiting; i++) {
      const member = pool[next++ % pool.length]!;
      const fromApp = next % 3 === 0;
      const requestedAt = toIso(Math.min(now, slot.startsAt) - 3 * HOUR_MS + i * 60_000);
      const timing = { startsAt: toIso(slot.startsAt), endsAt: toIso(slot.endsAt), reason: 'OK' as const };
      const began = now > checkInDeadline(timing, DEFAULT_STATION_RULES.checkInWindowMinutes);
      const waitlisted = i >= booked;
      bookings.push({
        id: `DEMO-B-${slot.slotKey.replace(/[^0-9A-Za-z]/g, '').slice(-24)}-${i}`,
        stationId: DEMO_STATION_ID,
        serverRev: 0,
        updatedAt: requestedAt,
        memberId: member.id,
        venueId: slot.venueId,
        sessionId: slot.sessionId,
        slotKey: slot.slotKey,
        startsAt: timing.startsAt,
        endsAt: timing.endsAt,
        status: waitlisted ? 'waitlisted' : began ? 'attended' : 'confirmed',
        reason: waitlisted ? 'WAITLISTED' : 'OK',
        decidedBy: 'server',
        source: fromApp ? 'app' : 'desk',
        requestedAt,
        deskId: fromApp ? '' : 'DEMO-DESK',
        staffId: fromApp ? '' : 'DEMO-STAFF-DESK',
        checkInId: '',
        ack: null,
      });
    }
  };
  for (const [day, offset] of [[0, 0], [1, DAY_MS]] as const) {
    for (const [venue, days] of Object.entries(VENUE_LOAD)) {
      const venueId = `DEMO-V-${venue}`;
      for (const [hour, booked, waiting] of days[day]!) {
        const startsAt = today + offset + hour * HOUR_MS;
        add({ slotKey: venueSlotKey(venueId, startsAt), venueId, sessionId: '', startsAt, endsAt: startsAt + HOUR_MS }, booked, waiting);
      }
    }
    sessions
      .filter((s) => Date.parse(s.startsAt) >= today + offset && Date.parse(s.startsAt) < today + offset + DAY_MS)
      .forEach((s, i) => add({ slotKey: sessionSlotKey(s.id), venueId: s.venueId, sessionId: s.id, startsAt: Date.parse(s.startsAt), endsAt: Date.parse(s.endsAt) }, Math.min(s.capacity - 2, 4 + 3 * i), 0));
  }
  return bookings;
};
