/**
 * The desk's sync with the central server (docs/sync-protocol.md): one RxDB replication per collection of
 * the registry, one live stream of hints for all of them, and a status for the UI.
 *
 * Never blocks app start (no awaitInitialReplication): replications start when this tab wins
 * leadership (multi-tab web build) and run in the background. Every collection re-pulls on
 * stream (re)connect, when the OS reports the network back, and on a slow safety poll — a lost
 * hint only delays. A dead credential (revoked device, reused refresh token) stops everything
 * and shows state 'revoked'. The pending count goes to `onPendingWrites` (the quit guard).
 */
import { addRxPlugin, type RxCollection } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { PROTOCOL_VERSION } from '../../shared/protocol/version';
import { COLLECTIONS } from '../../shared/schemas/index';
import type { DeskDatabase } from './database';
import { createBackoffGate } from './sync/backoff';
import { replicateCollection, type CollectionReplication } from './sync/collection-replication';
import { createSyncHttp, type AccessTokenProvider } from './sync/http-client';
import { startHintStream, type HintStream } from './sync/hint-stream';
import { createPendingWatch } from './sync/pending-watch';
import { createQuarantine } from './sync/quarantine';
import { createStatusStore } from './sync/status-store';
import { createTrustFreshnessRecorder } from './sync/trust-freshness';
import { SyncError } from './sync/sync-errors';
import type { SyncService } from './sync/sync-status';

export interface StartReplicationOptions {
  /** Base URL of the central server, e.g. https://sync.example.cn (no trailing slash needed). */
  serverUrl: string;
  getAccessToken: AccessTokenProvider;
  /** Part of the replication identity: checkpoints are per station. */
  stationId?: string;
  fetch?: typeof fetch;
  /** Subscribes to "the network is back" (default: window 'online'). */
  onlineEvents?: (listener: () => void) => () => void;
  /** Subscribes to "the network is gone" (default: window 'offline'): the status shows it at once. */
  offlineEvents?: (listener: () => void) => () => void;
  /** RxDB's retry delay after a failed request (default 5 s); failures also back off up to `maxBackoffMs`. */
  retryTime?: number;
  maxBackoffMs?: number;
  /** Pull page size (default 500). */
  batchSize?: number;
  /** Push batch size (default 500: fast catch-up after an outage). */
  pushBatchSize?: number;
  /** Safety-net pull of everything (default 60 s). */
  pollIntervalMs?: number;
  requestTimeoutMs?: number;
  stream?: { minDelayMs?: number; maxDelayMs?: number; idleTimeoutMs?: number };
  /** Called with the pending count whenever it changes (the Electron quit guard). */
  onPendingWrites?: (count: number) => void;
  now?: () => number;
}

export interface SyncHandle extends SyncService {
  /** Cancels everything (replications, stream, timers) and waits for local writes to finish. */
  stop(): Promise<void>;
  /** Recounts pending writes now (null when this tab does not run the replication). */
  countPending(): Promise<number | null>;
}

const windowEvent = (name: 'online' | 'offline') => (listener: () => void) => {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener(name, listener);
  return () => window.removeEventListener(name, listener);
};

