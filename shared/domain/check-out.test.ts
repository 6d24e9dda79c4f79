/** Check-out by scan and by hand, and the visit a new admission of the same person ends. */
import { describe, expect, it } from 'vitest';
import { checkOutVisit, occupancyFor, openVisitsOf, sameVisitor, supersededVisits } from './check-out';
import { cst, makeCheckIn, makeStation, MONDAY } from '../../tests/support/builders/fixed';

const station = makeStation(); // 08:00-22:00 daily
const NOW = cst(`${MONDAY} 15:00`);
const member = { memberId: 'm-1', badge: 'C0001' };

describe('sameVisitor', () => {
  it('matches by member id, and by badge only for scans that matched no member', () => {
    expect(sameVisitor(makeCheckIn(), member)).toBe(true);
    expect(sameVisitor(makeCheckIn({ memberId: 'm-2' }), member)).toBe(false);
    expect(sameVisitor(makeCheckIn({ memberId: '', badge: 'X1' }), { memberId: '', badge: 'X1' })).toBe(true);
    expect(sameVisitor(makeCheckIn({ memberId: 'm-1', badge: 'X1' }), { memberId: '', badge: 'X1' })).toBe(false);
  });
});

describe('openVisitsOf', () => {
  it('lists only this person’s admitted visits open now, newest first', () => {
    const visits = [
      makeCheckIn({ id: 'a', at: cst(`${MONDAY} 09:00`) }),
      makeCheckIn({ id: 'b', at: cst(`${MONDAY} 11:00`) }),
      makeCheckIn({ id: 'out', at: cst(`${MONDAY} 10:00`), checkedOutAt: cst(`${MONDAY} 12:00`), checkOutMethod: 'manual' }),
      makeCheckIn({ id: 'deny', at: cst(`${MONDAY} 12:00`), outcome: 'deny', reason: 'AT_CAPACITY' }),
      makeCheckIn({ id: 'other', memberId: 'm-2' }),
      makeCheckIn({ id: 'yesterday', at: cst('2026-03-01 20:00') }),
    ];
    expect(openVisitsOf(visits, member, station, NOW).map((c) => c.id)).toEqual(['b', 'a']);
  });
});

describe('occupancyFor', () => {
  it('does not count the person themself: a re-scan of someone inside is never refused for capacity', () => {
    const visits = [makeCheckIn({ id: 'me' }), makeCheckIn({ id: 'x', memberId: 'm-2' }), makeCheckIn({ id: 'y', memberId: 'm-3' })];
    expect(occupancyFor(visits, member, station, NOW)).toBe(2);
    expect(occupancyFor(visits, { memberId: 'm-9', badge: 'C9' }, station, NOW)).toBe(3);
  });
  it('counts people, not visits: a person admitted at two offline desks is one person', () => {
    const visits = [
      makeCheckIn({ id: 'me-a', deskId: 'desk-a' }),
      makeCheckIn({ id: 'me-b', deskId: 'desk-b' }),
      makeCheckIn({ id: 'x-a', memberId: 'm-2', deskId: 'desk-a' }),
      makeCheckIn({ id: 'x-b', memberId: 'm-2', deskId: 'desk-b' }),
    ];
    expect(occupancyFor(visits, member, station, NOW)).toBe(1);
    expect(occupancyFor(visits, { memberId: 'm-9', badge: 'C9' }, station, NOW)).toBe(2);
  });
});

describe('checkOutVisit', () => {
  it('stamps the time, the method and the staff member, and nothing else', () => {
    const visit = makeCheckIn();
    const result = checkOutVisit(visit, station, NOW, 'manual', 'S-2');
    expect(result).toEqual({ ok: true, doc: { ...visit, checkedOutAt: NOW, checkOutMethod: 'manual', checkedOutBy: 'S-2', updatedAt: NOW } });
  });
  it.each([
    ['a denial', makeCheckIn({ outcome: 'deny', reason: 'MEMBER_SUSPENDED' }), 'NOT_ADMITTED'],
    ['a visit already checked out', makeCheckIn({ checkedOutAt: cst(`${MONDAY} 10:00`), checkOutMethod: 'scan' }), 'ALREADY_CHECKED_OUT'],
    ['a visit of a day that has closed', makeCheckIn({ at: cst('2026-03-01 20:00') }), 'NOT_INSIDE'],
    ['a visit that has not begun', makeCheckIn({ at: cst(`${MONDAY} 16:00`) }), 'NOT_INSIDE'],
  ])('refuses %s', (_name, visit, error) => {
    expect(checkOutVisit(visit, station, NOW, 'scan', 'S-1')).toEqual({ ok: false, error });
  });
});

describe('supersededVisits', () => {
  it('ends every open visit of the person at the new admission, by scan', () => {
    const visits = [makeCheckIn({ id: 'a' }), makeCheckIn({ id: 'b', memberId: 'm-2' })];
    const ended = supersededVisits(visits, member, station, NOW, 'S-2');
    expect(ended.map((c) => [c.id, c.checkedOutAt, c.checkOutMethod, c.checkedOutBy])).toEqual([['a', NOW, 'scan', 'S-2']]);
    expect(supersededVisits(visits, { memberId: 'm-9', badge: 'C9' }, station, NOW, 'S-2')).toEqual([]);
  });
});
