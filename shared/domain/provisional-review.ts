/**
 * Review of provisional admissions (docs/domain-rules.md: an unknown card offline is admitted provisionally
 * and flagged for review after sync).
 *
 * Check-ins are append-only, so the review cannot be a flag on them. Instead the first
 * provisional admission of a card opens a review ticket: a `members` document with source
 * 'provisional' for that card number (members merge field by field and may change). The
 * provisional check-ins name the ticket as their member, so later scans of the card find it
 * (duplicates, check-out) while the check-in rule still treats it as unknown (check-in.ts).
 * A ticket is open until staff review it, on any desk of the station (tickets sync):
 *  - matched:    the roster now knows the card (a member that is not provisional has the same
 *                card number): the ticket is retired (a tombstone); the check-ins keep the badge;
 *  - registered: the card is still unknown and the person may use the station: the ticket
 *                becomes a walk-in member in place (same id, so the provisional check-ins
 *                already point at that member), valid to the end of the local year;
 *  - blocked:    the card is still unknown and must not be admitted: the ticket becomes a
 *                suspended walk-in, so the next scan is denied MEMBER_SUSPENDED.
 */
import type { MemberCategory, MemberDoc } from '../schemas/members';
import { toIso, toMs, type Instant, type StationClock } from './time';

export const isProvisional = (member: Pick<MemberDoc, 'source'>): boolean => member.source === 'provisional';

/** The member a card number stands for, from every document with that card: a real member first, else the oldest ticket. */
export const pickCardMember = (docs: readonly MemberDoc[]): MemberDoc | null => {
  const rank = (m: MemberDoc) => (m.source === 'server' ? 0 : m.source === 'walk-in' ? 1 : 2);
  return [...docs].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0] ?? null;
};

/** A new review ticket for an unknown card admitted at `now`. */
export const provisionalTicket = (fields: { id: string; stationId: string; cardNo: string; now: Instant }): MemberDoc => {
  const at = toIso(fields.now);
  return {
    id: fields.id,
    stationId: fields.stationId,
    serverRev: 0,
    updatedAt: at,
    name: '',
    phoneMasked: '',
    phoneTail: '',
    cardNo: fields.cardNo,
    category: 'other',
    status: 'active',
    validUntil: at,
    source: 'provisional',
  };
};

export type ReviewState = { kind: 'known'; member: MemberDoc } | { kind: 'unknown' };

/** Whether the roster now knows the ticket's card (`sameCard`: every member doc with that card number). */
export const reviewState = (ticket: MemberDoc, sameCard: readonly MemberDoc[]): ReviewState => {
  const known = pickCardMember(sameCard.filter((m) => m.id !== ticket.id && !isProvisional(m) && m.cardNo === ticket.cardNo));
  return known ? { kind: 'known', member: known } : { kind: 'unknown' };
};

export interface WalkInFields {
  name: string;
  /** Last four digits of the phone, or ''. */
  phoneTail: string;
  category: MemberCategory;
}

export type WalkInError = 'NOT_PROVISIONAL' | 'NAME_REQUIRED' | 'NAME_TOO_LONG' | 'BAD_PHONE_TAIL';
export type ReviewResult = { ok: true; member: MemberDoc } | { ok: false; error: WalkInError };

export const NAME_MAX_LENGTH = 60;

/** End of the local calendar year containing `now` (inclusive, whole second), as validity. */
export const endOfLocalYear = (station: StationClock, now: Instant): string => {
  const offset = station.utcOffsetMinutes * 60_000;
  const year = new Date(toMs(now) + offset).getUTCFullYear();
  return toIso(Date.UTC(year + 1, 0, 1) - offset - 1000);
};

/** The ticket turned into a walk-in member (same id), valid to the end of the local year. */
export const registerWalkIn = (ticket: MemberDoc, fields: WalkInFields, station: StationClock, now: Instant): ReviewResult => {
  if (!isProvisional(ticket)) return { ok: false, error: 'NOT_PROVISIONAL' };
  const name = fields.name.trim().replace(/\s+/g, ' ');
  if (name === '') return { ok: false, error: 'NAME_REQUIRED' };
  if (name.length > NAME_MAX_LENGTH) return { ok: false, error: 'NAME_TOO_LONG' };
  const tail = fields.phoneTail.trim();
  if (!/^(\d{4})?$/.test(tail)) return { ok: false, error: 'BAD_PHONE_TAIL' };
  return {
    ok: true,
    member: {
      ...ticket,
      updatedAt: toIso(now),
      name,
      phoneTail: tail,
      phoneMasked: tail ? `****${tail}` : '',
      category: fields.category,
      status: 'active',
      validUntil: endOfLocalYear(station, now),
      source: 'walk-in',
    },
  };
};

/** The ticket turned into a suspended walk-in: the card is refused from now on. */
export const blockCard = (ticket: MemberDoc, now: Instant): ReviewResult => {
  if (!isProvisional(ticket)) return { ok: false, error: 'NOT_PROVISIONAL' };
  const at = toIso(now);
  return { ok: true, member: { ...ticket, updatedAt: at, status: 'suspended', validUntil: at, source: 'walk-in' } };
};
