/**
 * `members`: the roster cache of one station. Minimum PII only (PIPL): name, masked phone,
 * card number, category, validity. No national ID numbers on desks.
 */
import { idField, syncedProperties, syncedRequired, textField, timestampField, type CollectionSchema, type SyncedFields } from './common';

export const MEMBER_CATEGORIES = ['union-member', 'courier', 'driver', 'child', 'family', 'other'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

export const MEMBER_STATUSES = ['active', 'suspended', 'expired'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export interface MemberDoc extends SyncedFields {
  name: string;
  /** e.g. "138****5678": never the full number. */
  phoneMasked: string;
  /** The last four digits, for manual search at the desk. */
  phoneTail: string;
  /** Printed union card number (Code128 barcode). Unique per station. */
  cardNo: string;
  category: MemberCategory;
  status: MemberStatus;
  /** End of validity (inclusive), UTC timestamp. */
  validUntil: string;
  /** 'walk-in': registered at this desk; 'provisional': unknown card admitted offline, to review. */
  source: 'server' | 'walk-in' | 'provisional';
}

export const memberSchema: CollectionSchema = {
  // v1: `source` indexed (open review tickets are read at start; without it, the whole roster was)
  // v2: the desk stores name, phone and category sealed (docs/security.md); same documents
  version: 2,
  title: 'members',
  description: 'Roster cache: members known at this station',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    name: textField(60),
    phoneMasked: { type: 'string', maxLength: 20, pattern: '^[0-9*+ -]*$' },
    phoneTail: { type: 'string', maxLength: 4, pattern: '^[0-9]{0,4}$' },
    cardNo: { ...idField, pattern: '^[0-9A-Za-z-]{1,40}$' },
    category: { type: 'string', enum: [...MEMBER_CATEGORIES] },
    status: { type: 'string', enum: [...MEMBER_STATUSES] },
    validUntil: timestampField,
    source: { type: 'string', enum: ['server', 'walk-in', 'provisional'], maxLength: 12 },
  },
  required: [...syncedRequired, 'name', 'phoneMasked', 'phoneTail', 'cardNo', 'category', 'status', 'validUntil', 'source'],
  indexes: ['cardNo', 'phoneTail', 'source'],
  additionalProperties: false,
};
