/** The bookings conflict policy: the server's verdict wins, staff actions are re-applied, attendance beats a no-show release. */
import { describe, expect, it } from 'vitest';
import { cst, makeBooking, MONDAY } from '../../tests/support/builders/fixed';
import type { BookingDoc } from '../schemas/bookings';
import { resolveConflict } from './conflicts';

type Doc = Record<string, unknown>;
const doc = (over: Partial<BookingDoc>): Doc => ({ ...makeBooking({ id: 'b', ...over }) }) as unknown as Doc;
const resolve = (assumed: Doc, master: Doc, mine: Doc) =>
  resolveConflict('bookings', { assumedMasterState: assumed, realMasterState: master, newDocumentState: mine });

describe('bookings conflict policy', () => {
  const assumed = doc({ status: 'confirmed', serverRev: 5 });
  it('keeps the server’s verdict when the desk changed nothing itself', () => {
    const master = doc({ status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server', serverRev: 9 });
    expect(resolve(assumed, master, doc({ status: 'confirmed', serverRev: 5 }))).toEqual(master);
  });
  it('re-applies a staff cancel or attendance on top of the server’s state', () => {
    const master = doc({ status: 'confirmed', decidedBy: 'server', serverRev: 9, updatedAt: cst(`${MONDAY} 09:00`) });
    expect(resolve(assumed, master, doc({ status: 'cancelled', reason: 'CANCELLED_BY_STAFF' }))).toMatchObject({ status: 'cancelled', decidedBy: 'desk', serverRev: 9 });
    expect(resolve(assumed, master, doc({ status: 'attended', checkInId: 'ci-1' }))).toMatchObject({ status: 'attended', checkInId: 'ci-1' });
  });
  it('converges when two desks released the same no-show', () => {
    const master = doc({ status: 'no-show', reason: 'NO_SHOW_RELEASED', decidedBy: 'server', serverRev: 9 });
    expect(resolve(assumed, master, doc({ status: 'no-show', reason: 'NO_SHOW_RELEASED', updatedAt: cst(`${MONDAY} 10:16`) }))).toEqual(master);
  });
  it('lets attendance win over a no-show release, whichever arrives first', () => {
    const attended = doc({ status: 'attended', checkInId: 'ci-1', serverRev: 9 });
    expect(resolve(assumed, attended, doc({ status: 'no-show', reason: 'NO_SHOW_RELEASED' }))).toEqual(attended);
    const released = doc({ status: 'no-show', reason: 'NO_SHOW_RELEASED', serverRev: 9 });
    expect(resolve(assumed, released, doc({ status: 'attended', checkInId: 'ci-1' }))).toMatchObject({ status: 'attended', checkInId: 'ci-1', serverRev: 9 });
  });
  it('keeps an acknowledgement made offline', () => {
    const master = doc({ status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server', serverRev: 9 });
    const ack = { staffId: 's-1', at: cst(`${MONDAY} 09:00`), note: '已告知' };
    expect(resolve(doc({ status: 'waitlisted', serverRev: 7 }), master, doc({ status: 'waitlisted', ack }))).toMatchObject({ reason: 'SLOT_FULL', ack });
  });
});
