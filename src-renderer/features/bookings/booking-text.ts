/**
 * Words and times for bookings: station-local times (the station's fixed UTC offset, whatever
 * the desk PC's time zone), status and reason labels in the UI language.
 */
import type { TFunction } from 'i18next';
import { MINUTE_MS, toMs, type Instant } from '../../../shared/domain/index';
import type { BookingDoc, SessionDoc, StationDoc, VenueDoc } from '../../../shared/schemas/index';

type Clock = Pick<StationDoc, 'utcOffsetMinutes'>;
const shifted = (station: Clock, t: Instant) => new Date(toMs(t) + station.utcOffsetMinutes * MINUTE_MS);
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'zh-CN');

/** "15:00" at the station. */
export const localTime = (station: Clock, t: Instant): string => shifted(station, t).toISOString().slice(11, 16);

/** "11月30日 周一" / "Mon 30 Nov" at the station. */
export const localDay = (station: Clock, t: Instant, language: string): string =>
  new Intl.DateTimeFormat(locale(language), { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(shifted(station, t));

export const venueName = (venue: Pick<VenueDoc, 'name' | 'nameEn'> | null | undefined, language: string): string =>
  venue ? (language === 'en' && venue.nameEn ? venue.nameEn : venue.name) : '';

export const sessionTitle = (session: Pick<SessionDoc, 'title' | 'titleEn'> | null | undefined, language: string): string =>
  session ? (language === 'en' && session.titleEn ? session.titleEn : session.title) : '';

/** "羽毛球场 · 11月30日 周一 15:00–16:00" (the class title instead of the venue for a class). */
export const slotText = (
  station: Clock,
  b: Pick<BookingDoc, 'startsAt' | 'endsAt' | 'venueId' | 'sessionId'>,
  names: { venues: ReadonlyMap<string, VenueDoc>; sessions: ReadonlyMap<string, SessionDoc> },
  language: string,
): string => {
  const what = b.sessionId ? sessionTitle(names.sessions.get(b.sessionId), language) : venueName(names.venues.get(b.venueId), language);
  return `${what || b.venueId} · ${localDay(station, b.startsAt, language)} ${localTime(station, b.startsAt)}–${localTime(station, b.endsAt)}`;
};

/** What the booking's reason means here (a member's own cancellation in the app has no staff reason). */
export const bookingNote = (t: TFunction, b: Pick<BookingDoc, 'status' | 'reason' | 'decidedBy'>): string =>
  b.status === 'cancelled' && b.decidedBy === 'app' ? t('bookings.cancelledInApp') : t(`bookingReason.${b.reason}`);

export const STATUS_COLOR: Record<BookingDoc['status'], string> = {
  requested: 'default',
  confirmed: 'green',
  waitlisted: 'gold',
  rejected: 'red',
  cancelled: 'default',
  attended: 'blue',
  'no-show': 'volcano',
};

/** Interpolation values of `bookings.slot.load`. */
export const loadText = (load: { capacity: number; taken: number; waiting: number; free: number }) => ({
  capacity: load.capacity,
  taken: load.taken,
  waiting: load.waiting,
  free: load.free,
});
