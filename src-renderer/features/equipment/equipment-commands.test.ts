// The equipment commands on a real (in-memory) desk database: each appends one event, the
// derived status follows, and what the production build cannot validate is refused up front.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveEquipmentStatus } from '../../../shared/domain/index';
import { makeEquipment } from '../../../tests/support/builders/index';
import { createDatabase, createRepositories, memoryStorage, type DeskDatabase, type Repositories } from '../../data/index';
import { EquipmentCommandError, recordLifecycleEvent, reportFault, type EquipmentContext } from './equipment-commands';

const NOW = Date.parse('2026-11-29T02:00:00.000Z');
const JPEG = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';

describe('equipment commands', () => {
  let db: DeskDatabase;
  let repos: Repositories;
  let n = 0;
  const item = makeEquipment({ id: 'EQ-TM', venueId: 'V-GYM' });
  const ctx = (minutes = 0, staffId = 'S-1'): EquipmentContext => ({ repos, deskId: 'DEV-1', staffId, now: NOW + minutes * 60_000 });
  const status = async () => deriveEquipmentStatus(await repos.equipment.logsOf(item.id));

  beforeEach(async () => {
    db = await createDatabase({ storage: memoryStorage(), name: `equipment-commands-${n++}`, devChecks: true });
    repos = createRepositories(db);
    await repos.equipment.save(item);
  });
  afterEach(async () => db.remove());

  it('reports a fault with its photo, stamped with the desk, the staff member and the time', async () => {
    const log = await reportFault(ctx(), item, { severity: 'high', description: '  跑步带打滑  ', photo: JPEG });
    expect(log).toMatchObject({
      equipmentId: item.id, stationId: item.stationId, event: 'fault-reported', severity: 'high', description: '跑步带打滑',
      photo: JPEG, at: new Date(NOW).toISOString(), deskId: 'DEV-1', staffId: 'S-1', serverRev: 0,
    });
    expect(await status()).toBe('out-of-service');
  });

  it('walks the lifecycle: reported → repair started → repaired, each an appended event', async () => {
    await reportFault(ctx(0), item, { severity: 'medium', description: '异响', photo: '' });
    expect(await status()).toBe('faulty');
    await recordLifecycleEvent(ctx(10), item, 'repair-started', '厂家上门');
    expect(await status()).toBe('under-repair');
    await recordLifecycleEvent(ctx(70), item, 'repaired', '');
    expect(await status()).toBe('ok');
    expect((await repos.equipment.logsOf(item.id)).map((l) => [l.event, l.severity])).toEqual([
      ['fault-reported', 'medium'],
      ['repair-started', null],
      ['repaired', null],
    ]);
  });

  it('refuses anything on a retired item', async () => {
    await recordLifecycleEvent(ctx(), item, 'retired', '报废');
    await expect(reportFault(ctx(1), item, { severity: 'low', description: 'x', photo: '' })).rejects.toMatchObject({ code: 'RETIRED' });
    await expect(recordLifecycleEvent(ctx(2), item, 'repaired', '')).rejects.toBeInstanceOf(EquipmentCommandError);
    expect(await repos.equipment.logsOf(item.id)).toHaveLength(1);
  });

  it.each([
    ['a photo that is not an image data URL', { photo: 'https://example.com/x.jpg' }, 'BAD_PHOTO'],
    ['an SVG photo', { photo: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'BAD_PHOTO'],
    ['a photo over the limit', { photo: `data:image/jpeg;base64,${'A'.repeat(300_000)}` }, 'BAD_PHOTO'],
    ['a description over 1000 characters', { description: '坏'.repeat(1001) }, 'TOO_LONG'],
  ])('refuses %s and stores nothing', async (_name, over, code) => {
    await expect(reportFault(ctx(), item, { severity: 'low', description: '异响', photo: '', ...over })).rejects.toMatchObject({ code });
    expect(await repos.equipment.logsOf(item.id)).toEqual([]);
  });
});
