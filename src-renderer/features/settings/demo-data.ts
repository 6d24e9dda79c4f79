/**
 * A demo station for a desk that is not enrolled yet: lets a newcomer try check-in offline.
 * Deterministic (same members every time) so instructions and tests can name card numbers.
 * Once the desk is enrolled, the server's data replaces nothing here: it only adds.
 */
import { DEFAULT_STATION_RULES, type MemberDoc, type StationDoc } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';

export const DEMO_STATION_ID = 'DEMO-SH-JA-001';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '秀英', '志强', '丽娟', '海峰', '晓燕', '国平', '春梅', '伟', '敏'];
const CATEGORIES: MemberDoc['category'][] = ['union-member', 'union-member', 'courier', 'driver', 'union-member'];

export const demoStation = (now: Date): StationDoc => ({
  id: DEMO_STATION_ID,
  stationId: DEMO_STATION_ID,
  serverRev: 0,
  updatedAt: now.toISOString(),
  name: '静安区职工健身驿站（演示）',
  type: 'fitness-regular',
  utcOffsetMinutes: 480,
  openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
  capacity: 60,
  rules: { ...DEFAULT_STATION_RULES },
});

/** Card numbers 310000000001… ; member 7 is suspended and member 9 expired, to show denials. */
export const demoMembers = (now: Date, count = 50): MemberDoc[] =>
  Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const tail = String(1000 + n).slice(-4);
    return {
      id: `DEMO-M-${String(n).padStart(4, '0')}`,
      stationId: DEMO_STATION_ID,
      serverRev: 0,
      updatedAt: now.toISOString(),
      name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`,
      phoneMasked: `139****${tail}`,
      phoneTail: tail,
      cardNo: `3100000${String(n).padStart(5, '0')}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      status: n === 7 ? 'suspended' : n === 9 ? 'expired' : 'active',
      validUntil: n === 9 ? '2025-12-31T15:59:59.000Z' : '2027-12-31T15:59:59.000Z',
      source: 'server',
    };
  });

/** Loads the demo station if this desk has none. Returns the number of members added (0 if skipped). */
export const loadDemoData = async (repos: Repositories, now = new Date()): Promise<number> => {
  if (await repos.station.current()) return 0;
  await repos.station.save(demoStation(now));
  return repos.members.bulkInsert(demoMembers(now));
};
