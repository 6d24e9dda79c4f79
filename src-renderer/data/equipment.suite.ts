/**
 * The equipment repository's suite, run on memory and on Dexie like `repositories.suite.ts`:
 * inventory by asset tag, an append-only log, the venue fault states that booking screens read
 * (kept live as events arrive), and the venues themselves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VenueFaultState } from '../../shared/domain/index';
import { makeEquipment, makeEquipmentLog, makeVenue } from '../../tests/support/builders/index';
import { createDatabase, type DeskDatabase } from './database';
import { createRepositories, type Repositories } from './repositories/index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const equipmentRepositorySuite = (storageName: string, makeStorage: () => any) => {
  describe(`equipment repository on ${storageName}`, () => {
    let db: DeskDatabase;
    let repos: Repositories;
    let n = 0;

    beforeEach(async () => {
      db = await createDatabase({ storage: makeStorage(), name: `equipment-${storageName}-${Date.now()}-${n++}`, devChecks: true });
      repos = createRepositories(db);
    });
    afterEach(async () => {
      await db.remove();
    });

    const treadmill = makeEquipment({ id: 'EQ-TM', assetTag: 'JA-TM-01', venueId: 'V-GYM' });
    const bike = makeEquipment({ id: 'EQ-BK', name: '动感单车 1号', category: 'bike', assetTag: 'JA-BK-01', venueId: 'V-GYM' });
    const vr = makeEquipment({ id: 'EQ-VR', name: 'VR健身', category: 'vr', assetTag: 'JA-VR-01', venueId: 'V-VR' });

    it('lists the inventory by asset tag and finds an item by its label', async () => {
      for (const item of [vr, treadmill, bike]) await repos.equipment.save(item);
      expect((await repos.equipment.list()).map((e) => e.assetTag)).toEqual(['JA-BK-01', 'JA-TM-01', 'JA-VR-01']);
      expect((await repos.equipment.findByTag('JA-TM-01'))?.id).toBe('EQ-TM');
      expect((await repos.equipment.findByTag(' ja-tm-01 '))?.id).toBe('EQ-TM');
      expect(await repos.equipment.findByTag('JA-TM-99')).toBeNull();
      expect(await repos.equipment.findByTag('')).toBeNull();
      expect((await repos.equipment.get('EQ-VR'))?.name).toBe('VR健身');
    });

    it('appends log events, refuses the same id twice, and keeps each item’s log apart', async () => {
      const fault = makeEquipmentLog({ equipmentId: 'EQ-TM', severity: 'high', photo: 'data:image/jpeg;base64,/9j/4AAQ' });
      const saved = await repos.equipment.appendLog(fault);
      expect(saved).toMatchObject({ id: fault.id, serverRev: 0, photo: fault.photo });
      await expect(repos.equipment.appendLog(fault)).rejects.toThrow();
      await repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-BK', severity: 'low' }));
      expect((await repos.equipment.logsOf('EQ-TM')).map((l) => l.id)).toEqual([fault.id]);
      expect(await repos.equipment.allLogs()).toHaveLength(2);
    });

    it('refuses a log event that breaks the schema (a photo that is not an image data URL)', async () => {
      await expect(repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-TM', photo: 'javascript:alert(1)' }))).rejects.toThrow();
      await expect(repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-TM', photo: `data:image/jpeg;base64,${'A'.repeat(300_001)}` }))).rejects.toThrow();
      expect(await repos.equipment.allLogs()).toEqual([]);
    });

    it('derives venue fault states live: blocked by an out-of-service fault, lifted by the repair', async () => {
      for (const item of [treadmill, bike, vr]) await repos.equipment.save(item);
      const venues = [{ id: 'V-GYM', kind: 'floor' as const }, { id: 'V-VR', kind: 'device' as const }];
      const seen: Record<string, VenueFaultState>[] = [];
      const stop = repos.equipment.subscribeVenueFaults((states) => seen.push(Object.fromEntries(states)), venues);
      await expect.poll(() => seen.at(-1)).toEqual({ 'V-GYM': 'ok', 'V-VR': 'ok' });

      await repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-TM', severity: 'high', at: '2026-11-29T01:00:00.000Z' }));
      await repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-VR', event: 'repair-started', at: '2026-11-29T01:00:00.000Z' }));
      await expect.poll(() => seen.at(-1)).toEqual({ 'V-GYM': 'blocked', 'V-VR': 'blocked' });
      expect(Object.fromEntries(await repos.equipment.venueFaults())).toEqual({ 'V-GYM': 'blocked', 'V-VR': 'flagged' });

      await repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-TM', event: 'repaired', at: '2026-11-29T03:00:00.000Z' }));
      await expect.poll(() => seen.at(-1)).toEqual({ 'V-GYM': 'ok', 'V-VR': 'blocked' });
      stop();
    });

    it('reads the venues the server wrote (names for the inventory, kinds for the fault rule)', async () => {
      await db.venues.insert(makeVenue({ id: 'V-GYM' }));
      await db.venues.insert(makeVenue({ id: 'V-VR', name: 'VR 健身', nameEn: 'VR rig', kind: 'device', capacity: 1 }));
      const seen: string[][] = [];
      const stop = repos.venues.subscribe((docs) => seen.push(docs.map((v) => v.id).sort()));
      await expect.poll(() => seen.at(-1)).toEqual(['V-GYM', 'V-VR']);
      expect((await repos.venues.get('V-VR'))?.kind).toBe('device');
      expect(await repos.venues.get('V-NONE')).toBeNull();
      expect(await repos.venues.list()).toHaveLength(2);
      stop();
    });

    it('pushes a live log of one item to its subscriber', async () => {
      const seen: number[] = [];
      const stop = repos.equipment.subscribeLogsOf('EQ-TM', (docs) => seen.push(docs.length));
      await repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-BK' }));
      await repos.equipment.appendLog(makeEquipmentLog({ equipmentId: 'EQ-TM' }));
      await expect.poll(() => seen.at(-1)).toBe(1);
      stop();
    });
  });
};
