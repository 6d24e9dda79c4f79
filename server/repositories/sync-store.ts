/**
 * The commit-ordered document store (docs/sync-protocol.md). Every write of a station happens inside a
 * transaction that holds the station's clock row lock and takes its sequence numbers from
 * `UPDATE station_clock SET seq = seq + n ... RETURNING seq`: writes of one station are
 * serialized, so seq order is commit order and a reader that has seen seq N can never later
 * find a row committed below N. Stations never wait for each other. The desk's clock is never
 * used for ordering.
 */
import { GLOBAL_STATION_ID, collectionSpec, type CollectionName } from '../../shared/schemas/index';
import type { Checkpoint, PullResponse, WireDoc } from '../../shared/protocol/messages';
import { textArray, toNumber, type Database, type Queryable, type Transaction } from '../db/database';
import { ApiError } from '../errors';
import { getOrCreateSecret } from './secrets';
import type { StationHint } from '../db/hints';

const DATABASE_EPOCH = 'database-epoch';

export interface StoredDoc {
  id: string;
  seq: number;
  deleted: boolean;
  data: Record<string, unknown>;
}

/** A document as the wire carries it: stored fields, the server's stamp, the tombstone flag. */
export const toWire = (row: StoredDoc): WireDoc => ({ ...row.data, serverRev: row.seq, _deleted: row.deleted }) as WireDoc;

/** Where a collection's documents live: the station's own, or the global station. */
export const scopeOf = (collection: CollectionName, stationId: string): string =>
  collectionSpec(collection).scope === 'global' ? GLOBAL_STATION_ID : stationId;

export const ensureStation = async (q: Queryable, stationId: string): Promise<void> => {
  await q.query('INSERT INTO stations (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [stationId]);
  await q.query('INSERT INTO station_clock (station_id, seq) VALUES ($1, 0) ON CONFLICT (station_id) DO NOTHING', [stationId]);
};

/** Takes the station's write lock for the rest of the transaction. */
export const lockStation = async (tx: Queryable, stationId: string): Promise<void> => {
  const { rows } = await tx.query('SELECT seq FROM station_clock WHERE station_id = $1 FOR UPDATE', [stationId]);
  if (rows.length === 0) throw new ApiError(409, 'WRONG_STATION', `Station ${stationId} does not exist on this server`);
};

const parseRow = (r: { id: string; seq: unknown; deleted: boolean; data: Record<string, unknown> }): StoredDoc => ({
  id: r.id,
  seq: toNumber(r.seq),
  deleted: r.deleted,
  data: r.data,
});

export const loadDocs = async (q: Queryable, stationId: string, collection: CollectionName, ids: readonly string[]): Promise<Map<string, StoredDoc>> => {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; seq: unknown; deleted: boolean; data: Record<string, unknown> }>(
    `SELECT id, seq, deleted, data FROM sync_docs
     WHERE station_id = $1 AND collection = $2 AND id = ANY($3::text[])`,
    [stationId, collection, textArray(ids)],
  );
  return new Map(rows.map((r) => [r.id, parseRow(r)]));
};

/**
 * Documents of a station's collection matching a JSON field value (e.g. bookings by slotKey).
 * `omit` drops heavy fields the caller does not need (equipment-log photos).
 */
export const loadDocsWhere = async (
  q: Queryable,
  stationId: string,
  collection: CollectionName,
  field: string,
  values: readonly string[],
  options: { omit?: readonly string[] } = {},
): Promise<StoredDoc[]> => {
  if (values.length === 0) return [];
  const { rows } = await q.query<{ id: string; seq: unknown; deleted: boolean; data: Record<string, unknown> }>(
    `SELECT id, seq, deleted, (data - $5::text[]) AS data FROM sync_docs
     WHERE station_id = $1 AND collection = $2 AND (data ->> $3) = ANY($4::text[])`,
    [stationId, collection, field, textArray(values), textArray(options.omit ?? [])],
  );
  return rows.map(parseRow);
};

/** The fault/repair events of some equipment, without their photos: what status rules need. */
export const loadEquipmentEvents = (q: Queryable, stationId: string, equipmentIds: readonly string[]): Promise<StoredDoc[]> =>
  loadDocsWhere(q, stationId, 'equipmentLogs', 'equipmentId', equipmentIds, { omit: ['photo'] });

export const loadAll = async (q: Queryable, stationId: string, collection: CollectionName): Promise<StoredDoc[]> => {
  const { rows } = await q.query<{ id: string; seq: unknown; deleted: boolean; data: Record<string, unknown> }>(
    'SELECT id, seq, deleted, data FROM sync_docs WHERE station_id = $1 AND collection = $2 AND NOT deleted',
    [stationId, collection],
  );
  return rows.map(parseRow);
};

export interface DocWrite {
  id: string;
  deleted: boolean;
  /** The document's fields (no `_deleted`); `serverRev` is overwritten with the new seq. */
  data: Record<string, unknown>;
}

/**
 * Writes documents under the station lock (the caller holds it): allocates one seq per
 * document in the given order and upserts them. The hint for the station/collection is queued
 * on the transaction (published after commit) and returned.
 */
