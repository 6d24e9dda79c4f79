/**
 * JSON schemas of the members' API (validator, serializer and OpenAPI at once) and the views
 * that turn documents into answers. The serializer writes only the declared fields, so desk and
 * staff ids inside a booking never reach a phone.
 */
import { BOOKING_REASONS } from '../../shared/domain/reason-codes';
import { BOOKING_STATUSES } from '../../shared/schemas/index';
import { docIdSchema } from '../../shared/ids';
import type { StationDay } from '../repositories/member-day';

const ts = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$', maxLength: 30 } as const;
/** Booking, venue and class ids: the one id shape (docs/sync-protocol.md, "Ids"). */
const id = docIdSchema;

export const sessionBody = (stationIdSchema: object) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['stationId', 'cardNo', 'phoneTail'],
    properties: {
      stationId: stationIdSchema,
      cardNo: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' },
      phoneTail: { type: 'string', pattern: '^[0-9]{4}$' },
    },
  }) as const;

/** Sign-in with the member's pass (the QR text); not throttled per card: a pass cannot be guessed. */
export const passSessionBody = (stationIdSchema: object, passMaxLength: number) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['stationId', 'pass'],
    properties: {
      stationId: stationIdSchema,
      pass: { type: 'string', minLength: 1, maxLength: passMaxLength, pattern: '^[A-Za-z0-9_.-]+$' },
    },
  }) as const;

export const sessionReply = {
  type: 'object',
  required: ['accessToken', 'expiresAt', 'member'],
  properties: {
    accessToken: { type: 'string' },
    expiresAt: { type: 'integer', description: 'ms since epoch' },
    member: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, stationId: { type: 'string' } } },
  },
} as const;

export const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['slot'],
  properties: {
    id: { ...id, minLength: 8, description: 'Client-made id (e.g. a ULID): a retry with the same id is answered with the same booking' },
    slot: {
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'venueId', 'startsAt'],
          properties: { kind: { const: 'venue' }, venueId: id, startsAt: ts },
        },
        { type: 'object', additionalProperties: false, required: ['kind', 'sessionId'], properties: { kind: { const: 'session' }, sessionId: id } },
      ],
    },
  },
} as const;

const bookingSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    venueId: { type: 'string' },
    sessionId: { type: 'string' },
    slotKey: { type: 'string' },
    startsAt: { type: 'string' },
    endsAt: { type: 'string' },
    status: { type: 'string', enum: [...BOOKING_STATUSES] },
    reason: { type: 'string', enum: [...BOOKING_REASONS] },
    source: { type: 'string' },
    requestedAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const bookingReply = { type: 'object', properties: { booking: bookingSchema, position: { type: 'integer' } } } as const;

export const bookingsReply = {
  type: 'object',
  properties: {
    bookings: { type: 'array', items: bookingSchema },
    ban: { type: 'object', properties: { banned: { type: 'boolean' }, until: { type: ['string', 'null'] }, count: { type: 'integer' } } },
  },
} as const;

const load = {
  slotKey: { type: 'string' },
  startsAt: { type: 'string' },
  endsAt: { type: 'string' },
  capacity: { type: 'integer' },
  taken: { type: 'integer' },
  waiting: { type: 'integer' },
  free: { type: 'integer' },
  over: { type: 'boolean' },
} as const;

export const slotsReply = {
  type: 'object',
  properties: {
    date: { type: 'string' },
    venues: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          nameEn: { type: 'string' },
          kind: { type: 'string' },
          fault: { type: 'string', enum: ['ok', 'flagged', 'blocked'], description: "'blocked': out of service, bookings are refused" },
          slots: { type: 'array', items: { type: 'object', properties: load } },
        },
      },
    },
    sessions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, title: { type: 'string' }, titleEn: { type: 'string' }, venueId: { type: 'string' }, instructor: { type: 'string' }, ...load },
      },
    },
  },
} as const;

export const dayView = (date: string, day: StationDay) => ({
  date,
  venues: day.timeline.venues.map(({ venue, slots }) => ({ ...venue, fault: day.faults.get(venue.id) ?? 'ok', slots })),
  sessions: day.timeline.sessions.map(({ session, load: l }) => ({ ...session, ...l })),
});
