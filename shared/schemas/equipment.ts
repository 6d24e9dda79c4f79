/**
 * `equipment`: inventory. Status is NOT stored here: it is derived from `equipmentLogs`
 * (shared rule `deriveEquipmentStatus`), so two desks can never disagree about it.
 */
import { syncedProperties, syncedRequired, textField, type CollectionSchema, type SyncedFields } from './common';

export const EQUIPMENT_CATEGORIES = [
  'treadmill',
  'bike',
  'vr',
  'smart-mirror',
  'blood-pressure',
  'aed',
  'strength',
  'microwave',
  'water-dispenser',
  'other',
] as const;
export type EquipmentCategory = (typeof EQUIPMENT_CATEGORIES)[number];

export interface EquipmentDoc extends SyncedFields {
  name: string;
  category: EquipmentCategory;
  /** Printed on the QR label; unique per station. */
  assetTag: string;
  /** Venue it stands in ('' if none): an out-of-service fault blocks bookings there. */
  venueId: string;
}

export const equipmentSchema: CollectionSchema = {
  version: 0,
  title: 'equipment',
  description: 'Equipment inventory (status derived from the log)',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    name: textField(100),
    category: { type: 'string', enum: [...EQUIPMENT_CATEGORIES] },
    assetTag: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]{1,40}$' },
    venueId: { type: 'string', maxLength: 40 },
  },
  required: [...syncedRequired, 'name', 'category', 'assetTag', 'venueId'],
  indexes: ['assetTag'],
  additionalProperties: false,
};
