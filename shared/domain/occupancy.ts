/**
 * Who is inside: occupancy for AT_CAPACITY, and the automatic check-out at closing.
 *
 * Occupancy counts people, not visits: a person (the member, or the badge of a scan that matched
 * no member) with several open visits is inside once. Two desks that are offline can both admit
 * the same person (neither can know of the other's scan); both attempts are kept — the log is
 * append-only and each desk decided rightly with what it knew — so after sync today's count shows
 * two attempts while occupancy shows one person. The person's next check-out ends both visits.
 *
 * A visit ends at its check-out, or at the latest when the station closes: at the end of the
 * open interval the check-in happened in (a window spanning midnight closes after midnight). A
 * check-in made while closed (a manager override) ends at the end of the next opening if that
 * opening starts the same local day, else at local midnight; at a station that never closes a
 * visit ends at local midnight. So occupancy never carries yesterday's visitors, and
 * `checkOutAtClosing` stamps the closing time itself even when the desk runs it hours later
 * (it was off, or offline overnight): a visit's recorded end does not depend on when the rule runs.
 */
import { SYSTEM_STAFF_ID, type CheckInDoc } from '../schemas/checkins';
import { localDayEnd, nextOpenInterval, openIntervalAt, toIso, toMs, type Instant, type StationHours } from './time';

/** When a visit that began at `at` is closed automatically (epoch ms). */
export const visitEndsAt = (station: StationHours, at: Instant): number => {
  const dayEnd = localDayEnd(station, at);
  const current = openIntervalAt(station, at);
  if (current) return Number.isFinite(current.end) ? current.end : dayEnd;
  const next = nextOpenInterval(station, at);
  return next && next.start < dayEnd && Number.isFinite(next.end) ? next.end : dayEnd;
};

/**
 * A visit's start and end in ms, remembered per check-in object: occupancy is judged for every
 * open visit (a thousand at a busy station) several times per scan, and parsing the time and
 * finding its closing time each time cost ~10 ms a scan. Checked against the visit's time and
 * the station's hours, so a changed object or schedule is worked out again.
 */
interface VisitSpan {
  at: string;
  hours: StationHours['openingHours'];
  offset: number;
  startMs: number;
  endMs: number;
}
const spans = new WeakMap<object, VisitSpan>();
const spanOf = (checkIn: Pick<CheckInDoc, 'at'>, station: StationHours): VisitSpan => {
  let span = spans.get(checkIn);
  if (!span || span.at !== checkIn.at || span.hours !== station.openingHours || span.offset !== station.utcOffsetMinutes) {
    span = { at: checkIn.at, hours: station.openingHours, offset: station.utcOffsetMinutes, startMs: toMs(checkIn.at), endMs: visitEndsAt(station, checkIn.at) };
    spans.set(checkIn, span);
  }
  return span;
};

/** Whether this check-in's person is inside at `now`. */
export const isInside = (checkIn: CheckInDoc, station: StationHours, now: Instant): boolean => {
  const t = toMs(now);
  if (checkIn.outcome === 'deny') return false;
  const span = spanOf(checkIn, station);
  if (span.startMs > t) return false;
  if (checkIn.checkedOutAt !== null && toMs(checkIn.checkedOutAt) <= t) return false;
  return span.endMs > t;
};

/** Who a visit belongs to, as one key: the member, or the badge of a scan that matched no member. */
export const visitorKey = (visit: Pick<CheckInDoc, 'memberId' | 'badge'>): string =>
  visit.memberId ? `member:${visit.memberId}` : `badge:${visit.badge}`;

/** The people (visitor keys) inside at `now`. */
export const visitorsInside = (checkIns: readonly CheckInDoc[], station: StationHours, now: Instant): Set<string> =>
  new Set(checkIns.filter((c) => isInside(c, station, now)).map(visitorKey));

/** People inside at `now` (admitted, not checked out, station not closed since), each counted once. */
export const occupancy = (checkIns: readonly CheckInDoc[], station: StationHours, now: Instant): number =>
  visitorsInside(checkIns, station, now).size;

/**
 * The open check-ins whose closing time has passed by `now`, checked out at that closing time
 * (method 'closing'). Returns the updated copies to write.
 */
export const checkOutAtClosing = (checkIns: readonly CheckInDoc[], station: StationHours, now: Instant): CheckInDoc[] => {
  const t = toMs(now);
  const closed: CheckInDoc[] = [];
  for (const c of checkIns) {
    if (c.outcome === 'deny' || c.checkedOutAt !== null) continue;
    const end = visitEndsAt(station, c.at);
    if (end <= t) closed.push({ ...c, checkedOutAt: toIso(end), checkOutMethod: 'closing', checkedOutBy: SYSTEM_STAFF_ID, updatedAt: toIso(t) });
  }
  return closed;
};
