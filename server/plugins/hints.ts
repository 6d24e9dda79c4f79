/**
 * The hint bus: hands the hints and device revocations heard on the database's notification
 * channels (db/hints.ts) to the live streams of this process, by station. Hints are published by
 * the transaction that wrote the change, after it commits (db/transaction.ts), and so are
 * revocations.
 */
import { GLOBAL_STATION_ID } from '../../shared/schemas/index';
import type { Database } from '../db/database';
import { HINT_CHANNEL, parseHint, REVOKE_CHANNEL, type StationHint } from '../db/hints';

type HintListener = (hint: StationHint) => void;
type RevokeListener = (deviceId: string) => void;

export interface HintBus {
  /** Hints for one station (plus global ones); returns unsubscribe. */
  subscribe(stationId: string, listener: HintListener): () => void;
  onRevocation(listener: RevokeListener): () => void;
  close(): Promise<void>;
}

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