export const startReplication = (db: DeskDatabase, options: StartReplicationOptions): SyncHandle => {
  addRxPlugin(RxDBLeaderElectionPlugin);
  const now = options.now ?? Date.now;
  const retryTime = options.retryTime ?? 5000;
  const stopping = new AbortController();
  const cleanups: (() => void)[] = [];
  const status = createStatusStore(db, now);
  const trustFreshness = createTrustFreshnessRecorder(db, now);
  const quarantine = createQuarantine(db, now);
  cleanups.push(quarantine.subscribe((entries) => status.setRejected(entries)));
  const gate = createBackoffGate({ baseMs: retryTime, maxMs: options.maxBackoffMs ?? 60_000 });
  let stream: HintStream | null = null;
  let halted = false;

  const http = createSyncHttp({
    serverUrl: options.serverUrl,
    getAccessToken: options.getAccessToken,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    gate,
    signal: stopping.signal,
    timeoutMs: options.requestTimeoutMs ?? 30_000,
    onOutcome: (outcome) => {
      if (halted) return;
      if (!outcome.ok && outcome.error.revoked) return void revoke(outcome.error);
      status.outcome(outcome);
    },
  });

  const identifier = `station-desk|p${PROTOCOL_VERSION}|${options.serverUrl}|${options.stationId ?? ''}`;
  const replications: CollectionReplication[] = COLLECTIONS.filter((spec) => db.collections[spec.name]).map((spec) =>
    replicateCollection(db.collections[spec.name] as unknown as RxCollection, spec, {
      http,
      quarantine,
      identifier,
      retryTime,
      pullBatchSize: options.batchSize ?? 500,
      pushBatchSize: options.pushBatchSize ?? 500,
      onPulled: (count, remaining, caughtUp) => {
        status.pulled(spec.name, count, remaining, caughtUp);
        // Pass keys and revocations are as fresh as this pull (TRUST_DATA_STALE past 24 h).
        if (caughtUp && spec.name === 'trust') trustFreshness.caughtUp();
      },
    }),
  );
  const pending = createPendingWatch(replications, (count) => {
    status.setPending(count);
    if (count !== null) options.onPendingWrites?.(count);
  });

  for (const { spec, state } of replications) {
    const subs = [
      state.active$.subscribe((active) => status.setActive(spec.name, active)),
      // Handler errors were reported by the HTTP layer already; others are local (storage, schema).
      state.error$.subscribe((error) => {
        const code = (error as { code?: string }).code;
        if (code !== 'RC_PULL' && code !== 'RC_PUSH') status.localError(new SyncError('LOCAL', 'LOCAL', `${spec.name}: ${error.message}`));
      }),
    ];
    cleanups.push(() => subs.forEach((s) => s.unsubscribe()));
  }

  const resyncAll = () => {
    if (halted) return;
    for (const replication of replications) replication.resync();
  };

  const halt = async () => {
    halted = true;
    stopping.abort();
    stream?.close();
    cleanups.splice(0).forEach((cleanup) => cleanup());
    pending.close();
    await Promise.all(replications.map((r) => r.state.cancel().catch(() => undefined)));
  };

  const revoke = (error: SyncError) => {
    if (halted) return;
    status.revoked(error);
    void halt();
  };

  void db.waitForLeadership().then(() => {
    if (halted) return;
    status.setLeader(true);
    pending.start();
    stream = startHintStream({
      open: (signal) => http.openStream('/api/sync/stream', signal),
      onOpen: () => {
        status.setLive(true);
        gate.nudge();
        resyncAll();
      },
      onHint: (hint) => {
        replications.find((r) => r.spec.name === hint.collection)?.resync();
      },
      onRevoked: revoke,
      onDown: () => {
        // Lost connection: maybe the network; a pull tells (and catches up on missed hints).
        if (status.current().live) resyncAll();
        status.setLive(false);
      },
      minDelayMs: options.stream?.minDelayMs ?? 1000,
      maxDelayMs: options.stream?.maxDelayMs ?? 30_000,
      idleTimeoutMs: options.stream?.idleTimeoutMs ?? 75_000,
    });
    const poll = setInterval(resyncAll, options.pollIntervalMs ?? 60_000);
    const offOnline = (options.onlineEvents ?? windowEvent('online'))(() => {
      gate.nudge();
      stream?.reconnectNow();
      resyncAll();
    });
    // The OS says the network is gone: drop the stream and try a pull, which fails at once and
    // turns the status to offline, instead of waiting for the next request to time out.
    const offOffline = (options.offlineEvents ?? windowEvent('offline'))(() => {
      stream?.reconnectNow();
      resyncAll();
    });
    cleanups.push(() => clearInterval(poll), offOnline, offOffline);
  }).catch((error: unknown) => {
    // The database closed before this tab became leader: nothing to run.
    if (!halted) console.warn('Station Desk: sync did not start', error);
  });

  return {
    current: () => status.current(),
    subscribe: (listener) => status.subscribe(listener),
    resync() {
      gate.nudge();
      stream?.reconnectNow();
      resyncAll();
    },
    countPending: () => pending.count(),
    async stop() {
      if (!halted) await halt();
      await quarantine.flush();
      await trustFreshness.flush();
      await status.close();
    },
  };
};
