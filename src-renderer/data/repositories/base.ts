/**
 * Helpers every repository uses: stamping the synced fields on desk writes, and turning RxDB
 * query observables into plain subscriptions (features never see RxDB types).
 */
import type { MangoQuery, RxCollection, RxDocument } from 'rxdb';
import { isDocId } from '../../../shared/ids';
import type { SyncedFields } from '../../../shared/schemas/index';

export type Unsubscribe = () => void;
export type Listener<T> = (value: T) => void;

/** Fields a caller supplies for a new document; the repository stamps the rest. */
export type NewDoc<D extends SyncedFields> = Omit<D, 'serverRev' | 'updatedAt'> & Partial<Pick<D, 'serverRev' | 'updatedAt'>>;

/**
 * Stamps a desk write. Its id and station id must have the one id shape (docs/sync-protocol.md, "Ids"): the
 * server refuses any other (BAD_ID), so such a document is never written here to begin with.
 */
export const stampNew = <D extends SyncedFields>(doc: NewDoc<D>, now: Date = new Date()): D => {
  for (const field of ['id', 'stationId'] as const) {
    if (!isDocId(doc[field])) throw new Error(`Refusing to write a document whose ${field} ${JSON.stringify(String(doc[field]).slice(0, 80))} is not an id [BAD_ID]`);
  }
  return { ...doc, serverRev: doc.serverRev ?? 0, updatedAt: doc.updatedAt ?? now.toISOString() } as D;
};

/**
 * The plain JSON of a document, made once per revision: RxDB hands out one immutable RxDocument
 * per revision, and a live query re-emits every row on each change (today's check-ins are
 * thousands at a busy station), so without this each scan copied them all again. Frozen, since
 * every reader shares it.
 */
const jsonCache = new WeakMap<object, unknown>();
export const jsonOf = <D>(doc: RxDocument<D>): D => {
  let json = jsonCache.get(doc) as D | undefined;
  if (json === undefined) {
    json = Object.freeze(doc.toJSON()) as D;
    jsonCache.set(doc, json);
  }
  return json;
};

/** Plain JSON of the documents a query returns (no RxDocument leaks out of data/). */
export const findJson = async <D>(collection: RxCollection<D>, query: MangoQuery<D>): Promise<D[]> => {
  const docs = await collection.find(query).exec();
  return docs.map((d) => jsonOf(d));
};

export const findOneJson = async <D>(collection: RxCollection<D>, query: MangoQuery<D> | string): Promise<D | null> => {
  const doc = await (typeof query === 'string' ? collection.findOne(query) : collection.findOne(query)).exec();
  return doc ? jsonOf(doc) : null;
};

export const subscribeQuery = <D>(collection: RxCollection<D>, query: MangoQuery<D>, listener: Listener<D[]>): Unsubscribe => {
  const sub = collection.find(query).$.subscribe((docs) => listener(docs.map((d) => jsonOf(d))));
  return () => sub.unsubscribe();
};
