/**
 * The check-in decision for one scan: admit, admit with a warning, or deny, with the reason code
 * the UI translates and the log keeps. Desk and server run the same function.
 *
 * Precedence (the first rule that denies is the reason):
 *  1. badge     pass: BAD_SIGNATURE (also for an unknown key: it cannot be verified),
 *               PASS_REVOKED, PASS_EXPIRED, PASS_NOT_YET_VALID;
 *               card: UNKNOWN_BADGE, unless offline with `allowProvisional` → provisional admission
 *  2. member    MEMBER_SUSPENDED, then MEMBER_EXPIRED (status 'expired' or validUntil passed)
 *  3. duplicate ALREADY_CHECKED_IN: not a denial: show the earlier check-in, record nothing
 *  4. station   STATION_CLOSED, then AT_CAPACITY (capacity 0 = unlimited)
 *  5. booking   with `bookingRequired` and no booking covering now: NO_SHOW_BAN if the member is
 *               banned (booking on the spot is no way in for them), else BOOKING_REQUIRED
 * The badge must be genuine before anything about the member means something; a suspended member
 * is refused even if inside; a re-scan of someone inside must never be refused for capacity.
 *
 * Warnings (admit-with-warning; `reason` is then the first warning): PROVISIONAL_UNKNOWN_CARD,
 * TRUST_DATA_STALE (pass scans only, trust older than `trustMaxAgeHours`; 0 disables),
 * NO_SHOW_BAN (a banned member admitted: walk-in where bookings are optional, or an earlier
 * booking that the ban does not cancel). A denial carries TRUST_DATA_STALE too, as context.
 *
 * A card whose member doc is itself 'provisional' (admitted unknown before, not yet reviewed)
 * still counts as unknown. A valid pass of a member missing from the roster is admitted: the
 * server's signature vouches for the member.
 */
import type { BookingDoc } from '../schemas/bookings';
import type { CheckInDoc, CheckInOutcome, CheckInOverride } from '../schemas/checkins';
import type { MemberDoc } from '../schemas/members';
import type { StationDoc } from '../schemas/stations';
import type { CheckInReason } from './reason-codes';
import { compareWaitlist, coversCheckIn, DEFAULT_CHECK_IN_LEAD_MINUTES } from './bookings';
import { noShowBan } from './booking-no-show';
import { HOUR_MS, isOpenAt, MINUTE_MS, toMs, type Instant } from './time';

/** What the offline pass verifier concluded (the cryptography lives elsewhere). */
export type PassStatus = 'valid' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'revoked' | 'unknown-key';

export interface CardScan {
  kind: 'card';
  /** The normalized card number. */
  badge: string;
  /** The roster member with this card number, or null. */
  member: MemberDoc | null;
}

export interface PassScan {
  kind: 'pass';
  /** The pass id (or its payload digest). */
  badge: string;
  status: PassStatus;
  /** From the pass payload. */
  memberId: string;
  /** The roster member with that id, if this desk knows them. */
  member: MemberDoc | null;
  /** When keys and revocations were last refreshed; null = never. */
  trustUpdatedAt: Instant | null;
}

export type Scan = CardScan | PassScan;

export interface CheckInInput {
  station: Pick<StationDoc, 'utcOffsetMinutes' | 'openingHours' | 'capacity' | 'rules'>;
  now: Instant;
  scan: Scan;
  online: boolean;
  /** Recent check-ins of this member or badge (others are ignored). */
  recentCheckIns: readonly CheckInDoc[];
  /** People inside now: `occupancy(...)`. */
  occupancy: number;
  /** The member's bookings (booking cover, no-show ban). */
  memberBookings: readonly BookingDoc[];
  /** How early before its start a booking admits; default 30 min. */
  leadMinutes?: number;
}

export interface CheckInDecision {
  outcome: CheckInOutcome;
  /** The deciding code: OK, a denial, ALREADY_CHECKED_IN, MANAGER_OVERRIDE or the first warning. */
  reason: CheckInReason;
  /** Every warning that applies. */
  warnings: CheckInReason[];
  /** False only for ALREADY_CHECKED_IN: nothing new is recorded. */
  record: boolean;
  /** Admitted although the card is unknown: staff review it after sync. */
  provisional: boolean;
  /** The badge matched no (reviewed) roster member. */
  unknownCard: boolean;
  memberId: string;
  badge: string;
  /** For ALREADY_CHECKED_IN: the check-in to show again. */
  earlier: CheckInDoc | null;
  /** The booking this visit attends (mark it attended after recording). */
  booking: BookingDoc | null;
  override: CheckInOverride | null;
}

const PASS_REASONS: Record<PassStatus, CheckInReason> = {
  valid: 'OK',
  'bad-signature': 'BAD_SIGNATURE',
  'unknown-key': 'BAD_SIGNATURE',
  revoked: 'PASS_REVOKED',
  expired: 'PASS_EXPIRED',
  'not-yet-valid': 'PASS_NOT_YET_VALID',
};

