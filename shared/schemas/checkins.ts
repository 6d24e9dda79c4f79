/**
 * `checkins`: one document per scan attempt, admitted or denied. Append-only: the only update
 * is the check-out time (conflict policy: the latest check-out wins).
 */
import { CHECK_IN_REASONS, type CheckInReason } from '../domain/reason-codes';
import {
  idField,
  optionalTimestampField,
  syncedProperties,
  syncedRequired,
  textField,
  timestampField,
  type CollectionSchema,
  type SyncedFields,
} from './common';

export const CHECK_IN_OUTCOMES = ['admit', 'admit-with-warning', 'deny'] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export const CHECK_IN_METHODS = ['scanner', 'camera', 'manual'] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];

export interface CheckInOverride {
  /** Manager who overrode the denial (verified by PIN at the desk). */
  staffId: string;
  at: string;
  /** The reason that was overridden. */
  deniedFor: CheckInReason;
  note: string;
}

export interface CheckInDoc extends SyncedFields {
  /** '' when the badge matched no member. */
  memberId: string;
  /** What was scanned or typed, normalized (card number or pass id). */
  badge: string;
  method: CheckInMethod;
  outcome: CheckInOutcome;
  /** The deciding reason; 'OK' for a clean admission. */
  reason: CheckInReason;
  /** Extra warnings on an admission (e.g. TRUST_DATA_STALE). */
  warnings: CheckInReason[];
  /** When the scan happened (desk clock; informative, never used for sync ordering). */
  at: string;
  deskId: string;
  staffId: string;
  /** Booking this check-in attended, '' if none. */
  bookingId: string;
  override: CheckInOverride | null;
  /** Admitted while the card was unknown offline: staff review after sync. */
  provisional: boolean;
  checkedOutAt: string | null;
  checkOutMethod: 'scan' | 'manual' | 'closing' | null;
  /**
   * Who ended the visit: the staff member on duty, or `SYSTEM_STAFF_ID` for closing time. Null
   * while open; missing on check-outs recorded before schema v1 (and by desks older than it).
   */
  checkedOutBy?: string | null;
}

/**
 * Who a closing-time check-out names (`checkedOutBy`): no one ended those visits, the system did.
 * Every desk writes the same value, so two desks closing one visit still write the same document.
 */
export const SYSTEM_STAFF_ID = 'system';

const reason = { type: 'string', enum: [...CHECK_IN_REASONS] } as const;

export const checkInSchema: CollectionSchema = {
  // v1: `checkedOutBy` (optional: older check-outs and older desks have none)
  version: 1,
  title: 'checkins',
  description: 'Check-in attempts: admitted or denied, with reason',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    memberId: { type: 'string', maxLength: 40 },
    badge: textField(200),
    method: { type: 'string', enum: [...CHECK_IN_METHODS] },
    outcome: { type: 'string', enum: [...CHECK_IN_OUTCOMES] },
    reason,
    warnings: { type: 'array', items: reason, maxItems: 20 },
    at: timestampField,
    deskId: idField,
    staffId: { type: 'string', maxLength: 40 },
    bookingId: { type: 'string', maxLength: 40 },
    override: {
      type: ['object', 'null'],
      properties: { staffId: idField, at: timestampField, deniedFor: reason, note: textField(500) },
      required: ['staffId', 'at', 'deniedFor', 'note'],
      additionalProperties: false,
    },
    provisional: { type: 'boolean' },
    checkedOutAt: optionalTimestampField,
    checkOutMethod: { type: ['string', 'null'], enum: ['scan', 'manual', 'closing', null] },
    checkedOutBy: { type: ['string', 'null'], maxLength: 40 },
  },
  required: [
    ...syncedRequired,
    'memberId',
    'badge',
    'method',
    'outcome',
    'reason',
    'warnings',
    'at',
    'deskId',
    'staffId',
    'bookingId',
    'override',
    'provisional',
    'checkedOutAt',
    'checkOutMethod',
  ],
  indexes: ['at', ['memberId', 'at']],
  additionalProperties: false,
};
