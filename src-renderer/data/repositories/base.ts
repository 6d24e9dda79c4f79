/**
 * Helpers every repository uses: stamping the synced fields on desk writes, and turning RxDB
 * query observables into plain subscriptions (features never see RxDB types).
 */
import type { MangoQuery, RxCollection } from 'rxdb';
import type { SyncedFields } from '../../../shared/schemas/index';

export type Unsubscribe = () => void;
export type Listener<T> = (value: T) => void;

/** Fields a caller supplies for a new document; the repository stamps the rest. */
export type NewDoc<D extends SyncedFields> = Omit<D, 'serverRev' | 'updatedAt'> & Partial<Pick<D, 'serverRev' | 'updatedAt'>>;

export const stampNew = <D extends SyncedFields>(doc: NewDoc<D>, now: Date = new Date()): D =>
  ({ ...doc, serverRev: doc.serverRev ?? 0, updatedAt: doc.updatedAt ?? now.toISOString() }) as D;

/** Plain JSON of the documents a query returns (no RxDocument leaks out of data/). */
export const findJson = async <D>(collection: RxCollection<D>, query: MangoQuery<D>): Promise<D[]> => {
  const docs = await collection.find(query).exec();
  return docs.map((d) => d.toJSON() as D);
};

export const findOneJson = async <D>(collection: RxCollection<D>, query: MangoQuery<D> | string): Promise<D | null> => {
  const doc = await (typeof query === 'string' ? collection.findOne(query) : collection.findOne(query)).exec();
  return doc ? (doc.toJSON() as D) : null;
};

export const subscribeQuery = <D>(collection: RxCollection<D>, query: MangoQuery<D>, listener: Listener<D[]>): Unsubscribe => {
  const sub = collection.find(query).$.subscribe((docs) => listener(docs.map((d) => d.toJSON() as D)));
  return () => sub.unsubscribe();
};
