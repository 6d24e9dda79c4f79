import type { SessionDoc, VenueDoc } from '../../../shared/schemas/index';
import { synced } from './common';

/** An active floor venue (30 people, one-hour slots), with a new id. */
export const makeVenue = (over: Partial<VenueDoc> = {}): VenueDoc => ({
  ...synced(),
  name: '健身区',
  nameEn: 'Gym floor',
  kind: 'floor',
  capacity: 30,
  slotMinutes: 60,
  active: true,
  ...over,
});

/** A one-hour class of 10 places, 19:00 at the station on the day of T0, with a new id. */
export const makeSession = (over: Partial<SessionDoc> = {}): SessionDoc => ({
  ...synced(),
  title: '太极',
  titleEn: 'Tai chi',
  venueId: 'V-1',
  startsAt: '2026-11-29T11:00:00.000Z',
  endsAt: '2026-11-29T12:00:00.000Z',
  capacity: 10,
  instructor: '李老师',
  cancelled: false,
  ...over,
});
