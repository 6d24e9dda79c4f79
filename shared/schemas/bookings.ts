/**
 * `bookings`: a member booking a venue slot or a class session. Server-authoritative: the desk
 * decides optimistically with the shared rules, the server decides again under the station lock
 * and writes its verdict (`status`, `reason`, `decidedBy: 'server'`) into the document.
 */
import { BOOKING_REASONS, type BookingReason } from '../domain/reason-codes';
import { idField, syncedProperties, syncedRequired, textField, timestampField, type CollectionSchema, type SyncedFields } from './common';

export const BOOKING_STATUSES = [
  'requested',
  'confirmed',
  'waitlisted',
  'rejected',
  'cancelled',
  'attended',
  'no-show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface BookingAck {
  staffId: string;
  at: string;
  note: string;
}

export interface BookingDoc extends SyncedFields {
  memberId: string;
  /** Venue of the slot, or the session's venue. */
  venueId: string;
  /** '' for a venue-slot booking. */
  sessionId: string;
  /** What capacity is counted against: `venue:<venueId>:<startsAt>` or `session:<sessionId>`. */
  slotKey: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  reason: BookingReason;
  /** Who set the current status: the desk (optimistic) or the server (authoritative). */
  decidedBy: 'desk' | 'server' | 'app';
  source: 'desk' | 'app';
  /** When the member asked (client clock): orders the waitlist. */
  requestedAt: string;
  deskId: string;
  staffId: string;
  /** Check-in that marked it attended. */
  checkInId: string;
  /** Staff acknowledged a server verdict in the exception queue. */
  ack: BookingAck | null;
}

export const bookingSchema: CollectionSchema = {
  version: 0,
  title: 'bookings',
  description: 'Venue-slot and class bookings with server verdicts',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    memberId: idField,
    venueId: idField,
    sessionId: { type: 'string', maxLength: 40 },
    slotKey: { type: 'string', minLength: 1, maxLength: 120 },
    startsAt: timestampField,
    endsAt: timestampField,
    status: { type: 'string', enum: [...BOOKING_STATUSES] },
    reason: { type: 'string', enum: [...BOOKING_REASONS] },
    decidedBy: { type: 'string', enum: ['desk', 'server', 'app'] },
    source: { type: 'string', enum: ['desk', 'app'] },
    requestedAt: timestampField,
    deskId: { type: 'string', maxLength: 40 },
    staffId: { type: 'string', maxLength: 40 },
    checkInId: { type: 'string', maxLength: 40 },
    ack: {
      type: ['object', 'null'],
      properties: { staffId: idField, at: timestampField, note: textField(500) },
      required: ['staffId', 'at', 'note'],
      additionalProperties: false,
    },
  },
  required: [
    ...syncedRequired,
    'memberId',
    'venueId',
    'sessionId',
    'slotKey',
    'startsAt',
    'endsAt',
    'status',
    'reason',
    'decidedBy',
    'source',
    'requestedAt',
    'deskId',
    'staffId',
    'checkInId',
    'ack',
  ],
  indexes: ['slotKey', 'startsAt', 'memberId'],
  additionalProperties: false,
};
