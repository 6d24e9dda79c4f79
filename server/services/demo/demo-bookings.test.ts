import { describe, expect, it } from 'vitest';
import { demoMembers } from '../../../shared/demo/members';
import { groupBySlot, placesTaken, resolveSlot, slotCapacity } from '../../../shared/domain/index';
import { docProblem } from '../sync/doc-validation';
import { demoBookings } from './demo-bookings';
import { demoSessions, demoVenues } from './seed';

const NOW = Date.UTC(2026, 10, 30, 6, 30); // 14:30 at the station
const sessions = demoSessions(NOW);
const venues = demoVenues(new Date(NOW).toISOString());
const members = demoMembers(new Date(NOW), 400);
const bookings = demoBookings(NOW, sessions, members);

describe('demo bookings', () => {
  it('are valid documents with unique ids', () => {
    expect(bookings.length).toBeGreaterThan(40);
    expect(new Set(bookings.map((b) => b.id)).size).toBe(bookings.length);
    for (const b of bookings) expect(docProblem('bookings', { ...b, _deleted: false }), b.id).toBeNull();
  });

  it('respect capacity and are what the server itself would decide', () => {
    for (const [slotKey, slot] of groupBySlot(bookings)) {
      const sample = slot[0]!;
      const venue = venues.find((v) => v.id === sample.venueId)!;
      const capacity = slotCapacity(venue, sessions.find((s) => s.id === sample.sessionId) ?? null);
      expect(placesTaken(slot), slotKey).toBeLessThanOrEqual(capacity);
      expect(resolveSlot(slot, capacity, NOW).changed, slotKey).toEqual([]);
    }
    expect(bookings.filter((b) => b.status === 'waitlisted')).toHaveLength(1);
  });

  it('mark slots already begun as attended, later ones confirmed', () => {
    for (const b of bookings.filter((x) => x.status !== 'waitlisted')) {
      expect(b.status).toBe(Date.parse(b.startsAt) + 15 * 60_000 < NOW ? 'attended' : 'confirmed');
    }
  });

  it('leave the first 60 members and the daytime badminton court to the tests and the offline demo', () => {
    const reserved = new Set(members.slice(0, 60).map((m) => m.id));
    expect(bookings.some((b) => reserved.has(b.memberId))).toBe(false);
    const court = bookings.filter((b) => b.venueId === 'DEMO-V-BADMINTON' && !b.sessionId);
    for (const b of court) expect(new Date(Date.parse(b.startsAt) + 8 * 3_600_000).getUTCHours()).toBeGreaterThanOrEqual(18);
  });
});
