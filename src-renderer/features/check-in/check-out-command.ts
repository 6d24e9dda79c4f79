/**
 * Check-out at the desk: by scan in check-out mode (F9), by picking a member in the search, or by
 * the button on a visit in the recent list. The rules are shared/domain/check-out.ts; a check-out
 * is the one update a check-in ever gets, and it names the staff member on duty (`checkedOutBy`).
 * Closing time is closing-check-out.ts (it names the system).
 */
import type { PassStatus } from '../../../shared/domain/check-in';
import { checkOutVisit, openVisitsOf, type CheckOutError, type CheckOutMethod, type Visitor } from '../../../shared/domain/check-out';
import type { CheckInDoc, MemberDoc } from '../../../shared/schemas/index';
import { parseBadgeInput, type BadgeInput } from './badge-input';
import { openVisits, type CheckInContext } from './check-in-command';
import { DESK_RESOLVERS, type ScanResolvers } from './scan-resolvers';

export type CheckOutOutcome =
  /** `visits`: the visits just ended, as stored. */
  | { kind: 'checked-out'; member: MemberDoc | null; badge: string; visits: CheckInDoc[] }
  | { kind: 'not-inside'; member: MemberDoc | null; badge: string }
  /** A pass whose signature cannot be trusted names no one. */
  | { kind: 'pass-refused'; status: PassStatus }
  | { kind: 'input-error'; error: Extract<BadgeInput, { ok: false }>['error'] }
  | { kind: 'unreadable' };

const UNTRUSTED: readonly PassStatus[] = ['bad-signature', 'unknown-key'];

/** Ends every open visit of this person. */
export const checkOutPerson = async (
  ctx: CheckInContext,
  who: Visitor,
  member: MemberDoc | null,
  method: CheckOutMethod,
): Promise<CheckOutOutcome> => {
  const open = openVisitsOf(await openVisits(ctx), who, ctx.station, ctx.now);
  if (open.length === 0) return { kind: 'not-inside', member, badge: who.badge };
  const visits: CheckInDoc[] = [];
  for (const visit of open) {
    const result = checkOutVisit(visit, ctx.station, ctx.now, method, ctx.staffId);
    if (result.ok) visits.push(await ctx.repos.checkins.checkOut(visit.id, result.doc.checkedOutAt!, method, ctx.staffId));
  }
  return { kind: 'checked-out', member, badge: who.badge, visits };
};

/** A member picked in the search, in check-out mode. */
export const checkOutMember = (ctx: CheckInContext, member: MemberDoc): Promise<CheckOutOutcome> =>
  checkOutPerson(ctx, { memberId: member.id, badge: member.cardNo }, member, 'manual');

/** A scan (or a typed card number) in check-out mode. */
export const checkOutScan = async (
  ctx: CheckInContext,
  text: string,
  resolvers: ScanResolvers = DESK_RESOLVERS,
): Promise<CheckOutOutcome> => {
  if (resolvers.classify(text) === 'pass') {
    const pass = await resolvers.resolvePass(ctx.repos, text, ctx.now);
    if (pass.kind === 'unreadable') return { kind: 'unreadable' };
    if (UNTRUSTED.includes(pass.status) || pass.memberId === '') return { kind: 'pass-refused', status: pass.status };
    return checkOutPerson(ctx, { memberId: pass.memberId, badge: pass.badge }, pass.member, 'scan');
  }
  const parsed = parseBadgeInput(text);
  if (!parsed.ok) return { kind: 'input-error', error: parsed.error };
  const member = await ctx.repos.members.findByCard(parsed.value);
  return checkOutPerson(ctx, { memberId: member?.id ?? '', badge: parsed.value }, member, 'scan');
};

/**
 * The check-out button on one visit. The person leaves, so their other open visits end too
 * (`others`: admitted at another desk while the two were offline, see shared/domain/occupancy.ts).
 */
export const checkOutRecord = async (
  ctx: CheckInContext,
  checkIn: CheckInDoc,
): Promise<{ ok: true; doc: CheckInDoc; others: CheckInDoc[] } | { ok: false; error: CheckOutError }> => {
  const result = checkOutVisit(checkIn, ctx.station, ctx.now, 'manual', ctx.staffId);
  if (!result.ok) return result;
  const doc = await ctx.repos.checkins.checkOut(checkIn.id, result.doc.checkedOutAt!, 'manual', ctx.staffId);
  const rest = openVisitsOf(await openVisits(ctx), checkIn, ctx.station, ctx.now).filter((c) => c.id !== checkIn.id);
  const others: CheckInDoc[] = [];
  for (const visit of rest) {
    const ended = checkOutVisit(visit, ctx.station, ctx.now, 'manual', ctx.staffId);
    if (ended.ok) others.push(await ctx.repos.checkins.checkOut(visit.id, ended.doc.checkedOutAt!, 'manual', ctx.staffId));
  }
  return { ok: true, doc, others };
};
