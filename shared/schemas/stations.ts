/** `stations`: the station's profile and rules. Written by the server; one doc per desk scope. */
import { syncedProperties, syncedRequired, textField, type CollectionSchema, type SyncedFields } from './common';

export const STATION_TYPES = [
  'fitness-simple',
  'fitness-regular',
  'fitness-comprehensive',
  'courier-rest',
  'driver-home',
  'childcare',
] as const;
export type StationType = (typeof STATION_TYPES)[number];

/** One opening window on a weekday (0 = Sunday). `close` may be "24:00"; close < open spans midnight. */
export interface OpeningWindow {
  day: number;
  open: string;
  close: string;
}

export interface StationRules {
  /** Same member scanned again inside this many minutes: show the earlier check-in, record nothing. */
  duplicateWindowMinutes: number;
  /** Admission requires a booking that covers the scan time. */
  bookingRequired: boolean;
  /** Minutes after a booking's start during which check-in is still accepted. */
  checkInWindowMinutes: number;
  /** This many no-shows inside `noShowPeriodDays` bars booking for `noShowBanDays`. */
  noShowLimit: number;
  noShowPeriodDays: number;
  noShowBanDays: number;
  /** Trust data (keys, revocations) older than this warns with TRUST_DATA_STALE. */
  trustMaxAgeHours: number;
  /** Admit unknown cards provisionally while offline (flagged for review after sync). */
  allowProvisional: boolean;
}

export interface StationDoc extends SyncedFields {
  name: string;
  type: StationType;
  /** Minutes east of UTC for opening hours and "today" (China: 480, no DST). */
  utcOffsetMinutes: number;
  openingHours: OpeningWindow[];
  /** Maximum people inside at once (AT_CAPACITY). 0 = unlimited. */
  capacity: number;
  rules: StationRules;
}

export const DEFAULT_STATION_RULES: StationRules = {
  duplicateWindowMinutes: 5,
  bookingRequired: false,
  checkInWindowMinutes: 15,
  noShowLimit: 3,
  noShowPeriodDays: 30,
  noShowBanDays: 30,
  trustMaxAgeHours: 24,
  allowProvisional: true,
};

const hhmm = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$', maxLength: 5 } as const;
const count = (max: number) => ({ type: 'integer', minimum: 0, maximum: max }) as const;

export const stationSchema: CollectionSchema = {
  version: 0,
  title: 'stations',
  description: 'Station profile: type, opening hours, capacity and rules',
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...syncedProperties,
    name: textField(100),
    type: { type: 'string', enum: [...STATION_TYPES] },
    utcOffsetMinutes: { type: 'integer', minimum: -720, maximum: 840 },
    openingHours: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: { day: count(6), open: hhmm, close: hhmm },
        required: ['day', 'open', 'close'],
        additionalProperties: false,
      },
    },
    capacity: count(100000),
    rules: {
      type: 'object',
      properties: {
        duplicateWindowMinutes: count(1440),
        bookingRequired: { type: 'boolean' },
        checkInWindowMinutes: count(1440),
        noShowLimit: count(100),
        noShowPeriodDays: count(365),
        noShowBanDays: count(365),
        trustMaxAgeHours: count(24 * 365),
        allowProvisional: { type: 'boolean' },
      },
      required: [
        'duplicateWindowMinutes',
        'bookingRequired',
        'checkInWindowMinutes',
        'noShowLimit',
        'noShowPeriodDays',
        'noShowBanDays',
        'trustMaxAgeHours',
        'allowProvisional',
      ],
      additionalProperties: false,
    },
  },
  required: [...syncedRequired, 'name', 'type', 'utcOffsetMinutes', 'openingHours', 'capacity', 'rules'],
  additionalProperties: false,
};
