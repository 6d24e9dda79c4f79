/**
 * What the UI learns about sync: one plain, serialisable snapshot. Features import these types
 * through data/index.ts; they never see RxDB.
 */
import type { CollectionName } from '../../../shared/schemas/index';
import type { Unsubscribe } from '../repositories/base';
import type { RejectedEntry } from './quarantine';

export type SyncState = 'online' | 'offline' | 'syncing' | 'error' | 'revoked' | 'not-enrolled';

export interface SyncErrorInfo {
  /** Server ErrorCode or a local reason (NETWORK, TIMEOUT, BAD_RESPONSE, SERVER_ERROR, LOCAL…). */
  code: string;
  /** HTTP status, or NETWORK / TIMEOUT / LOCAL. */
  status: number | string;
  message: string;
  /** ms since epoch */
  at: number;
}

export interface CollectionProgress {
  /** Documents pulled in this session. */
  received: number;
  /** The server's `remaining` after the last page, when it says. */
  remaining: number | null;
  /** The first full pull of this collection finished (persisted). */
  done: boolean;
}

export interface InitialSyncProgress {
  /** A first sync is running: some collection has never been pulled to the end. */
  active: boolean;
  collectionsDone: number;
  collectionsTotal: number;
  received: number;
  /** Sum of the server's `remaining` counts of unfinished collections; null if it sends none. */
  remaining: number | null;
  /** 0–100, never backwards: documents when the server reports `remaining`, else collections done. */
  percent: number;
  byCollection: Record<CollectionName, CollectionProgress>;
}

export interface SyncStatus {
  state: SyncState;
  /** This tab runs the replication; other tabs mirror its status. */
  leader: boolean;
  /** The live stream of hints is connected. */
  live: boolean;
  /** Local writes not yet on the server; null while unknown. */
  pending: number | null;
  /** When the desk was last fully in sync (ms since epoch); survives restarts. */
  lastSyncAt: number | null;
  lastError: SyncErrorInfo | null;
  initialSync: InitialSyncProgress;
  /** Rows the server refused, with reasons. */
  rejected: RejectedEntry[];
}

/** What `Services.sync` gives the UI. */
export interface SyncService {
  current(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): Unsubscribe;
  /** "Sync now": retry at once, pull every collection, push what is waiting. */
  resync(): void;
}
