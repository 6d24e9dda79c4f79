/**
 * Hints: "station S's collection C has changes up to seq N; pull". This is their wire format on
 * the database's notification channel, so desks connected to any server process sharing the
 * database hear them (PostgreSQL LISTEN/NOTIFY; in-process on PGlite). A hint may be lost: desks
 * also resync on reconnect and poll slowly, so correctness never depends on one.
 * The hint bus (plugins/hints.ts) delivers them to the live streams.
 */
import { isCollectionName, type CollectionName } from '../../shared/schemas/index';

export const HINT_CHANNEL = 'station_desk_hints';
export const REVOKE_CHANNEL = 'station_desk_revocations';

export interface StationHint {
  stationId: string;
  collection: CollectionName;
  seq: number;
}

export const parseHint = (payload: string): StationHint | null => {
  try {
    const value = JSON.parse(payload) as Partial<StationHint>;
    if (typeof value.stationId === 'string' && isCollectionName(value.collection) && typeof value.seq === 'number') {
      return { stationId: value.stationId, collection: value.collection, seq: value.seq };
    }
  } catch {
    // not ours: ignore
  }
  return null;
};

/** One hint per (station, collection): the newest seq is all a desk needs. */
export const newestHints = (hints: readonly StationHint[]): StationHint[] => {
  const newest = new Map<string, StationHint>();
  for (const h of hints) {
    const key = `${h.stationId}\u0000${h.collection}`;
    if ((newest.get(key)?.seq ?? -1) < h.seq) newest.set(key, h);
  }
  return [...newest.values()];
};
