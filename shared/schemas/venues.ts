/** `venues`: bookable spaces (courts, rooms, floors) and bookable devices. Written by the server. */
import { syncedProperties, syncedRequired, textField, type CollectionSchema, type SyncedFields } from './common';

export const VENUE_KINDS = ['court', 'room', 'floor', 'device'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

export interface VenueDoc extends SyncedFields {
  name: string;
  /** English name for the English UI; '' falls back to `name`. */
  nameEn: string;
  kind: VenueKind;
  /** People per slot. */
  capacity: number;
  /** Length of one bookable slot in minutes. */
  slotMinutes: number;
  /** Administrative state; faults are derived from equipment logs, not stored here. */
  active: boolean;
}

export const venueSchema: CollectionSchema = {
  version: 0,
  title: 'venues',
  description: 'Bookable spaces and devices',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    name: textField(100),
    nameEn: textField(100),
    kind: { type: 'string', enum: [...VENUE_KINDS] },
    capacity: { type: 'integer', minimum: 1, maximum: 10000 },
    slotMinutes: { type: 'integer', minimum: 5, maximum: 1440 },
    active: { type: 'boolean' },
  },
  required: [...syncedRequired, 'name', 'nameEn', 'kind', 'capacity', 'slotMinutes', 'active'],
  additionalProperties: false,
};
