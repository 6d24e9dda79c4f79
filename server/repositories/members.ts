/**
 * Roster upserts from the admin API: members are matched by card number within the station and
 * keep their existing id (bookings and check-ins refer to it); new card numbers get a new id.
 * Written through the commit-ordered store in batches, so desks pull them like any change.
 */
import { ulid } from '../../shared/ids';
import type { MemberDoc } from '../../shared/schemas/index';
import type { Database, Queryable } from '../db/database';
import { ensureStation, loadDocsWhere, lockStation, writeLocked, type DocWrite, type StoredDoc } from './sync-store';

export const WRITE_BATCH = 500;
const LOOKUP_BATCH = 1000;

export interface UpsertResult {
  imported: number;
  updated: number;
  unchanged: number;
}

/** The roster fields an import writes (services/member-import). */
export type MemberFields = Pick<MemberDoc, 'cardNo' | 'name' | 'phoneMasked' | 'phoneTail' | 'category' | 'status' | 'validUntil'>;

const FIELDS: (keyof MemberFields)[] = ['cardNo', 'name', 'phoneMasked', 'phoneTail', 'category', 'status', 'validUntil'];

/** The document a card number maps to: a live one first; a server-known one, then a walk-in, then a review ticket. */
const preferred = (a: StoredDoc | undefined, b: StoredDoc): StoredDoc => {
  if (!a) return b;
  const rank = (d: StoredDoc) => (d.deleted ? 3 : 0) + (d.data.source === 'server' ? 0 : d.data.source === 'walk-in' ? 1 : 2);
  return rank(b) < rank(a) ? b : a;
};

const existingByCard = async (q: Queryable, stationId: string, cardNos: string[]): Promise<Map<string, StoredDoc>> => {
  const found = new Map<string, StoredDoc>();
  for (let i = 0; i < cardNos.length; i += LOOKUP_BATCH) {
    for (const doc of await loadDocsWhere(q, stationId, 'members', 'cardNo', cardNos.slice(i, i + LOOKUP_BATCH))) {
      const card = String(doc.data.cardNo);
      found.set(card, preferred(found.get(card), doc));
    }
  }
  return found;
};

/**
 * Card numbers must be unique in `rows` (the caller reports duplicates by line). Each batch looks
 * its cards up and writes under the station lock, like a desk's push: a walk-in a desk registers
 * meanwhile is adopted, never doubled (card numbers are unique per station, docs/domain-rules.md).
 */
export const upsertMembersByCard = async (
  db: Database,
  stationId: string,
  rows: readonly MemberFields[],
  options: { now: number; writtenBy: string },
): Promise<UpsertResult> => {
  const updatedAt = new Date(options.now).toISOString();
  const total: UpsertResult = { imported: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    const batch = rows.slice(i, i + WRITE_BATCH);
    const counts = await db.transaction(async (tx) => {
      await ensureStation(tx, stationId);
      await lockStation(tx, stationId);
      const existing = await existingByCard(tx, stationId, batch.map((r) => r.cardNo));
      const result: UpsertResult = { imported: 0, updated: 0, unchanged: 0 };
      const writes: DocWrite[] = [];
      for (const row of batch) {
        const current = existing.get(row.cardNo);
        if (!current) {
          const id = ulid(options.now);
          writes.push({ id, deleted: false, data: { id, stationId, serverRev: 0, updatedAt, ...row, source: 'server' } });
          result.imported++;
          continue;
        }
        const same = !current.deleted && current.data.source === 'server' && FIELDS.every((f) => current.data[f] === row[f]);
        if (same) {
          result.unchanged++;
          continue;
        }
        writes.push({ id: current.id, deleted: false, data: { ...current.data, ...row, id: current.id, stationId, updatedAt, source: 'server' } });
        result.updated++;
      }
      await writeLocked(tx, stationId, 'members', writes, options.writtenBy);
      return result;
    });
    total.imported += counts.imported;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
  }
  return total;
};
