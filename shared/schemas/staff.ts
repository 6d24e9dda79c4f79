/** `staff`: desk users. PINs are kept only as a PBKDF2 verifier, checked offline at the desk. */
import { syncedProperties, syncedRequired, textField, type CollectionSchema, type SyncedFields } from './common';

export const STAFF_ROLES = ['desk', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface PinVerifier {
  /** base64 */
  salt: string;
  /** base64 of PBKDF2-SHA256(pin, salt, iterations, 32 bytes) */
  hash: string;
  iterations: number;
}

export interface StaffDoc extends SyncedFields {
  name: string;
  role: StaffRole;
  pin: PinVerifier;
  active: boolean;
}

export const staffSchema: CollectionSchema = {
  version: 0,
  title: 'staff',
  description: 'Desk users with PIN verifiers',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    name: textField(60),
    role: { type: 'string', enum: [...STAFF_ROLES] },
    pin: {
      type: 'object',
      properties: {
        salt: { type: 'string', maxLength: 64 },
        hash: { type: 'string', maxLength: 128 },
        iterations: { type: 'integer', minimum: 1000, maximum: 10_000_000 },
      },
      required: ['salt', 'hash', 'iterations'],
      additionalProperties: false,
    },
    active: { type: 'boolean' },
  },
  required: [...syncedRequired, 'name', 'role', 'pin', 'active'],
  additionalProperties: false,
};
