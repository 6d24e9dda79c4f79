/**
 * The staff a pushed record names (staff-rules.ts, docs/security.md "Staff accountability"), run
 * on PGlite and on PostgreSQL through the real push: each row of the table is pushed on its own,
 * a bad one is that row's rejection with its code and is not stored, a good one is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRow, WireDoc } from '../../../shared/protocol/messages';
import { SYSTEM_STAFF_ID, type CheckInDoc, type CollectionName } from '../../../shared/schemas/index';
import { makeBooking, makeCheckIn, makeEquipmentLog, makeStaff, makeStation, STATION_ID } from '../../../tests/support/builders/index';
import type { Database } from '../../db/database';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../../testing/test-db';
import { ensureStation, loadDocs, pullDocs, writeServerDocs } from '../../repositories/sync-store';
import { applyPush } from './push';

const DESK = { deviceId: 'DEV-1', stationId: STATION_ID };
const BARE = { deviceId: 'DEV-2', stationId: 'ST-BARE' };
/** A station whose staff are all inactive: its desks work without sign-in. */
const IDLE = { deviceId: 'DEV-3', stationId: 'ST-IDLE' };
const OTHER_STATION = 'ST-OTHER';
const NOW = Date.parse('2026-11-29T02:00:00.000Z');
const OUT_AT = '2026-11-29T01:30:00.000Z';

const row = (doc: object, assumed: WireDoc | null = null): PushRow => ({ newDocumentState: { ...doc, _deleted: false } as unknown as WireDoc, assumedMasterState: assumed });
const override = (staffId: string): CheckInDoc['override'] => ({ staffId, at: '2026-11-29T01:00:00.000Z', deniedFor: 'MEMBER_EXPIRED', note: '' });
const overridden = (staffId: string) => makeCheckIn({ outcome: 'admit-with-warning', reason: 'MANAGER_OVERRIDE', override: override(staffId) });
const checkOut = (checkedOutBy: string, method: CheckInDoc['checkOutMethod'] = 'manual') => ({ checkedOutAt: OUT_AT, checkOutMethod: method, checkedOutBy });

type Expected = 'stored' | 'STAFF_UNKNOWN' | 'OVERRIDE_NOT_MANAGER';

/** The fields that say who did what (and the check-out they belong to). */
const WHO = ['staffId', 'override', 'ack', 'checkedOutAt', 'checkOutMethod', 'checkedOutBy'] as const;
const whoOf = (doc: object) => Object.fromEntries(Object.entries(doc).filter(([key]) => (WHO as readonly string[]).includes(key)));

/** New records pushed to the station that has staff: S-1 (desk), M-1 (manager), S-OLD (inactive). */
const NEW_RECORDS: [string, CollectionName, object, Expected][] = [
  ['a check-in by a desk member of the station', 'checkins', makeCheckIn({ staffId: 'S-1' }), 'stored'],
  ['a check-in by a member no longer active (made offline before)', 'checkins', makeCheckIn({ staffId: 'S-OLD' }), 'stored'],
  ['a check-in by staff of another station', 'checkins', makeCheckIn({ staffId: 'X-1' }), 'STAFF_UNKNOWN'],
  ['a check-in by someone made up', 'checkins', makeCheckIn({ staffId: 'NOBODY' }), 'STAFF_UNKNOWN'],
  ['a check-in by no one where staff sign in', 'checkins', makeCheckIn({ staffId: '' }), 'STAFF_UNKNOWN'],
  ['a check-in by the desk itself where staff sign in', 'checkins', makeCheckIn({ staffId: DESK.deviceId }), 'STAFF_UNKNOWN'],
  ['an override by a manager of the station', 'checkins', overridden('M-1'), 'stored'],
  ['an override by a desk member', 'checkins', overridden('S-1'), 'OVERRIDE_NOT_MANAGER'],
  ['an override by a manager of another station', 'checkins', overridden('XM-1'), 'OVERRIDE_NOT_MANAGER'],
  ['an override by someone made up', 'checkins', overridden('NOBODY'), 'OVERRIDE_NOT_MANAGER'],
  ['a check-in checked out at once by a station member', 'checkins', makeCheckIn(checkOut('S-1')), 'stored'],
  ['a check-in checked out by staff of another station', 'checkins', makeCheckIn(checkOut('X-1')), 'STAFF_UNKNOWN'],
  ['a closing-time check-out by the system', 'checkins', makeCheckIn(checkOut(SYSTEM_STAFF_ID, 'closing')), 'stored'],
  ['a closing-time check-out naming a person', 'checkins', makeCheckIn(checkOut('S-1', 'closing')), 'STAFF_UNKNOWN'],
  ['a hand check-out naming the system', 'checkins', makeCheckIn(checkOut(SYSTEM_STAFF_ID, 'manual')), 'STAFF_UNKNOWN'],
  ['a fault report by a station member', 'equipmentLogs', makeEquipmentLog({ staffId: 'S-1' }), 'stored'],
  ['a fault report by staff of another station', 'equipmentLogs', makeEquipmentLog({ staffId: 'X-1' }), 'STAFF_UNKNOWN'],
  ['a booking by staff of another station', 'bookings', makeBooking({ staffId: 'X-1' }), 'STAFF_UNKNOWN'],
  ['a booking acknowledged by someone made up', 'bookings', makeBooking({ ack: { staffId: 'NOBODY', at: OUT_AT, note: '' } }), 'STAFF_UNKNOWN'],
];