const WARNING_ORDER: readonly CheckInReason[] = ['PROVISIONAL_UNKNOWN_CARD', 'TRUST_DATA_STALE', 'NO_SHOW_BAN'];

export const isTrustStale = (trustUpdatedAt: Instant | null, now: Instant, maxAgeHours: number): boolean =>
  maxAgeHours > 0 && (trustUpdatedAt === null || toMs(now) - toMs(trustUpdatedAt) > maxAgeHours * HOUR_MS);

/** The latest admitted, not checked-out check-in of this member (or badge) inside the window. */
export const findDuplicate = (
  recent: readonly CheckInDoc[],
  who: { memberId: string; badge: string },
  now: Instant,
  windowMinutes: number,
): CheckInDoc | null => {
  if (windowMinutes <= 0) return null;
  const t = toMs(now);
  let found: CheckInDoc | null = null;
  for (const c of recent) {
    if (c.outcome === 'deny') continue;
    if (who.memberId ? c.memberId !== who.memberId : c.badge !== who.badge) continue;
    if (t - toMs(c.at) >= windowMinutes * MINUTE_MS) continue;
    if (c.checkedOutAt !== null && toMs(c.checkedOutAt) <= t) continue;
    const diff = found ? toMs(c.at) - toMs(found.at) : 1;
    if (diff > 0 || (diff === 0 && c.id > found!.id)) found = c;
  }
  return found;
};

/** The member's booking that covers `now`, earliest start first. */
export const coveringBooking = (
  bookings: readonly BookingDoc[],
  memberId: string,
  now: Instant,
  checkInWindowMinutes: number,
  leadMinutes: number = DEFAULT_CHECK_IN_LEAD_MINUTES,
): BookingDoc | null =>
  bookings
    .filter((b) => memberId !== '' && b.memberId === memberId && coversCheckIn(b, now, checkInWindowMinutes, leadMinutes))
    .sort((a, b) => toMs(a.startsAt) - toMs(b.startsAt) || compareWaitlist(a, b))[0] ?? null;

export const decideCheckIn = (input: CheckInInput): CheckInDecision => {
  const { station, scan, now } = input;
  const rules = station.rules;
  const t = toMs(now);
  const stale = scan.kind === 'pass' && isTrustStale(scan.trustUpdatedAt, t, rules.trustMaxAgeHours);
  const known = scan.member !== null && scan.member.source !== 'provisional' ? scan.member : null;
  const unknownCard = scan.kind === 'card' && known === null;
  const memberId = scan.kind === 'pass' ? scan.memberId : (scan.member?.id ?? '');
  const base = { record: true, provisional: false, unknownCard, memberId, badge: scan.badge, earlier: null, booking: null, override: null };
  const deny = (reason: CheckInReason): CheckInDecision => ({
    ...base,
    outcome: 'deny',
    reason,
    warnings: stale ? ['TRUST_DATA_STALE'] : [],
  });

  const warnings = new Set<CheckInReason>(stale ? ['TRUST_DATA_STALE'] : []);
  const warningList = (): CheckInReason[] => WARNING_ORDER.filter((w) => warnings.has(w));
  if (scan.kind === 'pass' && scan.status !== 'valid') return deny(PASS_REASONS[scan.status]);
  if (unknownCard) {
    if (input.online || !rules.allowProvisional) return deny('UNKNOWN_BADGE');
    warnings.add('PROVISIONAL_UNKNOWN_CARD');
  }
  if (known?.status === 'suspended') return deny('MEMBER_SUSPENDED');
  if (known && (known.status === 'expired' || t > toMs(known.validUntil))) return deny('MEMBER_EXPIRED');

  const earlier = findDuplicate(input.recentCheckIns, { memberId, badge: scan.badge }, t, rules.duplicateWindowMinutes);
  if (earlier) {
    return { ...base, outcome: 'admit-with-warning', reason: 'ALREADY_CHECKED_IN', warnings: warningList(), record: false, earlier };
  }
  if (!isOpenAt(station, t)) return deny('STATION_CLOSED');
  if (station.capacity > 0 && input.occupancy >= station.capacity) return deny('AT_CAPACITY');

  const own = input.memberBookings.filter((b) => memberId !== '' && b.memberId === memberId);
  const banned = noShowBan(own, t, rules).banned;
  const booking = coveringBooking(own, memberId, t, rules.checkInWindowMinutes, input.leadMinutes);
  if (rules.bookingRequired && !booking) return deny(banned ? 'NO_SHOW_BAN' : 'BOOKING_REQUIRED');
  if (banned) warnings.add('NO_SHOW_BAN');

  const list = warningList();
  return {
    ...base,
    outcome: list.length > 0 ? 'admit-with-warning' : 'admit',
    reason: list[0] ?? 'OK',
    warnings: list,
    provisional: unknownCard,
    booking,
  };
};
