/**
 * Hints: "station S's collection C has changes up to seq N; pull". Published after commit over
 * the database's notification channel, so desks connected to any server process sharing the
 * database hear them (PostgreSQL LISTEN/NOTIFY; in-process on PGlite). A hint may be lost: desks
 * also resync on reconnect and poll slowly, so correctness never depends on one.
 */
import { GLOBAL_STATION_ID, isCollectionName, type CollectionName } from '../../shared/schemas/index';
import type { Database } from '../db/database';

export const HINT_CHANNEL = 'station_desk_hints';
export const REVOKE_CHANNEL = 'station_desk_revocations';

export interface StationHint {
  stationId: string;
  collection: CollectionName;
  seq: number;
}

type HintListener = (hint: StationHint) => void;
type RevokeListener = (deviceId: string) => void;

export interface HintBus {
  publish(hints: StationHint[]): Promise<void>;
  publishRevocation(deviceId: string): Promise<void>;
  /** Hints for one station (plus global ones); returns unsubscribe. */
  subscribe(stationId: string, listener: HintListener): () => void;
  onRevocation(listener: RevokeListener): () => void;
  close(): Promise<void>;
}

const parseHint = (payload: string): StationHint | null => {
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

export const createHintBus = async (db: Database): Promise<HintBus> => {
  const byStation = new Map<string, Set<HintListener>>();
  const revokeListeners = new Set<RevokeListener>();
  const deliver = (hint: StationHint) => {
    const targets = hint.stationId === GLOBAL_STATION_ID ? [...byStation.values()] : [byStation.get(hint.stationId) ?? new Set()];
    for (const set of targets) for (const fn of set) fn(hint);
  };
  const unlistenHints = await db.listen(HINT_CHANNEL, (payload) => {
    const hint = parseHint(payload);
    if (hint) deliver(hint);
  });
  const unlistenRevocations = await db.listen(REVOKE_CHANNEL, (deviceId) => {
    for (const fn of revokeListeners) fn(deviceId);
  });
  return {
    async publish(hints) {
      // one notification per (station, collection): the newest seq is all a desk needs
      const newest = new Map<string, StationHint>();
      for (const h of hints) {
        const key = `${h.stationId}\u0000${h.collection}`;
        if ((newest.get(key)?.seq ?? -1) < h.seq) newest.set(key, h);
      }
      for (const hint of newest.values()) await db.notify(HINT_CHANNEL, JSON.stringify(hint)).catch(() => undefined);
    },
    publishRevocation: (deviceId) => db.notify(REVOKE_CHANNEL, deviceId).catch(() => undefined),
    subscribe(stationId, listener) {
      const set = byStation.get(stationId) ?? new Set();
      set.add(listener);
      byStation.set(stationId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) byStation.delete(stationId);
      };
    },
    onRevocation(listener) {
      revokeListeners.add(listener);
      return () => revokeListeners.delete(listener);
    },
    async close() {
      await unlistenHints().catch(() => undefined);
      await unlistenRevocations().catch(() => undefined);
      byStation.clear();
      revokeListeners.clear();
    },
  };
};
