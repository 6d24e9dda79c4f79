/**
 * `POST /api/admin/stations`: the request schema (fields of the shared `stations` schema, most
 * optional with defaults) and the profile document built from it.
 */
import { DEFAULT_STATION_RULES, STATION_TYPES, stationSchema, type OpeningWindow, type StationDoc, type StationRules, type StationType } from '../../shared/schemas/index';
import { singleLine, stationIdSchema } from './fields';

export interface CreateStationBody {
  id: string;
  name: string;
  type: StationType;
  /** default 480 (China) */
  utcOffsetMinutes?: number;
  /** default []: no hours kept, always open */
  openingHours?: OpeningWindow[];
  capacity: number;
  /** merged over DEFAULT_STATION_RULES */
  rules?: Partial<StationRules>;
}

const rulesSchema = stationSchema.properties.rules as { properties: Record<string, unknown> };

export const createStationSchema = {
  type: 'object',
  properties: {
    id: stationIdSchema,
    name: singleLine(1, 100),
    type: { type: 'string', enum: [...STATION_TYPES] },
    utcOffsetMinutes: stationSchema.properties.utcOffsetMinutes,
    openingHours: stationSchema.properties.openingHours,
    capacity: stationSchema.properties.capacity,
    rules: { type: 'object', properties: rulesSchema.properties, additionalProperties: false },
  },
  required: ['id', 'name', 'type', 'capacity'],
  additionalProperties: false,
} as const;

export const DEFAULT_UTC_OFFSET_MINUTES = 480;

export const stationDoc = (body: CreateStationBody, now: number): StationDoc => ({
  id: body.id,
  stationId: body.id,
  serverRev: 0,
  updatedAt: new Date(now).toISOString(),
  name: body.name.trim(),
  type: body.type,
  utcOffsetMinutes: body.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES,
  openingHours: body.openingHours ?? [],
  capacity: body.capacity,
  rules: { ...DEFAULT_STATION_RULES, ...body.rules },
});