export const writeLocked = async (
  tx: Transaction,
  stationId: string,
  collection: CollectionName,
  writes: readonly DocWrite[],
  writtenBy: string,
): Promise<StationHint | null> => {
  if (writes.length === 0) return null;
  const { rows } = await tx.query<{ seq: unknown }>(
    'UPDATE station_clock SET seq = seq + $2 WHERE station_id = $1 RETURNING seq',
    [stationId, writes.length],
  );
  const last = toNumber(rows[0]?.seq);
  const first = last - writes.length + 1;
  const records = writes.map((w, i) => ({ id: w.id, seq: first + i, deleted: w.deleted, data: { ...w.data, serverRev: first + i } }));
  await tx.query(
    `INSERT INTO sync_docs (station_id, collection, id, seq, deleted, data, written_by, written_at)
     SELECT $1, $2, x.id, x.seq, x.deleted, x.data, $3, now()
     FROM jsonb_to_recordset($4::text::jsonb) AS x(id text, seq bigint, deleted boolean, data jsonb)
     ON CONFLICT (station_id, collection, id) DO UPDATE
       SET seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, data = EXCLUDED.data,
           written_by = EXCLUDED.written_by, written_at = EXCLUDED.written_at`,
    [stationId, collection, writtenBy, JSON.stringify(records)],
  );
  const hint = { stationId, collection, seq: last };
  tx.hint(hint);
  return hint;
};

/**
 * Server-authored documents (station profile, roster imports, demo seed, keys): upserted
 * through the same clock, in one transaction whose hint goes out after it commits.
 */
export const writeServerDocs = async (
  db: Database,
  stationId: string,
  collection: CollectionName,
  docs: ReadonlyArray<object>,
  options: { writtenBy: string; now: number },
): Promise<void> => {
  const scope = scopeOf(collection, stationId);
  const updatedAt = new Date(options.now).toISOString();
  await db.transaction(async (tx) => {
    await ensureStation(tx, scope);
    await lockStation(tx, scope);
    const writes = (docs as ReadonlyArray<Record<string, unknown>>).map(({ _deleted, ...data }) => ({
      id: String(data.id),
      deleted: _deleted === true,
      data: { ...data, stationId: scope, updatedAt: typeof data.updatedAt === 'string' ? data.updatedAt : updatedAt },
    }));
    await writeLocked(tx, scope, collection, writes, options.writtenBy);
  });
};

const epochs = new WeakMap<Queryable, Promise<string>>();

/** This database's epoch (random, made once per database, shared by all server processes). */
export const databaseEpoch = (db: Queryable): Promise<string> => {
  let epoch = epochs.get(db);
  if (!epoch) {
    epoch = getOrCreateSecret(db, DATABASE_EPOCH, 8).then((bytes) => bytes.toString('hex'));
    epoch.catch(() => epochs.delete(db));
    epochs.set(db, epoch);
  }
  return epoch;
};

/** A page stops growing past this many bytes of JSON (photos make documents large). */
export const PULL_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * One page of a collection after a checkpoint, in commit order. A page is cut at `limit`
 * documents or ~PULL_PAGE_BYTES, whichever comes first (`more`: a short page that is not the
 * end). With `count`, `remaining` says how many documents follow — a scan of them, so desks
 * ask once per catch-up, not on every page.
 */
export const pullDocs = async (
  q: Queryable,
  stationId: string,
  collection: CollectionName,
  checkpoint: Checkpoint,
  limit: number,
  options: { count?: boolean } = {},
): Promise<PullResponse> => {
  const scope = scopeOf(collection, stationId);
  const epoch = await databaseEpoch(q);
  // a checkpoint from another database (restored, recreated) means nothing here: start over
  const since = checkpoint.epoch === undefined || checkpoint.epoch === epoch ? checkpoint.seq : 0;
  const { rows } = await q.query<{ id: string; seq: unknown; deleted: boolean; data: Record<string, unknown> }>(
    `SELECT id, seq, deleted, data FROM sync_docs
     WHERE station_id = $1 AND collection = $2 AND seq > $3
     ORDER BY seq LIMIT $4`,
    [scope, collection, since, limit],
  );
  const documents: WireDoc[] = [];
  let bytes = 0;
  for (const row of rows) {
    const doc = toWire(parseRow(row));
    bytes += JSON.stringify(doc).length;
    if (documents.length > 0 && bytes > PULL_PAGE_BYTES) break;
    documents.push(doc);
  }
  const last = documents.at(-1);
  const next = last ? last.serverRev : since;
  const more = documents.length < rows.length;
  const page: PullResponse = { documents, checkpoint: { seq: next, epoch }, ...(more ? { more } : {}) };
  if (!options.count) return page;
  const mayRemain = more || rows.length === limit;
  const counted = mayRemain
    ? await q.query<{ n: unknown }>('SELECT count(*) AS n FROM sync_docs WHERE station_id = $1 AND collection = $2 AND seq > $3', [scope, collection, next])
    : null;
  return { ...page, remaining: counted ? toNumber(counted.rows[0]?.n ?? 0) : 0 };
};
