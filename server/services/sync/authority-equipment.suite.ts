/**
 * Fault-aware bookings on the server, run on PGlite and on PostgreSQL: an out-of-service fault
 * pushed by a desk flags the venue's expected bookings in the same transaction and blocks new
 * ones; a repair lifts the block and leaves the flags for staff to acknowledge.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushRow, WireDoc } from '../../../shared/protocol/messages';
import type { BookingDoc, CollectionName, EquipmentDoc } from '../../../shared/schemas/index';
import { makeEquipment, makeEquipmentLog, makeMember, makeStation, makeVenue, makeVenueBooking, STATION_ID } from '../../../tests/support/builders/index';
import type { Database } from '../../db/database';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../../testing/test-db';
import { applyPush } from './push';
import { ensureStation, pullDocs, writeServerDocs } from '../../repositories/sync-store';

const DESK = { deviceId: 'DEV-1', stationId: STATION_ID };
const NOW = Date.parse('2026-11-29T02:00:00.000Z'); // 10:00 at the station
const row = (doc: object, assumed: WireDoc | null = null): PushRow => ({ newDocumentState: { ...doc, _deleted: false } as unknown as WireDoc, assumedMasterState: assumed });

export const equipmentAuthoritySuite = (kind: TestDbKind) => {
  describe(`fault-aware bookings on ${kind}`, () => {
    let t: TestDatabase;
    let db: Database;
    const gym = makeVenue({ id: 'V-GYM' });
    const yoga = makeVenue({ id: 'V-YOGA', name: '瑜伽室', nameEn: 'Yoga room', kind: 'room' });
    const vrRig = makeVenue({ id: 'V-VR', name: 'VR 健身', nameEn: 'VR rig', kind: 'device', capacity: 1 });
    const treadmill = makeEquipment({ id: 'EQ-TM', assetTag: 'JA-TM-01', venueId: gym.id });
    const mirror = makeEquipment({ id: 'EQ-MR', name: 'AI健身镜', category: 'smart-mirror', assetTag: 'JA-MR-01', venueId: yoga.id });
    const vr = makeEquipment({ id: 'EQ-VR', name: 'VR健身', category: 'vr', assetTag: 'JA-VR-01', venueId: vrRig.id });
    const members = Array.from({ length: 6 }, (_, i) => makeMember({ id: `M-${i}`, cardNo: `C${i}` }));
    const m = (i: number) => members[i]!.id;

    const bookings = async () => {
      const docs = (await pullDocs(db, STATION_ID, 'bookings', { seq: 0 }, 1000)).documents as unknown as BookingDoc[];
      return new Map(docs.map((d) => [d.id, d]));
    };
    const push = (collection: CollectionName, docs: object[]) => applyPush(db, DESK, collection, docs.map((d) => row(d)), NOW);

    beforeEach(async () => {
      t = await createTestDatabase(kind);
      db = t.db;
      await ensureStation(db, STATION_ID);
      await writeServerDocs(db, STATION_ID, 'stations', [makeStation()], { writtenBy: 'test', now: NOW });
      await writeServerDocs(db, STATION_ID, 'venues', [gym, yoga, vrRig], { writtenBy: 'test', now: NOW });
      await writeServerDocs(db, STATION_ID, 'members', members, { writtenBy: 'test', now: NOW });
      await writeServerDocs(db, STATION_ID, 'equipment', [treadmill, mirror, vr], { writtenBy: 'test', now: NOW });
    });
    afterEach(async () => t.dispose());

    it('flags the expected bookings of a venue put out of service, in the same push', async () => {
      const later = makeVenueBooking(gym.id, m(0), '2026-11-29T06:00:00.000Z');
      const underway = makeVenueBooking(gym.id, m(1), '2026-11-29T01:30:00.000Z');
      const requested = makeVenueBooking(gym.id, m(2), '2026-11-29T07:00:00.000Z', { status: 'requested' });
      const over = makeVenueBooking(gym.id, m(3), '2026-11-29T00:00:00.000Z');
      const cancelled = makeVenueBooking(gym.id, m(4), '2026-11-29T06:00:00.000Z', { status: 'cancelled', reason: 'CANCELLED_BY_STAFF' });
      const elsewhere = makeVenueBooking(yoga.id, m(5), '2026-11-29T06:00:00.000Z');
      await push('bookings', [later, underway, requested, over, cancelled, elsewhere]);
      const before = await bookings();

      const fault = makeEquipmentLog({ equipmentId: treadmill.id, severity: 'high', at: '2026-11-29T01:50:00.000Z' });
      const result = await push('equipmentLogs', [fault]);
      expect(result).toMatchObject({ conflicts: [], rejected: [] });
      expect(result.hints.map((h) => h.collection).sort()).toEqual(['bookings', 'equipmentLogs']);

      const after = await bookings();
      for (const b of [later, underway, requested]) {
        expect(after.get(b.id)).toMatchObject({ status: before.get(b.id)!.status, reason: 'FLAGGED_FAULT', decidedBy: 'server', ack: null });
        expect(after.get(b.id)!.serverRev).toBeGreaterThan(before.get(b.id)!.serverRev);
      }
      for (const b of [over, cancelled, elsewhere]) expect(after.get(b.id)).toEqual(before.get(b.id));
      const logs = (await pullDocs(db, STATION_ID, 'equipmentLogs', { seq: 0 }, 10)).documents;
      expect(logs).toEqual([expect.objectContaining({ id: fault.id, severity: 'high', description: fault.description })]);
    });

    it('refuses new bookings while the fault is open; a repair lifts the block and keeps the flags', async () => {
      const early = makeVenueBooking(gym.id, m(0), '2026-11-29T06:00:00.000Z');
      await push('bookings', [early]);
      await push('equipmentLogs', [makeEquipmentLog({ equipmentId: treadmill.id, severity: 'high', at: '2026-11-29T01:50:00.000Z' })]);

      const refused = makeVenueBooking(gym.id, m(1), '2026-11-29T07:00:00.000Z', { requestedAt: '2026-11-29T01:55:00.000Z' });
      await push('bookings', [refused]);
      expect((await bookings()).get(refused.id)).toMatchObject({ status: 'rejected', reason: 'VENUE_OUT_OF_SERVICE', decidedBy: 'server' });

      const repair = makeEquipmentLog({ equipmentId: treadmill.id, event: 'repaired', at: '2026-11-29T02:00:00.000Z' });
      const repaired = await push('equipmentLogs', [repair]);
      expect(repaired.hints.map((h) => h.collection)).toEqual(['equipmentLogs']);
      const allowed = makeVenueBooking(gym.id, m(2), '2026-11-29T07:00:00.000Z', { requestedAt: '2026-11-29T02:01:00.000Z' });
      await push('bookings', [allowed]);
      const after = await bookings();
      expect(after.get(allowed.id)).toMatchObject({ status: 'confirmed', reason: 'OK' });
      expect(after.get(early.id)).toMatchObject({ status: 'confirmed', reason: 'FLAGGED_FAULT' });
    });

    it('flags nothing for a fault that is not out of service, or one repaired in the same batch', async () => {
      const b = makeVenueBooking(gym.id, m(0), '2026-11-29T06:00:00.000Z');
      await push('bookings', [b]);
      const low = await push('equipmentLogs', [makeEquipmentLog({ equipmentId: treadmill.id, severity: 'medium', at: '2026-11-29T01:00:00.000Z' })]);
      expect(low.hints.map((h) => h.collection)).toEqual(['equipmentLogs']);
      const offlineDay = await push('equipmentLogs', [
        makeEquipmentLog({ equipmentId: treadmill.id, severity: 'high', at: '2026-11-29T01:10:00.000Z' }),
        makeEquipmentLog({ equipmentId: treadmill.id, event: 'repaired', at: '2026-11-29T01:40:00.000Z' }),
      ]);
      expect(offlineDay.hints.map((h) => h.collection)).toEqual(['equipmentLogs']);
      expect((await bookings()).get(b.id)).toMatchObject({ reason: 'OK', decidedBy: 'server' });
    });

    it('is idempotent: a retried push and a second report flag nothing more', async () => {
      const b = makeVenueBooking(gym.id, m(0), '2026-11-29T06:00:00.000Z');
      await push('bookings', [b]);
      const fault = makeEquipmentLog({ equipmentId: treadmill.id, severity: 'high' });
      await push('equipmentLogs', [fault]);
      const flagged = (await bookings()).get(b.id)!;
      expect((await push('equipmentLogs', [fault])).hints).toEqual([]);
      const second = await push('equipmentLogs', [makeEquipmentLog({ equipmentId: treadmill.id, severity: 'high', deskId: 'DESK-2' })]);
      expect(second.hints.map((h) => h.collection)).toEqual(['equipmentLogs']);
      expect((await bookings()).get(b.id)).toEqual(flagged);
    });

    it('blocks a bookable device while it is under repair', async () => {
      const b = makeVenueBooking(vrRig.id, m(0), '2026-11-29T06:00:00.000Z');
      await push('bookings', [b]);
      await push('equipmentLogs', [makeEquipmentLog({ equipmentId: vr.id, event: 'repair-started' })]);
      expect((await bookings()).get(b.id)).toMatchObject({ status: 'confirmed', reason: 'FLAGGED_FAULT' });
    });

    it('decides when the item arrives after its fault report (two collections sync independently)', async () => {
      const b = makeVenueBooking(yoga.id, m(0), '2026-11-29T06:00:00.000Z');
      await push('bookings', [b]);
      const newItem: EquipmentDoc = makeEquipment({ id: 'EQ-NEW', name: '新跑步机', assetTag: 'JA-TM-09', venueId: '' });
      const early = await push('equipmentLogs', [makeEquipmentLog({ equipmentId: newItem.id, severity: 'high' })]);
      expect(early.hints.map((h) => h.collection)).toEqual(['equipmentLogs']);
      await push('equipment', [{ ...newItem, venueId: yoga.id }]);
      expect((await bookings()).get(b.id)).toMatchObject({ reason: 'FLAGGED_FAULT', decidedBy: 'server' });
    });

    it('keeps equipment logs append-only', async () => {
      const fault = makeEquipmentLog({ equipmentId: mirror.id, severity: 'low' });
      await push('equipmentLogs', [fault]);
      const [master] = (await pullDocs(db, STATION_ID, 'equipmentLogs', { seq: 0 }, 10)).documents;
      const result = await applyPush(db, DESK, 'equipmentLogs', [row({ ...master!, severity: 'high' }, master!)], NOW);
      expect(result.rejected).toEqual([expect.objectContaining({ code: 'APPEND_ONLY_VIOLATION' })]);
    });
  });
};
