/**
 * Upload allowances per station day on PGlite and PostgreSQL (docs/security.md "Quotas"): photos
 * and bytes, per desk and per station; a push over an allowance stores nothing and is refused
 * QUOTA_EXCEEDED; retries of what is stored cost nothing; the next station day starts afresh.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushRow, WireDoc } from '../../../shared/protocol/messages';
import { DAY_MS } from '../../../shared/domain/time';
import { makeCheckIn, makeEquipmentLog, makeStation, STATION_ID } from '../../../tests/support/builders/index';
import type { PushQuotas } from '../../config';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../../testing/test-db';
import { applyPush } from './push';
import { ensureStation, pullDocs, writeServerDocs } from '../../repositories/sync-store';

const A = { deviceId: 'DEV-A', stationId: STATION_ID };
const B = { deviceId: 'DEV-B', stationId: STATION_ID };
/** 2026-11-29 23:30 at the station (UTC+8): half an hour before its day renews. */
const NOW = Date.parse('2026-11-29T15:30:00.000Z');
const PHOTO = `data:image/jpeg;base64,${'A'.repeat(1000)}`;

const row = (doc: object, assumed: object | null = null): PushRow => ({ newDocumentState: { ...doc, _deleted: false } as unknown as WireDoc, assumedMasterState: assumed as WireDoc | null });
const photoLog = () => makeEquipmentLog({ photo: PHOTO });

export const quotaSuite = (kind: TestDbKind) => {
  describe(`upload allowances on ${kind}`, () => {
    let t: TestDatabase;
    const stored = async (collection: 'equipmentLogs' | 'checkins') => (await pullDocs(t.db, STATION_ID, collection, { seq: 0 }, 1000)).documents.length;
    const push = (desk: typeof A, collection: 'equipmentLogs' | 'checkins', rows: PushRow[], quotas: PushQuotas, now = NOW) => applyPush(t.db, desk, collection, rows, now, { quotas });

    beforeEach(async () => {
      t = await createTestDatabase(kind);
      await ensureStation(t.db, STATION_ID);
      await writeServerDocs(t.db, STATION_ID, 'stations', [makeStation({ utcOffsetMinutes: 480 })], { writtenBy: 'test', now: NOW });
    });
    afterEach(async () => t.dispose());

    it('counts photos per desk and per station, refuses the push that goes over whole, and renews at the station midnight', async () => {
      const quotas: PushQuotas = { deskPhotosPerDay: 3, stationPhotosPerDay: 5, deskBytesPerDay: 1e9, stationBytesPerDay: 1e9 };
      const steps: { what: string; desk: typeof A; rows: () => PushRow[]; now?: number; refused: boolean; stored: number }[] = [
        { what: 'three photos of desk A', desk: A, rows: () => [row(photoLog()), row(photoLog()), row(photoLog())], refused: false, stored: 3 },
        { what: "a fourth of desk A, in a batch with a log without a photo", desk: A, rows: () => [row(makeEquipmentLog()), row(photoLog())], refused: true, stored: 3 },
        { what: 'a log without a photo from desk A', desk: A, rows: () => [row(makeEquipmentLog())], refused: false, stored: 4 },
        { what: 'two photos of desk B (station at 5)', desk: B, rows: () => [row(photoLog()), row(photoLog())], refused: false, stored: 6 },
        { what: 'a third of desk B: over the station', desk: B, rows: () => [row(photoLog())], refused: true, stored: 6 },
        { what: "desk A after the station's midnight", desk: A, rows: () => [row(photoLog()), row(photoLog()), row(photoLog())], now: NOW + 30 * 60_000, refused: false, stored: 9 },
      ];
      for (const step of steps) {
        const attempt = push(step.desk, 'equipmentLogs', step.rows(), quotas, step.now);
        if (step.refused) await expect(attempt, step.what).rejects.toMatchObject({ statusCode: 429, code: 'QUOTA_EXCEEDED' });
        else expect(await attempt, step.what).toMatchObject({ rejected: [], conflicts: [] });
        expect(await stored('equipmentLogs'), step.what).toBe(step.stored);
      }
    });

    it('charges nothing for a retry of what is stored', async () => {
      const quotas: PushQuotas = { deskPhotosPerDay: 1, stationPhotosPerDay: 1, deskBytesPerDay: 1e9, stationBytesPerDay: 1e9 };
      const log = photoLog();
      await push(A, 'equipmentLogs', [row(log)], quotas);
      for (let i = 0; i < 3; i++) expect(await push(A, 'equipmentLogs', [row(log)], quotas)).toMatchObject({ rejected: [], conflicts: [] });
      await expect(push(A, 'equipmentLogs', [row(photoLog())], quotas)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    });

    it('counts bytes per desk and per station', async () => {
      const size = Buffer.byteLength(JSON.stringify({ ...makeCheckIn(), _deleted: false }));
      const quotas: PushQuotas = { deskPhotosPerDay: 100, stationPhotosPerDay: 100, deskBytesPerDay: 10 * size, stationBytesPerDay: 15 * size };
      const checkIns = (n: number) => Array.from({ length: n }, () => row(makeCheckIn()));
      expect(await push(A, 'checkins', checkIns(9), quotas)).toMatchObject({ rejected: [] });
      await expect(push(A, 'checkins', checkIns(2), quotas)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
      expect(await push(B, 'checkins', checkIns(5), quotas)).toMatchObject({ rejected: [] });
      await expect(push(B, 'checkins', checkIns(2), quotas)).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
      expect(await stored('checkins')).toBe(14);
      expect(await push(A, 'checkins', checkIns(9), quotas, NOW + DAY_MS)).toMatchObject({ rejected: [] });
    });
  });
};
