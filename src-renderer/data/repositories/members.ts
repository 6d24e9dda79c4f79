/**
 * Member roster cache: lookups by card number (the scan path), manual search, walk-ins, and the
 * review tickets of provisional admissions (source 'provisional', shared/domain/provisional-review).
 */
import type { RxCollection } from 'rxdb';
import { pickCardMember } from '../../../shared/domain/provisional-review';
import type { MemberDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, stampNew, subscribeQuery, type Listener, type NewDoc, type Unsubscribe } from './base';

export interface MemberRepository {
  get(id: string): Promise<MemberDoc | null>;
  /** The member a card stands for: a roster member before a walk-in before a review ticket. */
  findByCard(cardNo: string): Promise<MemberDoc | null>;
  /** Every document with this card number (roster member and review tickets alike). */
  allByCard(cardNo: string): Promise<MemberDoc[]>;
  /** Open review tickets (source 'provisional'), oldest first. */
  provisional(): Promise<MemberDoc[]>;
  subscribeProvisional(listener: Listener<MemberDoc[]>): Unsubscribe;
  /** Retires a document (a tombstone that syncs; nothing is hard-deleted). */
  retire(id: string): Promise<void>;
  /** Card number prefix, phone tail (4 digits) or a part of the name. */
  search(query: string, limit?: number): Promise<MemberDoc[]>;
  upsert(doc: NewDoc<MemberDoc>): Promise<MemberDoc>;
  bulkInsert(docs: NewDoc<MemberDoc>[]): Promise<number>;
  count(): Promise<number>;
}

/** The name search reads the roster this many at a time (names are sealed at rest: no index, no query). */
const NAME_SCAN_PAGE = 500;

/**
 * Members whose name contains `part`, in id order: names are sealed in storage (data/pii-storage.ts),
 * so no query can look inside them; the roster is read a page at a time, opened, and filtered here,
 * until `limit` are found.
 */
const searchByName = async (members: RxCollection<MemberDoc>, part: string, limit: number): Promise<MemberDoc[]> => {
  const found: MemberDoc[] = [];
  for (let after = ''; found.length < limit; ) {
    const page = await findJson(members, { selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: NAME_SCAN_PAGE });
    found.push(...page.filter((m) => m.name.includes(part)));
    if (page.length < NAME_SCAN_PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return found.slice(0, limit);
};

export const memberRepository = (members: RxCollection<MemberDoc>): MemberRepository => ({
  get: (id) => findOneJson(members, id),
  findByCard: async (cardNo) => pickCardMember(await findJson(members, { selector: { cardNo } })),
  allByCard: (cardNo) => findJson(members, { selector: { cardNo } }),
  provisional: () => findJson(members, { selector: { source: 'provisional' }, sort: [{ id: 'asc' }] }),
  subscribeProvisional: (listener) => subscribeQuery(members, { selector: { source: 'provisional' }, sort: [{ id: 'asc' }] }, listener),
  async retire(id) {
    const doc = await members.findOne(id).exec();
    if (doc) await doc.remove();
  },
  async search(query, limit = 20) {
    const q = query.trim();
    if (!q) return [];
    if (/^\d{4}$/.test(q)) {
      const byTail = await findJson(members, { selector: { phoneTail: q }, limit });
      if (byTail.length > 0) return byTail;
    }
    const byCard = await findJson(members, { selector: { cardNo: { $gte: q, $lt: `${q}\uffff` } }, limit });
    if (byCard.length > 0) return byCard;
    return searchByName(members, q, limit);
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
