/** Member roster cache: lookups by card number (the scan path), manual search, walk-ins. */
import type { RxCollection } from 'rxdb';
import type { MemberDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, stampNew, type NewDoc } from './base';

export interface MemberRepository {
  get(id: string): Promise<MemberDoc | null>;
  findByCard(cardNo: string): Promise<MemberDoc | null>;
  /** Card number prefix, phone tail (4 digits) or a part of the name. */
  search(query: string, limit?: number): Promise<MemberDoc[]>;
  upsert(doc: NewDoc<MemberDoc>): Promise<MemberDoc>;
  bulkInsert(docs: NewDoc<MemberDoc>[]): Promise<number>;
  count(): Promise<number>;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const memberRepository = (members: RxCollection<MemberDoc>): MemberRepository => ({
  get: (id) => findOneJson(members, id),
  findByCard: (cardNo) => findOneJson(members, { selector: { cardNo } }),
  async search(query, limit = 20) {
    const q = query.trim();
    if (!q) return [];
    if (/^\d{4}$/.test(q)) {
      const byTail = await findJson(members, { selector: { phoneTail: q }, limit });
      if (byTail.length > 0) return byTail;
    }
    const byCard = await findJson(members, { selector: { cardNo: { $gte: q, $lt: `${q}\uffff` } }, limit });
    if (byCard.length > 0) return byCard;
    return findJson(members, { selector: { name: { $regex: escapeRegex(q) } }, limit });
  },
  async upsert(doc) {
    const stamped = stampNew<MemberDoc>(doc);
    await members.incrementalUpsert(stamped);
    return stamped;
  },
  async bulkInsert(docs) {
    const result = await members.bulkInsert(docs.map((d) => stampNew<MemberDoc>(d)));
    if (result.error.length > 0) throw new Error(`bulk insert failed for ${result.error.length} members`);
    return result.success.length;
  },
  count: () => members.count().exec(),
});
