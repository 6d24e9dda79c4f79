/**
 * The check-in command: a scan (card number, member pass) or a member picked by hand → the
 * shared decision rule (shared/domain/check-in.ts) against the local database → a durable record.
 * The whole path is local: it works the same offline.
 *
 * Around the rule: a duplicate (ALREADY_CHECKED_IN) records nothing and shows the earlier
 * check-in; every denial is recorded with its reason; an unknown card admitted provisionally
 * opens a review ticket first (shared/domain/provisional-review.ts), so the review list never
 * misses it; an admission ends the same person's earlier open visit and marks the booking it
 * attends (shared/domain/check-out.ts).
 *
 * One scan reads each thing once: the card's member, then the open visits (which decide
 * occupancy and, after the record is durable, which earlier visit the admission ends). What a
 * scan has read travels with it (`ScanReads`) instead of being asked for again.
 */
import { decideCheckIn, type CheckInDecision, type Scan } from '../../../shared/domain/check-in';
import { buildCheckInDoc } from '../../../shared/domain/check-in-record';
import { markAttended } from '../../../shared/domain/booking-waitlist';
import { occupancyFor, supersededVisits, type Visitor } from '../../../shared/domain/check-out';
import { provisionalTicket } from '../../../shared/domain/provisional-review';
import { DAY_MS, localDayStart, MINUTE_MS, toIso, toMs } from '../../../shared/domain/time';
import { ulid } from '../../../shared/ids';
import type { CheckInDoc, CheckInMethod, MemberDoc, StationDoc } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';
import { parseBadgeInput, type BadgeInput } from './badge-input';
import { DESK_RESOLVERS, type ScanResolvers } from './scan-resolvers';

/** Everything a desk action needs: where, who, and when. */
export interface CheckInContext {
  repos: Repositories;
  station: StationDoc;
  deskId: string;
  /** The staff member on duty ('' only at a desk whose station has no staff records). */
  staffId: string;
  online: boolean;
  now: number;
}

export interface CheckInResult {
  decision: CheckInDecision;
  /** The member to show (the roster member of a card or pass; a review ticket for an unknown card). */
  member: MemberDoc | null;
  /** The stored record; null when nothing new was recorded (ALREADY_CHECKED_IN). */
  record: CheckInDoc | null;
  method: CheckInMethod;
  /** Earlier open visits of the same person this admission ended. */
  ended: CheckInDoc[];
  /** What was read: a member pass is never shown as a card number. */
  scan?: Scan['kind'];
}

export type ScanOutcome =
  | { kind: 'result'; result: CheckInResult }
  | { kind: 'input-error'; error: Extract<BadgeInput, { ok: false }>['error'] }
  /** A pass read only in part: rescan; nothing recorded. */
  | { kind: 'unreadable' };

/** How far back an open visit can still be open (a night opening spans midnight). */
export const OPEN_LOOKBACK_MS = 2 * DAY_MS;

/**
 * Where the open-visits query starts: two days before the station's local day began. Tied to
 * the day, not to the scan's time, so the command asks exactly the query the check-in screen
 * keeps live (use-desk-data.ts): RxDB answers it from its query cache, kept current by its event
 * reduction, instead of reading two days of check-ins from IndexedDB on every scan (measured:
 * ~45 ms at 300 check-ins a day, and it grows with the station's traffic; bench/README.md).
 */
export const openVisitsSince = (station: StationDoc, now: number): string => openVisitsSinceDay(localDayStart(station, now));

/** The same, from the start (ms or ISO) of the station's local day. */
export const openVisitsSinceDay = (dayStart: number | string): string => toIso(toMs(dayStart) - OPEN_LOOKBACK_MS);

export const visitorOf = (scan: Scan): Visitor => ({
  memberId: scan.kind === 'pass' ? scan.memberId : (scan.member?.id ?? ''),
  badge: scan.badge,
});

export const openVisits = (ctx: CheckInContext): Promise<CheckInDoc[]> => ctx.repos.checkins.openSince(openVisitsSince(ctx.station, ctx.now));

/** What one scan has already read from the local database. */
export interface ScanReads {
  /** The open visits the decision counted (openVisits(ctx)). */
  open: CheckInDoc[];
  /** The card number was looked up in this scan and matched no member (nor review ticket). */
  cardUnknown: boolean;
}

/** The shared rule, fed from the local database, and the open visits it read. Writes nothing. */
export const decideScan = async (ctx: CheckInContext, scan: Scan): Promise<{ decision: CheckInDecision; open: CheckInDoc[] }> => {
  const { repos, station, now } = ctx;
  const who = visitorOf(scan);
  const windowStart = toIso(now - Math.max(station.rules.duplicateWindowMinutes, 1) * MINUTE_MS);
  const [open, recent, memberBookings] = await Promise.all([
    openVisits(ctx),
    who.memberId ? repos.checkins.forMemberSince(who.memberId, windowStart) : repos.checkins.forBadgeSince(who.badge, windowStart),
    who.memberId ? repos.bookings.forMember(who.memberId) : Promise.resolve([]),
  ]);
  const decision = decideCheckIn({
    station,
    now,
    scan,
    online: ctx.online,
    recentCheckIns: recent,
    occupancy: occupancyFor(open, who, station, now),
    memberBookings,
  });
  return { decision, open };
};

