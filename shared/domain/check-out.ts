/**
 * How a visit ends, besides closing time (occupancy.ts): by a scan in the desk's check-out mode,
 * by staff by hand, or by a new admission of the same person.
 *
 * What a scan of someone already inside means (decided here; summarized in docs/domain-rules.md):
 *  - inside the duplicate window: ALREADY_CHECKED_IN (check-in.ts): nothing new is recorded;
 *  - outside the window, in check-in mode: a new visit, decided like any scan. One person is
 *    inside at most once, so the earlier open visit ends at that moment (method 'scan'), and the
 *    capacity check does not count the person twice (`occupancyFor`): a re-scan of someone
 *    inside is never refused for AT_CAPACITY;
 *  - in check-out mode (a desk screen mode, F9): the scan ends the person's open visits.
 *    Check-out is never implied by a check-in scan: staff choose the mode, and the screen shows it.
 *
 * A person is the member id, or the badge when the scan matched no member (the same rule as the
 * duplicate check). Check-out changes only `checkedOutAt`/`checkOutMethod`/`checkedOutBy` (the
 * staff member who ended the visit, docs/security.md): check-ins stay append-only otherwise (the
 * server enforces it, server/services/sync/immutability.ts).
 */
import type { CheckInDoc } from '../schemas/checkins';
import { isInside, visitorKey, visitorsInside } from './occupancy';
import { toIso, toMs, type Instant, type StationHours } from './time';

export type CheckOutMethod = NonNullable<CheckInDoc['checkOutMethod']>;

/** Who a visit belongs to: the member, or the badge of an unmatched scan. */
export interface Visitor {
  memberId: string;
  badge: string;
}

export const sameVisitor = (checkIn: Pick<CheckInDoc, 'memberId' | 'badge'>, who: Visitor): boolean => visitorKey(checkIn) === visitorKey(who);

/** This person's visits that are open at `now`, newest first. */
export const openVisitsOf = (checkIns: readonly CheckInDoc[], who: Visitor, station: StationHours, now: Instant): CheckInDoc[] =>
  checkIns
    .filter((c) => sameVisitor(c, who) && isInside(c, station, now))
    .sort((a, b) => toMs(b.at) - toMs(a.at) || (a.id < b.id ? 1 : -1));

/** Occupancy as the capacity check for this person sees it: everyone inside but them. */
export const occupancyFor = (checkIns: readonly CheckInDoc[], who: Visitor, station: StationHours, now: Instant): number => {
  const inside = visitorsInside(checkIns, station, now);
  inside.delete(visitorKey(who));
  return inside.size;
};

export type CheckOutError = 'NOT_ADMITTED' | 'ALREADY_CHECKED_OUT' | 'NOT_INSIDE';
export type CheckOutResult = { ok: true; doc: CheckInDoc } | { ok: false; error: CheckOutError };

/**
 * Ends one visit at `now`, by staff member `by`. Refused for a denial, a visit already checked
 * out, and a visit that is no longer open (the station closed since: the closing rule stamps that
 * one with its own time).
 */
export const checkOutVisit = (checkIn: CheckInDoc, station: StationHours, now: Instant, method: CheckOutMethod, by: string): CheckOutResult => {
  if (checkIn.outcome === 'deny') return { ok: false, error: 'NOT_ADMITTED' };
  if (checkIn.checkedOutAt !== null) return { ok: false, error: 'ALREADY_CHECKED_OUT' };
  if (!isInside(checkIn, station, now)) return { ok: false, error: 'NOT_INSIDE' };
  const at = toIso(now);
  return { ok: true, doc: { ...checkIn, checkedOutAt: at, checkOutMethod: method, checkedOutBy: by, updatedAt: at } };
};

/** The visits a new admission of `who` ends (their open visits, checked out at `now` by 'scan', by staff `by`). */
export const supersededVisits = (checkIns: readonly CheckInDoc[], who: Visitor, station: StationHours, now: Instant, by: string): CheckInDoc[] =>
  openVisitsOf(checkIns, who, station, now).flatMap((c) => {
    const result = checkOutVisit(c, station, now, 'scan', by);
    return result.ok ? [result.doc] : [];
  });
