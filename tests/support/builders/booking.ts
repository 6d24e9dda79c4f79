import type { BookingDoc } from '../../../shared/schemas/index';
import { synced } from './common';

const HOUR_MS = 3_600_000;

/**
 * A confirmed desk booking of a one-hour venue slot, with a new id. `endsAt` follows `startsAt`
 * (one hour) and `slotKey` follows `venueId` and `startsAt` unless given.
 */
export const makeBooking = (over: Partial<BookingDoc> = {}): BookingDoc => {
  const venueId = over.venueId ?? 'V-1';
  const startsAt = over.startsAt ?? '2026-11-29T02:00:00.000Z';
  return {
    ...synced(),
    memberId: 'M-1',
    venueId,
    sessionId: '',
    slotKey: `venue:${venueId}:${startsAt}`,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + HOUR_MS).toISOString(),
    status: 'confirmed',
    reason: 'OK',
    decidedBy: 'desk',
    source: 'desk',
    requestedAt: '2026-11-28T23:00:00.000Z',
    deskId: 'DESK-1',
    staffId: 'S-1',
    checkInId: '',
    ack: null,
    ...over,
  };
};

/** A venue-slot booking of `memberId` starting at `startsAt` (one hour). */
export const makeVenueBooking = (venueId: string, memberId: string, startsAt: string, over: Partial<BookingDoc> = {}): BookingDoc =>
  makeBooking({ venueId, memberId, startsAt, ...over });
