/**
 * Turns the facts the replication reports (request outcomes, activity, pulls, pending count,
 * the stream) into one SyncStatus, and persists what must survive a restart (last successful
 * sync, last error, which collections finished their first sync) in an RxDB local document.
 * The leader tab writes that document with its whole status; other tabs mirror it.
 */
import { COLLECTION_NAMES, type CollectionName } from '../../../shared/schemas/index';
import type { SyncOutcome } from './http-client';
import type { LocalDocs } from './local-docs';
import type { RejectedEntry } from './quarantine';
import type { SyncError } from './sync-errors';
import type { CollectionProgress, InitialSyncProgress, SyncErrorInfo, SyncState, SyncStatus } from './sync-status';

export const STATUS_DOC = 'sync-status';
const PERSIST_EVERY_MS = 1000;

interface Persisted {
  lastSyncAt: number | null;
  lastError: SyncErrorInfo | null;
  initialDone: CollectionName[];
  /** The leader's status, for other tabs. */
  mirror?: Omit<SyncStatus, 'rejected' | 'leader'>;
}

export interface StatusStore {
  current(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  setLeader(leader: boolean): void;
  outcome(outcome: SyncOutcome): void;
  localError(error: SyncError): void;
  revoked(error: SyncError): void;
  setActive(collection: CollectionName, active: boolean): void;
  setLive(live: boolean): void;
  setPending(pending: number | null): void;
  setRejected(entries: RejectedEntry[]): void;
  pulled(collection: CollectionName, count: number, remaining: number | null, caughtUp: boolean): void;
  /** Stops persisting and mirroring; waits for the last write. */
  close(): Promise<void>;
}

const errorInfo = (error: SyncError, at: number): SyncErrorInfo => ({ code: error.reason, status: error.code, message: error.message, at });

/**
 * First-sync progress. With the server's `remaining` counts the bar follows documents (a
 * collection that has not answered yet counts as empty: all ten ask at once); without them, it
 * follows collections done. It never moves backwards while the first sync runs.
 */
const progressOf = (
  received: Map<CollectionName, number>,
  remaining: Map<CollectionName, number>,
  done: Set<CollectionName>,
  running: boolean,
  previous: InitialSyncProgress | undefined,
): InitialSyncProgress => {
  const byCollection = {} as Record<CollectionName, CollectionProgress>;
  let total = 0;
  let left = 0;
  let known = false;
  for (const name of COLLECTION_NAMES) {
    const entry: CollectionProgress = { received: received.get(name) ?? 0, remaining: remaining.get(name) ?? null, done: done.has(name) };
    byCollection[name] = entry;
    total += entry.received;
    if (!entry.done && entry.remaining !== null) left += entry.remaining;
    if (remaining.has(name) && !done.has(name)) known = true;
  }
  const collectionsTotal = COLLECTION_NAMES.length;
  const collectionsDone = done.size;
  const active = running && collectionsDone < collectionsTotal;
  let percent = Math.floor((100 * collectionsDone) / collectionsTotal);
  if (active && known) percent = Math.min(99, Math.floor((100 * total) / Math.max(1, total + left)));
  if (active && previous?.active) percent = Math.max(percent, previous.percent);
  return { active, collectionsDone, collectionsTotal, received: total, remaining: known ? left : null, percent, byCollection };
};

export const createStatusStore = (db: LocalDocs, now: () => number = Date.now): StatusStore => {
  const listeners = new Set<(status: SyncStatus) => void>();
  const active = new Set<CollectionName>();
  const received = new Map<CollectionName, number>();
  const remaining = new Map<CollectionName, number>();
  const done = new Set<CollectionName>();
  let leader = false;
  let health: SyncOutcome | null = null;
  let revokedBy: SyncError | null = null;
  let live = false;
  let pending: number | null = null;
  let lastSyncAt: number | null = null;
  let lastError: SyncErrorInfo | null = null;
  let rejected: RejectedEntry[] = [];
  let mirror: Persisted['mirror'] | null = null;
  let closed = false;
  let status: SyncStatus;

  const stateOf = (): SyncState => {
    if (revokedBy) return 'revoked';
    if (health && !health.ok) return health.error.offline ? 'offline' : 'error';
    return health === null || active.size > 0 ? 'syncing' : 'online';
  };

  const derive = (): SyncStatus => {
    if (!leader && !revokedBy && mirror) return { ...mirror, leader: false, rejected };
    // The stream may look open after the network went (a dead TCP connection lasts until its idle
    // timeout): once a request could not reach the server, the live channel is not claimed.
    const reachable = !(health && !health.ok && health.error.offline);
    return {
      state: stateOf(),
      leader,
      live: live && reachable,
      pending,
      lastSyncAt,
      lastError,
      initialSync: progressOf(received, remaining, done, leader && !revokedBy, status?.initialSync),
      rejected,
    };
  };

  // ---- persistence (leader only), throttled ----
  let writeQueue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const persistNow = () => {
    timer = null;
    const { rejected: _r, leader: _l, ...rest } = status;
    const doc: Persisted = { lastSyncAt, lastError, initialDone: [...done], mirror: rest };
    writeQueue = writeQueue.then(() => (db.closed ? undefined : db.upsertLocal(STATUS_DOC, doc))).catch((e: unknown) => console.error('Station Desk: sync status not stored', e));
  };
  const schedulePersist = (urgent: boolean) => {
    if (closed || !leader) return;
    if (urgent) {
      if (timer) clearTimeout(timer);
      persistNow();
    } else timer ??= setTimeout(persistNow, PERSIST_EVERY_MS);
  };

  const update = (urgent = false) => {
    const previous = status;
    status = derive();
    if (status.state === 'online' && previous?.state !== 'online' && leader) {
      lastSyncAt = now();
      status = { ...status, lastSyncAt };
    }
    if (previous?.state !== status.state) urgent = true;
    schedulePersist(urgent);
    for (const listener of listeners) listener(status);
  };
  status = derive();

  const loaded = db
    .getLocal(STATUS_DOC)
    .then((doc) => {
      const saved = doc?.toJSON().data as Persisted | undefined;
      if (!saved) return;
      lastSyncAt ??= saved.lastSyncAt;
      lastError ??= saved.lastError;
      for (const name of saved.initialDone ?? []) done.add(name);
      update();
    })
    .catch(() => undefined);
  const mirrorSub = db.getLocal$(STATUS_DOC).subscribe((doc) => {
    if (leader || !doc) return;
    mirror = (doc.toJSON().data as Persisted).mirror ?? null;
    update();
  });

  return {
    current: () => status,
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    setLeader(value) {
      leader = value;
      update(true);
    },
    outcome(outcome) {
      health = outcome;
      if (!outcome.ok) lastError = errorInfo(outcome.error, now());
      update();
    },
    localError(error) {
      lastError = errorInfo(error, now());
      update();
    },
    revoked(error) {
      revokedBy = error;
      lastError = errorInfo(error, now());
      active.clear();
      live = false;
      update(true);
    },
    setActive(collection, isActive) {
      if (isActive === active.has(collection)) return;
      if (isActive) active.add(collection);
      else active.delete(collection);
      update();
    },
    setLive(value) {
      if (live === value) return;
      live = value;
      update();
    },
    setPending(value) {
      if (pending === value) return;
      pending = value;
      update();
    },
    setRejected(entries) {
      rejected = entries;
      update();
    },
    pulled(collection, count, left, caughtUp) {
      received.set(collection, (received.get(collection) ?? 0) + count);
      if (left !== null) remaining.set(collection, left);
      const first = caughtUp && !done.has(collection);
      if (first) {
        done.add(collection);
        remaining.set(collection, 0);
      }
      update(first);
    },
    async close() {
      if (timer) {
        clearTimeout(timer);
        persistNow();
      }
      closed = true;
      mirrorSub.unsubscribe();
      listeners.clear();
      await loaded;
      await writeQueue;
    },
  };
};