/** Updates of a stored check-in by S-GONE (since deleted from the station): only what changes is judged. */
const UPDATES: [string, Partial<CheckInDoc>, Expected][] = [
  ['a check-out by a station member', checkOut('S-1'), 'stored'],
  ['a check-out by staff of another station', checkOut('X-1'), 'STAFF_UNKNOWN'],
  ['a check-out by no one where staff sign in', checkOut(''), 'STAFF_UNKNOWN'],
  ['a closing-time check-out by the system', checkOut(SYSTEM_STAFF_ID, 'closing'), 'stored'],
  ['a check-out by an older desk that names no one (no field)', { checkedOutAt: OUT_AT, checkOutMethod: 'scan' }, 'stored'],
];

/** New records at a station with no staff documents (not set up): no one to name, no manager. */
const BARE_RECORDS: [string, object, Expected][] = [
  ['a check-in by no one', makeCheckIn({ stationId: BARE.stationId, staffId: '' }), 'stored'],
  ['a check-in naming an id the desk made up', makeCheckIn({ stationId: BARE.stationId, staffId: 'S-LOCAL' }), 'stored'],
  ['an override (there is no manager)', { ...overridden('M-1'), stationId: BARE.stationId }, 'OVERRIDE_NOT_MANAGER'],
  ['a closing-time check-out naming a person', makeCheckIn({ stationId: BARE.stationId, ...checkOut('S-1', 'closing') }), 'STAFF_UNKNOWN'],
];

export const staffRulesSuite = (kind: TestDbKind) => {
  describe(`staff named in pushed records on ${kind}`, () => {
    let t: TestDatabase;
    let db: Database;

    const expectOutcome = async (device: typeof DESK, collection: CollectionName, doc: { id: string }, expected: Expected, assumed: WireDoc | null = null) => {
      const result = await applyPush(db, device, collection, [row(doc, assumed)], NOW);
      const stored = (await loadDocs(db, device.stationId, collection, [doc.id])).get(doc.id);
      if (expected === 'stored') {
        expect(result.rejected).toEqual([]);
        expect(stored?.data).toMatchObject(whoOf(doc));
      } else {
        expect(result.rejected).toEqual([{ id: doc.id, code: expected, message: expect.any(String) }]);
        if (assumed === null) expect(stored).toBeUndefined();
        else expect(stored?.data).toMatchObject(whoOf(assumed));
      }
    };

    // one database for the table: every row is a new document, so rows cannot see each other
    beforeAll(async () => {
      t = await createTestDatabase(kind);
      db = t.db;
      for (const station of [STATION_ID, OTHER_STATION, BARE.stationId, IDLE.stationId]) await ensureStation(db, station);
      const write = (stationId: string, collection: CollectionName, docs: object[]) => writeServerDocs(db, stationId, collection, docs, { writtenBy: 'test', now: NOW });
      await write(STATION_ID, 'stations', [makeStation()]);
      await write(BARE.stationId, 'stations', [makeStation({ id: BARE.stationId })]);
      await write(STATION_ID, 'staff', [
        makeStaff({ id: 'S-1' }),
        makeStaff({ id: 'M-1', role: 'manager', name: '王站长' }),
        makeStaff({ id: 'S-OLD', active: false }),
      ]);
      await write(OTHER_STATION, 'staff', [
        makeStaff({ id: 'X-1', stationId: OTHER_STATION }),
        makeStaff({ id: 'XM-1', stationId: OTHER_STATION, role: 'manager' }),
      ]);
      await write(IDLE.stationId, 'staff', [makeStaff({ id: 'I-1', stationId: IDLE.stationId, active: false })]);
    });
    afterAll(async () => t.dispose());

    it.each(NEW_RECORDS)('%s (%s) → %s', async (_name, collection, doc, expected) => {
      await expectOutcome(DESK, collection, doc as { id: string }, expected);
    });

    it.each(UPDATES)('an update of a visit by departed staff, %s → %s', async (name, change, expected) => {
      const visit = makeCheckIn({ staffId: 'S-GONE' });
      await writeServerDocs(db, STATION_ID, 'checkins', [visit], { writtenBy: name, now: NOW });
      const master = (await pullDocs(db, STATION_ID, 'checkins', { seq: 0 }, 1000)).documents.find((d) => d.id === visit.id)!;
      const { _deleted, ...fields } = master;
      await expectOutcome(DESK, 'checkins', { ...fields, ...change }, expected, master);
    });

    it.each(BARE_RECORDS)('at a station without staff, %s → %s', async (_name, doc, expected) => {
      await expectOutcome(BARE, 'checkins', doc as { id: string }, expected);
    });

    it('allows no one (or the desk itself) only while the station has no active staff', async () => {
      const at = { stationId: IDLE.stationId };
      await expectOutcome(IDLE, 'checkins', makeCheckIn({ ...at, staffId: '' }), 'stored');
      await expectOutcome(IDLE, 'bookings', makeBooking({ ...at, staffId: '', ack: { staffId: IDLE.deviceId, at: OUT_AT, note: '' } }), 'stored');
      await expectOutcome(IDLE, 'checkins', makeCheckIn({ ...at, staffId: 'I-1' }), 'stored');
      await expectOutcome(IDLE, 'checkins', makeCheckIn({ ...at, staffId: 'X-1' }), 'STAFF_UNKNOWN');
    });

    it('rejects only the bad row: the rest of the batch is stored', async () => {
      const good = makeCheckIn({ staffId: 'S-1' });
      const forged = overridden('S-1');
      const result = await applyPush(db, DESK, 'checkins', [row(good), row(forged)], NOW);
      expect(result.rejected.map((r) => [r.id, r.code])).toEqual([[forged.id, 'OVERRIDE_NOT_MANAGER']]);
      expect([...(await loadDocs(db, STATION_ID, 'checkins', [good.id, forged.id])).keys()]).toEqual([good.id]);
    });
  });
};
