/**
 * Turning a check-in decision into what is recorded: the manager override of a denial, and the
 * `checkins` document itself.
 *
 * Check-ins are append-only, so an override never rewrites the denial: the desk records the
 * denial first (every denied attempt is kept with its reason), then the override as a second
 * document: outcome admit-with-warning, reason MANAGER_OVERRIDE, and `override` naming the
 * manager and the overridden reason. Only an active staff member with role 'manager' may
 * override (the PIN check happens before, elsewhere). An unknown card admitted by override is
 * provisional: staff review it after sync like any other unknown card.
 */
import { truncateText } from '../text';
import type { CheckInDoc, CheckInMethod } from '../schemas/checkins';
import type { StaffDoc } from '../schemas/staff';
import type { CheckInDecision } from './check-in';
import { toIso, type Instant } from './time';

export type OverrideError = 'NOT_A_MANAGER' | 'STAFF_INACTIVE' | 'NOT_DENIED';

export type OverrideResult = { ok: true; decision: CheckInDecision } | { ok: false; error: OverrideError };

export interface OverrideInput {
  now: Instant;
  /** Why the manager let the member in (free text, may be ''). */
  note?: string;
}

export const canOverride = (staff: Pick<StaffDoc, 'role' | 'active'>): boolean => staff.active && staff.role === 'manager';

export const applyOverride = (
  decision: CheckInDecision,
  manager: Pick<StaffDoc, 'id' | 'role' | 'active'>,
  input: OverrideInput,
): OverrideResult => {
  if (decision.outcome !== 'deny') return { ok: false, error: 'NOT_DENIED' };
  if (!manager.active) return { ok: false, error: 'STAFF_INACTIVE' };
  if (manager.role !== 'manager') return { ok: false, error: 'NOT_A_MANAGER' };
  const warnings = decision.unknownCard
    ? ['PROVISIONAL_UNKNOWN_CARD' as const, ...decision.warnings.filter((w) => w !== 'PROVISIONAL_UNKNOWN_CARD')]
    : decision.warnings;
  return {
    ok: true,
    decision: {
      ...decision,
      outcome: 'admit-with-warning',
      reason: 'MANAGER_OVERRIDE',
      warnings,
      record: true,
      provisional: decision.unknownCard,
      override: { staffId: manager.id, at: toIso(input.now), deniedFor: decision.reason, note: truncateText(input.note ?? '', 500) },
    },
  };
};

export interface CheckInRecordFields {
  id: string;
  stationId: string;
  deskId: string;
  staffId: string;
  method: CheckInMethod;
  /** The scan time. */
  now: Instant;
}

/** The `checkins` document for a decision, or null when nothing is recorded (ALREADY_CHECKED_IN). */
export const buildCheckInDoc = (decision: CheckInDecision, fields: CheckInRecordFields): CheckInDoc | null => {
  if (!decision.record) return null;
  const at = toIso(fields.now);
  return {
    id: fields.id,
    stationId: fields.stationId,
    serverRev: 0,
    updatedAt: at,
    memberId: decision.memberId,
    badge: truncateText(decision.badge, 200),
    method: fields.method,
    outcome: decision.outcome,
    reason: decision.reason,
    warnings: [...decision.warnings],
    at,
    deskId: fields.deskId,
    staffId: fields.staffId,
    bookingId: decision.booking?.id ?? '',
    override: decision.override,
    provisional: decision.provisional,
    checkedOutAt: null,
    checkOutMethod: null,
  };
};
