/** `sessions`: scheduled classes (减脂塑形, 街舞, 太极) in a venue. Written by the server. */
import { idField, syncedProperties, syncedRequired, textField, timestampField, type CollectionSchema, type SyncedFields } from './common';

export interface SessionDoc extends SyncedFields {
  title: string;
  titleEn: string;
  venueId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  instructor: string;
  cancelled: boolean;
}

export const sessionSchema: CollectionSchema = {
  version: 0,
  title: 'sessions',
  description: 'Scheduled classes',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    title: textField(100),
    titleEn: textField(100),
    venueId: idField,
    startsAt: timestampField,
    endsAt: timestampField,
    capacity: { type: 'integer', minimum: 1, maximum: 10000 },
    instructor: textField(60),
    cancelled: { type: 'boolean' },
  },
  required: [...syncedRequired, 'title', 'titleEn', 'venueId', 'startsAt', 'endsAt', 'capacity', 'instructor', 'cancelled'],
  indexes: ['startsAt'],
  additionalProperties: false,
};
