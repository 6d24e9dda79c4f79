// The offline demo brings its two staff members, so a desk that is not enrolled can sign in
// (李前台 1234, 王站长 9999) and try check-in and the manager override.
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, createRepositories, memoryStorage, type DeskDatabase } from '../../data/index';
import { verifyPin } from '../../session/pin-verify';
import { loadDemoData } from './demo-data';

let db: DeskDatabase;
afterEach(async () => db.remove());

describe('loadDemoData', () => {
  it('loads the station, 50 members and the two demo staff with working PINs, once', async () => {
    db = await createDatabase({ storage: memoryStorage(), name: `demo-data-${Date.now()}`, devChecks: true });
    const repos = createRepositories(db);
    expect(await loadDemoData(repos)).toBe(50);
    const staff = await repos.staff.active();
    expect(staff.map((s) => [s.id, s.name, s.role])).toEqual([
      ['DEMO-STAFF-DESK', '李前台', 'desk'],
      ['DEMO-STAFF-MANAGER', '王站长', 'manager'],
    ]);
    expect(await verifyPin('1234', staff[0]!.pin)).toBe(true);
    expect(await verifyPin('9999', staff[1]!.pin)).toBe(true);
    expect(await verifyPin('1234', staff[1]!.pin)).toBe(false);
    expect(await loadDemoData(repos)).toBe(0);
    expect(await repos.staff.active()).toHaveLength(2);
  });
});
