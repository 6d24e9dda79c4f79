/**
 * Wire messages of the sync protocol (see docs/sync-protocol.md). One shape for every collection.
 *
 * Pull:  GET  /api/sync/:collection/pull?seq=<checkpoint>&limit=<n>
 * Push:  POST /api/sync/:collection/push   body PushRequest
 * Live:  GET  /api/sync/stream             text/event-stream of StreamHint
 * Auth:  POST /api/devices/enroll, POST /api/devices/refresh
 */
import type { CollectionDocs, CollectionName } from '../schemas/index';
import type { ErrorCode } from './errors';

/** A document as it crosses the wire: the collection's fields plus the tombstone flag. */
export type WireDoc<C extends CollectionName = CollectionName> = CollectionDocs[C] & { _deleted: boolean };

/**
 * Per-station, commit-ordered position. `seq` comes from a per-station counter incremented
 * under the station's row lock inside the push transaction, so it never goes backwards in
 * commit order. Never a clock.
 */
export interface Checkpoint {
  seq: number;
  /**
   * Identity of the server database the seq belongs to. A database restored from a backup, or
   * created afresh, has another epoch: the server then answers from seq 0, so a desk never
   * keeps a checkpoint above rows it has not seen.
   */
  epoch?: string;
}

export interface PullResponse<C extends CollectionName = CollectionName> {
  documents: WireDoc<C>[];
  /** Position after the last returned document; equal to the request's when nothing new. */
  checkpoint: Checkpoint;
  /**
   * How many documents of this collection remain after this page (same scope, seq >
   * checkpoint.seq) — only when the request asked with `count=1`: counting costs a scan of what
   * remains, so a desk asks once per catch-up and counts down itself. Drives the first-sync
   * progress bar.
   */
  remaining?: number;
  /**
   * True when the server cut this page short by size (large documents, e.g. photos) and more
   * documents follow: RxDB treats a page shorter than `limit` as "caught up", so the desk must
   * pull again at once.
   */
  more?: boolean;
}

export interface PushRow<C extends CollectionName = CollectionName> {
  newDocumentState: WireDoc<C>;
  /** What the desk believes the server holds; null for a document new to the desk's view. */
  assumedMasterState: WireDoc<C> | null;
}

export interface PushRequest<C extends CollectionName = CollectionName> {
  rows: PushRow<C>[];
}

/** A row the server refused on its own merits; the rest of the batch still applied. */
export interface RejectedRow {
  id: string;
  code: ErrorCode;
  message: string;
}

export interface PushResponse<C extends CollectionName = CollectionName> {
  /** Current master states of rows whose assumedMasterState was stale. */
  conflicts: WireDoc<C>[];
  rejected: RejectedRow[];
}

/** A hint on the live stream: "collection has changes up to seq; pull". Hints may be lost. */
export interface StreamHint {
  collection: CollectionName;
  seq: number;
}

export const PULL_LIMIT_MAX = 1000;
export const PUSH_BATCH_MAX = 1000;
/** Largest request body the server reads (bytes). */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface EnrollRequest {
  code: string;
  deskName: string;
}

export interface DeviceTokens {
  deviceId: string;
  stationId: string;
  accessToken: string;
  /** ms since epoch */
  accessExpiresAt: number;
  refreshToken: string;
}

/**
 * Request header of the web build on enroll/refresh: `cookie` asks the server to deliver the
 * refresh token in an HttpOnly SameSite=Strict cookie (path /api/devices) and answer
 * `refreshToken: ''`, so page scripts never hold it.
 */
export const TOKEN_DELIVERY_HEADER = 'x-token-delivery';

export interface RefreshRequest {
  deviceId: string;
  refreshToken: string;
}
