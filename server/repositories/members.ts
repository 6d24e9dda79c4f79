/**
 * Roster upserts from the admin API: members are matched by card number within the station and
 * keep their existing id (bookings and check-ins refer to it); new card numbers get a new id.
 * Written through the commit-ordered store in batches, so desks pull them like any change.
 */
import { ulid } from '../../shared/ids';
import type { MemberDoc } from '../../shared/schemas/index';
import type { Database } from '../db/database';
import { loadDocsWhere, writeServerDocs, type StoredDoc } from './sync-store';

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

/** The document a card number maps to: a live one first, a server-known one before a walk-in. */
const preferred = (a: StoredDoc | undefined, b: StoredDoc): StoredDoc => {
  if (!a) return b;
  const rank = (d: StoredDoc) => (d.deleted ? 2 : 0) + (d.data.source === 'server' ? 0 : 1);
  return rank(b) < rank(a) ? b : a;
};

const existingByCard = async (db: Database, stationId: string, cardNos: string[]): Promise<Map<string, StoredDoc>> => {
  const found = new Map<string, StoredDoc>();
  for (let i = 0; i < cardNos.length; i += LOOKUP_BATCH) {
    for (const doc of await loadDocsWhere(db, stationId, 'members', 'cardNo', cardNos.slice(i, i + LOOKUP_BATCH))) {
      const card = String(doc.data.cardNo);
      found.set(card, preferred(found.get(card), doc));
    }
  }
  return found;
};

/** Card numbers must be unique in `rows` (the caller reports duplicates by line). */
export const upsertMembersByCard = async (
  db: Database,
  stationId: string,
  rows: readonly MemberFields[],
  options: { now: number; writtenBy: string },
): Promise<UpsertResult> => {
  const updatedAt = new Date(options.now).toISOString();
  const existing = await existingByCard(db, stationId, rows.map((r) => r.cardNo));
  const docs: Array<MemberDoc & { _deleted: boolean }> = [];
  let imported = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of rows) {
    const current = existing.get(row.cardNo);
    if (!current) {
      docs.push({ id: ulid(options.now), stationId, serverRev: 0, updatedAt, ...row, source: 'server', _deleted: false });
      imported++;
      continue;
    }
    const same = !current.deleted && current.data.source === 'server' && FIELDS.every((f) => current.data[f] === row[f]);
    if (same) {
      unchanged++;
      continue;
    }
    docs.push({ ...(current.data as unknown as MemberDoc), ...row, id: current.id, stationId, updatedAt, source: 'server', _deleted: false });
    updated++;
  }
  for (let i = 0; i < docs.length; i += WRITE_BATCH) {
    const batch = docs.slice(i, i + WRITE_BATCH) as unknown as Array<Record<string, unknown>>;
    await writeServerDocs(db, stationId, 'members', batch, options);
  }
  return { imported, updated, unchanged };
};
