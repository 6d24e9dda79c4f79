// Every builder's document, with no overrides, is valid against its collection's JSON schema.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from '../../../shared/schemas/index';
import * as fixed from './fixed';
import * as fresh from './index';

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map(
  COLLECTIONS.map((spec) => {
    const { version: _v, primaryKey: _p, indexes: _i, title: _t, description: _d, ...schema } = spec.schema;
    return [spec.name, ajv.compile(schema)] as const;
  }),
);

const problems = (collection: CollectionName, doc: unknown) => {
  const validate = validators.get(collection)!;
  return validate(doc) ? [] : validate.errors;
};

const built: [string, CollectionName, () => unknown][] = [
  ['makeStation', 'stations', fresh.makeStation],
  ['makeMember', 'members', fresh.makeMember],
  ['makeCheckIn', 'checkins', fresh.makeCheckIn],
  ['makeStaff', 'staff', fresh.makeStaff],
  ['makeVenue', 'venues', fresh.makeVenue],
  ['makeSession', 'sessions', fresh.makeSession],
  ['makeBooking', 'bookings', fresh.makeBooking],
  ['makeVenueBooking', 'bookings', () => fresh.makeVenueBooking('V-2', 'M-2', '2026-11-29T03:00:00.000Z')],
  ['makeEquipment', 'equipment', fresh.makeEquipment],
  ['makeEquipmentLog', 'equipmentLogs', fresh.makeEquipmentLog],
  ['fixed makeStation', 'stations', fixed.makeStation],
  ['fixed makeMember', 'members', fixed.makeMember],
  ['fixed makeCheckIn', 'checkins', fixed.makeCheckIn],
  ['fixed makeStaff', 'staff', fixed.makeStaff],
  ['fixed makeVenue', 'venues', fixed.makeVenue],
  ['fixed makeSession', 'sessions', fixed.makeSession],
  ['fixed makeBooking', 'bookings', fixed.makeBooking],
  ['fixed makeLog', 'equipmentLogs', fixed.makeLog],
];

describe('document builders', () => {
  it.each(built)('%s builds a valid %s document', (_name, collection, build) => {
    expect(problems(collection, build())).toEqual([]);
  });

  it('gives each fresh document its own id and keeps what a test overrides', () => {
    expect(fresh.makeMember().id).not.toBe(fresh.makeMember().id);
    expect(fresh.makeCheckIn({ badge: 'X-1' }).badge).toBe('X-1');
    expect(fixed.makeStation({ rules: { duplicateWindowMinutes: 7 } }).rules).toMatchObject({ duplicateWindowMinutes: 7 });
  });
});
