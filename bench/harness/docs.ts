/**
 * Benchmark documents: roster members (~300 bytes as JSON, like a server-imported member
 * roster) and check-ins, built from the test fixtures so they pass the server's validation.
 * PouchDB gets the same fields with `_id` and a `type` (one database per station, CouchDB style).
 */
import { ulid } from '../../shared/ids';
import type { CheckInDoc, MemberDoc } from '../../shared/schemas/index';
import { makeCheckIn, makeMember } from '../../tests/support/builders/index';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['建国', '秀英', '志强', '丽娟', '海涛', '晓明', '春梅', '国平', '文博', '雪芳', '振华', '桂兰'];
const CATEGORIES = ['union-member', 'courier', 'driver', 'family'] as const;

export const rosterMember = (stationId: string, i: number): MemberDoc => {
  const tail = String((i * 7919) % 10000).padStart(4, '0');
  return makeMember({
    id: ulid(),
    stationId,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i >> 4) % GIVEN.length]}`,
    phoneMasked: `13${i % 10}****${tail}`,
    phoneTail: tail,
    cardNo: `31${String(i).padStart(10, '0')}`,
    category: CATEGORIES[i % CATEGORIES.length],
    validUntil: `${2026 + (i % 3)}-12-31T15:59:59.000Z`,
  });
};

export const deskCheckIn = (stationId: string, deskId: string, i: number): CheckInDoc => {
  const at = new Date(Date.UTC(2026, 10, 29, 1) + i * 1000).toISOString();
  return makeCheckIn({ stationId, deskId, badge: `31${String(i % 100_000).padStart(10, '0')}`, at, updatedAt: at });
};

export type PouchDoc = Record<string, unknown> & { _id: string; type: string };

export const toPouch = (type: 'member' | 'checkin', doc: { id: string } & object): PouchDoc => {
  const { id, ...rest } = doc;
  return { _id: id, type, ...rest };
};

export const jsonBytes = (doc: unknown): number => Buffer.byteLength(JSON.stringify(doc));
