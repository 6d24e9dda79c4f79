import { describe, expect, test } from 'vitest';
import { DEMO_FIXED_MEMBERS, DEMO_MEMBER_COUNT, demoMember, demoMembers } from './members';

const at = '2026-11-30T02:00:00.000Z';

describe('demo roster', () => {
  test('the fixed members the README and E2E tests name', () => {
    expect(demoMember(1, at)).toMatchObject({ id: 'DEMO-M-0001', cardNo: '310000000001', name: '王建国', status: 'active', phoneMasked: '139****1001' });
    expect(demoMember(7, at)).toMatchObject({ cardNo: '310000000007', status: 'suspended' });
    expect(demoMember(9, at)).toMatchObject({ cardNo: '310000000009', status: 'expired', validUntil: '2025-12-31T15:59:59.000Z' });
    expect(demoMember(11, at).name).toBe('王秀英');
    expect(demoMember(50, at)).toMatchObject({ cardNo: '310000000050', name: '吴海峰', category: 'union-member' });
  });

  test('members 1–50 are exactly what the desk generated before the rule moved to shared/', () => {
    // the desk's original rule (src-renderer/features/settings/demo-data.ts at 32e5ec1), frozen here
    const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
    const GIVEN = ['建国', '秀英', '志强', '丽娟', '海峰', '晓燕', '国平', '春梅', '伟', '敏'];
    const CATEGORIES = ['union-member', 'union-member', 'courier', 'driver', 'union-member'];
    const legacy = Array.from({ length: 50 }, (_, i) => {
      const n = i + 1;
      const tail = String(1000 + n).slice(-4);
      return {
        id: `DEMO-M-${String(n).padStart(4, '0')}`,
        stationId: 'DEMO-SH-JA-001',
        serverRev: 0,
        updatedAt: at,
        name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`,
        phoneMasked: `139****${tail}`,
        phoneTail: tail,
        cardNo: `3100000${String(n).padStart(5, '0')}`,
        category: CATEGORIES[i % CATEGORIES.length],
        status: n === 7 ? 'suspended' : n === 9 ? 'expired' : 'active',
        validUntil: n === 9 ? '2025-12-31T15:59:59.000Z' : '2027-12-31T15:59:59.000Z',
        source: 'server',
      };
    });
    expect(demoMembers(new Date(at))).toEqual(legacy);
  });

  test('member n depends on n only, not on how many are generated', () => {
    const few = demoMembers(new Date(at), DEMO_FIXED_MEMBERS + 20);
    const all = demoMembers(new Date(at), DEMO_MEMBER_COUNT);
    expect(all.slice(0, few.length)).toEqual(few);
    expect(demoMembers(new Date(at), 200)).toEqual(all.slice(0, 200));
  });

  test('3000 members: unique ids and cards, mostly active union members, some suspended and expired', () => {
    const all = demoMembers(new Date(at), DEMO_MEMBER_COUNT);
    expect(new Set(all.map((m) => m.cardNo)).size).toBe(DEMO_MEMBER_COUNT);
    expect(new Set(all.map((m) => m.id)).size).toBe(DEMO_MEMBER_COUNT);
    expect(all.at(-1)!.cardNo).toBe('310000003000');
    const share = (pred: (m: (typeof all)[number]) => boolean) => all.filter(pred).length / all.length;
    expect(share((m) => m.category === 'union-member')).toBeGreaterThan(0.7);
    expect(share((m) => m.category === 'courier')).toBeGreaterThan(0.05);
    expect(share((m) => m.category === 'driver')).toBeGreaterThan(0.03);
    expect(share((m) => m.status === 'suspended')).toBeGreaterThan(0.003);
    expect(share((m) => m.status === 'expired')).toBeGreaterThan(0.01);
    expect(share((m) => m.status === 'active')).toBeGreaterThan(0.95);
    for (const m of all) {
      expect(m.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      expect(m.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(m.phoneMasked.endsWith(m.phoneTail)).toBe(true);
    }
    expect(new Set(all.map((m) => m.name)).size).toBeGreaterThan(1500);
  });
});
