/**
 * The demo station's roster, one pure rule shared by the desk's offline demo
 * (src-renderer/features/settings/demo-data.ts) and the server's demo seed (server/services/demo/seed.ts),
 * so a desk that tried the demo offline and then enrolls into the server's demo station sees the
 * same people under the same ids and card numbers.
 *
 * Member n (1-based) has id DEMO-M-<n:4>, card number 3100000<n:5> (310000000001…). The first
 * DEMO_FIXED_MEMBERS follow a fixed grid that the README and E2E tests name (1 = 王建国 active,
 * 7 suspended, 9 expired); later members come from a PRNG seeded with n, so member n never
 * depends on how many members are generated.
 */
import type { MemberCategory, MemberDoc, MemberStatus } from '../schemas/members';
import { mulberry32, pick, pickWeighted } from './prng';

export const DEMO_STATION_ID = 'DEMO-SH-JA-001';
/** Members whose details are fixed by hand (documented in README, used by E2E tests). */
export const DEMO_FIXED_MEMBERS = 50;
/** The server's demo roster size. */
export const DEMO_MEMBER_COUNT = 3000;

const VALID_UNTIL = '2027-12-31T15:59:59.000Z';
const EXPIRED_ON = '2025-12-31T15:59:59.000Z';

// The fixed grid (do not change: names and statuses of members 1–50 are documented).
const GRID_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GRID_GIVEN = ['建国', '秀英', '志强', '丽娟', '海峰', '晓燕', '国平', '春梅', '伟', '敏'];
const GRID_CATEGORIES: MemberCategory[] = ['union-member', 'union-member', 'courier', 'driver', 'union-member'];

// Common surnames, most frequent first (listed twice to weight the top ones).
const TOP_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const SURNAMES = [
  ...TOP_SURNAMES,
  ...TOP_SURNAMES,
  ...['徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'],
  ...['彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚'],
  ...['卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '方', '白', '邹', '孟', '熊', '秦'],
  ...['欧阳', '司马', '上官'],
];
const GIVEN_FIRST = ['建', '志', '国', '秀', '丽', '海', '晓', '春', '永', '玉', '俊', '文', '明', '嘉', '子', '思', '雨', '欣', '佳', '梓', '浩', '宇', '婷', '慧', '美', '家', '德', '少', '振', '金'];
const GIVEN_SECOND = ['华', '军', '平', '英', '芳', '强', '敏', '静', '伟', '勇', '杰', '涛', '磊', '洋', '燕', '红', '霞', '娟', '峰', '龙', '轩', '涵', '萱', '辰', '宁', '琳', '斌', '辉', '鹏', '倩'];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158', '159', '176', '177', '178', '180', '181', '182', '185', '186', '187', '188', '189', '199'];

export const demoMemberId = (n: number): string => `DEMO-M-${String(n).padStart(4, '0')}`;
export const demoCardNo = (n: number): string => `3100000${String(n).padStart(5, '0')}`;

/** Member n as a document of `stationId` (serverRev 0: not yet stamped by a server). */
export const demoMember = (n: number, updatedAt: string, stationId = DEMO_STATION_ID): MemberDoc => {
  const base = { id: demoMemberId(n), stationId, serverRev: 0, updatedAt, cardNo: demoCardNo(n), source: 'server' as const };
  if (n <= DEMO_FIXED_MEMBERS) {
    const i = n - 1;
    const tail = String(1000 + n).slice(-4);
    const status: MemberStatus = n === 7 ? 'suspended' : n === 9 ? 'expired' : 'active';
    return {
      ...base,
      name: `${GRID_SURNAMES[i % GRID_SURNAMES.length]}${GRID_GIVEN[Math.floor(i / GRID_SURNAMES.length) % GRID_GIVEN.length]}`,
      phoneMasked: `139****${tail}`,
      phoneTail: tail,
      category: GRID_CATEGORIES[i % GRID_CATEGORIES.length]!,
      status,
      validUntil: n === 9 ? EXPIRED_ON : VALID_UNTIL,
    };
  }
  const random = mulberry32(Math.imul(n, 0x9e3779b1) ^ 0x5eed);
  const given = random() < 0.3 ? pick(random, GIVEN_SECOND) : `${pick(random, GIVEN_FIRST)}${pick(random, GIVEN_SECOND)}`;
  const tail = String(Math.floor(random() * 10000)).padStart(4, '0');
  const category: MemberCategory = pickWeighted(random, { 'union-member': 80, courier: 12, driver: 8 });
  const roll = random();
  const status: MemberStatus = roll < 0.01 ? 'suspended' : roll < 0.03 ? 'expired' : 'active';
  return {
    ...base,
    name: `${pick(random, SURNAMES)}${given}`,
    phoneMasked: `${pick(random, MOBILE_PREFIXES)}****${tail}`,
    phoneTail: tail,
    category,
    status,
    validUntil: status === 'expired' ? EXPIRED_ON : VALID_UNTIL,
  };
};

/** Members 1…count. */
export const demoMembers = (now: Date, count = DEMO_FIXED_MEMBERS, stationId = DEMO_STATION_ID): MemberDoc[] => {
  const updatedAt = now.toISOString();
  return Array.from({ length: count }, (_, i) => demoMember(i + 1, updatedAt, stationId));
};
