/** The desk's station profile (written by the server, read by every rule on the desk). */
import type { RxCollection } from 'rxdb';
import type { StationDoc } from '../../../shared/schemas/index';
import { findJson, stampNew, subscribeQuery, type Listener, type NewDoc, type Unsubscribe } from './base';

export interface StationRepository {
  /** The station this desk serves, or null before the first sync / demo setup. */
  current(): Promise<StationDoc | null>;
  subscribe(listener: Listener<StationDoc | null>): Unsubscribe;
  /** Local setup only (demo profile, tests); the server owns this document once synced. */
  save(doc: NewDoc<StationDoc>): Promise<StationDoc>;
}

export const stationRepository = (stations: RxCollection<StationDoc>): StationRepository => ({
  async current() {
    const [first] = await findJson(stations, { selector: {}, limit: 1 });
    return first ?? null;
  },
  subscribe: (listener) => subscribeQuery(stations, { selector: {}, limit: 1 }, (docs) => listener(docs[0] ?? null)),
  async save(doc) {
    const stamped = stampNew<StationDoc>(doc);
    await stations.incrementalUpsert(stamped);
    return stamped;
  },
});
