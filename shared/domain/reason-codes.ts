/**
 * Reason codes: the vocabulary the desk, the server and the logs share. The UI translates
 * each code (i18n key `reason.<CODE>`); records keep the code, never a sentence.
 */

/** Why a check-in was denied, warned or flagged. */
export const CHECK_IN_REASONS = [
  'OK',
  'UNKNOWN_BADGE',
  'BAD_SIGNATURE',
  'PASS_EXPIRED',
  'PASS_NOT_YET_VALID',
  'PASS_REVOKED',
  'MEMBER_SUSPENDED',
  'MEMBER_EXPIRED',
  'ALREADY_CHECKED_IN',
  'STATION_CLOSED',
  'AT_CAPACITY',
  'BOOKING_REQUIRED',
  'NO_SHOW_BAN',
  'TRUST_DATA_STALE',
  'PROVISIONAL_UNKNOWN_CARD',
  'MANAGER_OVERRIDE',
] as const;
export type CheckInReason = (typeof CHECK_IN_REASONS)[number];

/** Why the server (or the desk, optimistically) refused or changed a booking. */
export const BOOKING_REASONS = [
  'OK',
  'SLOT_FULL',
  'WAITLISTED',
  'BANNED',
  'VENUE_OUT_OF_SERVICE',
  'VENUE_CLOSED',
  'SESSION_NOT_FOUND',
  'VENUE_NOT_FOUND',
  'ALREADY_BOOKED',
  'IN_THE_PAST',
  'STATION_CLOSED',
  'MEMBER_NOT_ACTIVE',
  'CANCELLED_BY_STAFF',
  'NO_SHOW_RELEASED',
  'PROMOTED_FROM_WAITLIST',
  'FLAGGED_FAULT',
] as const;
export type BookingReason = (typeof BOOKING_REASONS)[number];

export const isCheckInReason = (value: unknown): value is CheckInReason =>
  typeof value === 'string' && (CHECK_IN_REASONS as readonly string[]).includes(value);

export const isBookingReason = (value: unknown): value is BookingReason =>
  typeof value === 'string' && (BOOKING_REASONS as readonly string[]).includes(value);
