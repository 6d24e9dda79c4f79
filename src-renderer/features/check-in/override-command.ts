/**
 * Manager override of a denial (docs/domain-rules.md). The manager types their PIN on the override pad
 * (session/staff-auth.ts: only an active manager passes); the denial stays recorded, and
 * the override is a second record (shared/domain/check-in-record.ts `applyOverride`) naming the
 * manager in `override.staffId` and the desk member on duty in `staffId`. An unknown card let in
 * this way is provisional and gets a review ticket like any other.
 */
import { applyOverride, type OverrideError } from '../../../shared/domain/check-in-record';
import type { StaffDoc } from '../../../shared/schemas/index';
import { recordDecision, type CheckInContext, type CheckInResult } from './check-in-command';

export type OverrideOutcome = { ok: true; result: CheckInResult } | { ok: false; error: OverrideError };

export const NOTE_MAX_LENGTH = 500;

export const overrideDenial = async (
  ctx: CheckInContext,
  denied: CheckInResult,
  manager: StaffDoc,
  note = '',
): Promise<OverrideOutcome> => {
  if (!denied.record) return { ok: false, error: 'NOT_DENIED' };
  const applied = applyOverride(denied.decision, manager, { now: ctx.now, note: note.trim().slice(0, NOTE_MAX_LENGTH) });
  if (!applied.ok) return applied;
  const { record, ended, decision, ticket } = await recordDecision(ctx, applied.decision, denied.method);
  const member = denied.member ?? ticket ?? (decision.memberId ? await ctx.repos.members.get(decision.memberId) : null);
  return { ok: true, result: { decision, member, record, method: denied.method, ended, scan: denied.scan } };
};
