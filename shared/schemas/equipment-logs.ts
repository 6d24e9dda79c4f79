/** `equipmentLogs`: append-only events of an equipment's life; status is derived from them. */
import { idField, syncedProperties, syncedRequired, textField, timestampField, type CollectionSchema, type SyncedFields } from './common';

export const EQUIPMENT_EVENTS = ['fault-reported', 'repair-started', 'repaired', 'inspected', 'retired'] as const;
export type EquipmentEvent = (typeof EQUIPMENT_EVENTS)[number];

/** `high` puts the equipment (and its venue) out of service: no new bookings. */
export const FAULT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type FaultSeverity = (typeof FAULT_SEVERITIES)[number];

/** Largest photo accepted (a JPEG data URL resized on the desk). */
export const PHOTO_MAX_LENGTH = 300_000;

export interface EquipmentLogDoc extends SyncedFields {
  equipmentId: string;
  event: EquipmentEvent;
  /** Only for 'fault-reported'; null otherwise. */
  severity: FaultSeverity | null;
  description: string;
  /** `data:image/jpeg;base64,...` or ''. */
  photo: string;
  at: string;
  deskId: string;
  staffId: string;
}

export const equipmentLogSchema: CollectionSchema = {
  version: 0,
  title: 'equipmentLogs',
  description: 'Append-only equipment events: faults, repairs, inspections',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    equipmentId: idField,
    event: { type: 'string', enum: [...EQUIPMENT_EVENTS] },
    severity: { type: ['string', 'null'], enum: [...FAULT_SEVERITIES, null] },
    description: textField(1000),
    photo: { type: 'string', maxLength: PHOTO_MAX_LENGTH, pattern: '^$|^data:image/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$' },
    at: timestampField,
    deskId: { type: 'string', maxLength: 40 },
    staffId: { type: 'string', maxLength: 40 },
  },
  required: [...syncedRequired, 'equipmentId', 'event', 'severity', 'description', 'photo', 'at', 'deskId', 'staffId'],
  indexes: ['equipmentId', 'at'],
  additionalProperties: false,
};