/**
 * Opens a review ticket for an unknown card admitted provisionally, unless the card has one (not
 * asked again when this scan has just looked the card up). Returns the ticket it used.
 */
const withTicket = async (
  ctx: CheckInContext,
  decision: CheckInDecision,
  cardUnknown: boolean,
): Promise<{ decision: CheckInDecision; ticket: MemberDoc | null }> => {
  if (!decision.provisional || decision.memberId !== '') return { decision, ticket: null };
  const existing = cardUnknown ? null : await ctx.repos.members.findByCard(decision.badge);
  const ticket =
    existing ??
    (await ctx.repos.members.upsert(provisionalTicket({ id: ulid(ctx.now), stationId: ctx.station.id, cardNo: decision.badge, now: ctx.now })));
  return { decision: { ...decision, memberId: ticket.id }, ticket };
};

/** Ends the person's earlier open visits and marks the attended booking: after the record is durable. */
const afterAdmission = async (ctx: CheckInContext, decision: CheckInDecision, record: CheckInDoc, seen: CheckInDoc[]): Promise<CheckInDoc[]> => {
  const open = seen.filter((c) => c.id !== record.id);
  const ended = supersededVisits(open, { memberId: record.memberId, badge: record.badge }, ctx.station, ctx.now, ctx.staffId);
  const written = await Promise.all(ended.map((c) => ctx.repos.checkins.checkOut(c.id, c.checkedOutAt!, 'scan', ctx.staffId)));
  const attended = decision.booking ? markAttended(decision.booking, record.id, ctx.now) : null;
  if (attended) await ctx.repos.bookings.save(attended);
  return written;
};

/**
 * Records a decision (nothing for a duplicate). The check-in is durable when this resolves.
 * `reads`: what the scan behind the decision has read already; without it (an override, later
 * than its scan) the database is asked afresh.
 */
export const recordDecision = async (
  ctx: CheckInContext,
  decision: CheckInDecision,
  method: CheckInMethod,
  reads?: ScanReads,
): Promise<{ record: CheckInDoc | null; ended: CheckInDoc[]; decision: CheckInDecision; ticket: MemberDoc | null }> => {
  if (!decision.record) return { record: null, ended: [], decision, ticket: null };
  const { decision: final, ticket } = await withTicket(ctx, decision, reads?.cardUnknown ?? false);
  const doc = buildCheckInDoc(final, { id: ulid(ctx.now), stationId: ctx.station.id, deskId: ctx.deskId, staffId: ctx.staffId, method, now: ctx.now });
  const record = await ctx.repos.checkins.record(doc!);
  let ended: CheckInDoc[] = [];
  if (record.outcome !== 'deny') {
    try {
      ended = await afterAdmission(ctx, final, record, reads?.open ?? (await openVisits(ctx)));
    } catch (error) {
      // The check-in itself is saved; the follow-ups are repeated by closing time at the latest.
      console.error('Station Desk: check-in saved, follow-up failed', error);
    }
  }
  return { record, ended, decision: final, ticket };
};

/**
 * Decides and records one scan. The member shown is the one the scan found (by card, or the
 * pass's member, both looked up once before this) or the review ticket just used.
 */
const decideAndRecord = async (ctx: CheckInContext, scan: Scan, method: CheckInMethod): Promise<CheckInResult> => {
  const { decision: decided, open } = await decideScan(ctx, scan);
  const cardUnknown = scan.kind === 'card' && scan.member === null;
  const { record, ended, decision, ticket } = await recordDecision(ctx, decided, method, { open, cardUnknown });
  return { decision, member: scan.member ?? ticket, record, method, ended, scan: scan.kind };
};

/** A card number (already normalized by parseBadgeInput). */
export const checkInCard = async (ctx: CheckInContext, badge: string, method: CheckInMethod): Promise<CheckInResult> => {
  const member = await ctx.repos.members.findByCard(badge);
  return decideAndRecord(ctx, { kind: 'card', badge, member }, method);
};

/** A member picked by manual search. */
export const checkInMember = (ctx: CheckInContext, member: MemberDoc): Promise<CheckInResult> =>
  decideAndRecord(ctx, { kind: 'card', badge: member.cardNo, member }, 'manual');

/** Whatever was scanned or typed: a pass, a card number, or bad input (which changes nothing). */
export const checkInScan = async (
  ctx: CheckInContext,
  text: string,
  method: CheckInMethod,
  resolvers: ScanResolvers = DESK_RESOLVERS,
): Promise<ScanOutcome> => {
  const kind = resolvers.classify(text);
  if (kind === 'pass') {
    const scan = await resolvers.resolvePass(ctx.repos, text, ctx.now);
    if (scan.kind === 'unreadable') return { kind: 'unreadable' };
    return { kind: 'result', result: await decideAndRecord(ctx, scan, method) };
  }
  const parsed = parseBadgeInput(text);
  if (!parsed.ok) return { kind: 'input-error', error: parsed.error };
  return { kind: 'result', result: await checkInCard(ctx, parsed.value, method) };
};
