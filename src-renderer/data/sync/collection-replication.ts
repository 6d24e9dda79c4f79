/**
 * One collection's RxDB replication against the central server (docs/sync-protocol.md):
 * pull = `GET /api/sync/:collection/pull?seq&limit` with a commit-ordered `{ seq }` checkpoint;
 * push = `POST /api/sync/:collection/push` (desk-writable collections only), returning only the
 * conflicts' master states; rows the server rejected go to the quarantine and count as done, so
 * one bad document never blocks the queue. Pushes are split under the server's body limit.
 * Transport, 5xx and auth failures throw (RxDB retries), and so do answers that are not the
 * protocol's messages (the HTTP layer parses them with shared/protocol/messages.ts).
 * `resync()` emits 'RESYNC' on the pull stream: pull from the checkpoint and re-scan local writes.
 */
import type { Static } from '@sinclair/typebox';
import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import {
  pullResponseSchema,
  pushResponseSchema,
  type Checkpoint,
  type PushRow,
  type RejectedRow,
  type WireDoc,
} from '../../../shared/protocol/messages';
import type { CollectionSpec } from '../../../shared/schemas/index';
import type { SyncHttp } from './http-client';
import { splitPushRows } from './push-batches';
import type { Quarantine } from './quarantine';
import { SyncError } from './sync-errors';

type Doc = Record<string, unknown> & { id: string; _deleted: boolean };

export interface CollectionReplication {
  spec: CollectionSpec;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  state: RxReplicationState<any, Checkpoint>;
  resync(): void;
}

export interface CollectionReplicationOptions {
  http: SyncHttp;
  quarantine: Quarantine;
  identifier: string;
  pullBatchSize: number;
  pushBatchSize: number;
  retryTime: number;
  onPulled(count: number, remaining: number | null, caughtUp: boolean): void;
}

const badResponse = (path: string, what: string) => new SyncError('BAD_RESPONSE', 'BAD_RESPONSE', `${path}: ${what}`);

export const replicateCollection = (
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  collection: RxCollection<any>,
  spec: CollectionSpec,
  options: CollectionReplicationOptions,
): CollectionReplication => {
  const { http, quarantine } = options;
  const name = spec.name;
  const pulls = new Subject<'RESYNC'>();
  /** Documents still to pull: counted by the server once per catch-up, then counted down here. */
  let estimate: number | null = null;

  const pull = async (checkpoint: Checkpoint | undefined, batchSize: number) => {
    const seq = checkpoint?.seq ?? 0;
    const epoch = checkpoint?.epoch ? `&epoch=${checkpoint.epoch}` : '';
    const path = `/api/sync/${name}/pull?seq=${seq}&limit=${batchSize}${epoch}${estimate === null ? '&count=1' : ''}`;
    const page = await http.getJson(path, pullResponseSchema);
    // the seq only goes back when the server's database changed (another epoch): start over
    const sameDatabase = !checkpoint?.epoch || !page.checkpoint.epoch || checkpoint.epoch === page.checkpoint.epoch;
    if (sameDatabase && page.checkpoint.seq < seq) throw badResponse(path, `checkpoint went back from ${seq} to ${page.checkpoint.seq}`);
    const counted = page.remaining ?? null;
    const remaining = counted ?? (estimate === null ? null : Math.max(0, estimate - page.documents.length));
    const short = page.documents.length < batchSize;
    // RxDB stops pulling at a short page. A server cuts pages by bytes (photos) and says `more`:
    // pull again right after this round instead of waiting for the next hint.
    if (short && page.more) setTimeout(() => pulls.next('RESYNC'), 0);
    const caughtUp = short && !page.more;
    estimate = caughtUp ? null : remaining;
    options.onPulled(page.documents.length, caughtUp ? 0 : remaining, caughtUp);
    return {
      documents: page.documents as unknown as Doc[],
      checkpoint: { seq: page.checkpoint.seq, ...(page.checkpoint.epoch ? { epoch: page.checkpoint.epoch } : {}) },
    };
  };

  /** One request; a lone row the server finds too large is rejected, not retried forever. */
  const send = async (path: string, rows: PushRow[]): Promise<Static<typeof pushResponseSchema>> => {
    try {
      return await http.postJson(path, pushResponseSchema, { rows });
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== 413 || rows.length !== 1) throw error;
      return { conflicts: [], rejected: [{ id: rows[0]!.newDocumentState.id, code: 'PAYLOAD_TOO_LARGE', message: error.message }] };
    }
  };

  const push = async (rows: { newDocumentState: Doc; assumedMasterState?: Doc }[]): Promise<Doc[]> => {
    const path = `/api/sync/${name}/push`;
    const wire: PushRow[] = rows.map((row) => ({
      newDocumentState: row.newDocumentState as unknown as WireDoc,
      assumedMasterState: (row.assumedMasterState ?? null) as WireDoc | null,
    }));
    const conflicts: Doc[] = [];
    const rejected: RejectedRow[] = [];
    // In order, one request at a time; after a failure RxDB retries all rows, and rows already
    // applied are no-ops on the server (same state), so nothing is written twice.
    for (const batch of splitPushRows(wire)) {
      const result = await send(path, batch);
      conflicts.push(...(result.conflicts as unknown as Doc[]));
      rejected.push(...result.rejected);
    }
    const sent = new Map(rows.map((row) => [row.newDocumentState.id, row.newDocumentState as Record<string, unknown>]));
    // Only ids of this batch may come back (RxDB fails on others).
    const ownConflicts = conflicts.filter((doc) => sent.has(doc.id));
    const conflictIds = new Set(ownConflicts.map((doc) => doc.id));
    const ownRejected = rejected.filter((row) => sent.has(row.id) && !conflictIds.has(row.id));
    const rejectedIds = new Set(ownRejected.map((row) => row.id));
    quarantine.record(name, ownRejected, sent);
    quarantine.accepted(name, [...sent.keys()].filter((id) => !conflictIds.has(id) && !rejectedIds.has(id)));
    return ownConflicts;
  };

  const state = replicateRxCollection<Doc, Checkpoint>({
    replicationIdentifier: options.identifier,
    collection,
    live: true,
    retryTime: options.retryTime,
    // A minimized desk keeps syncing; in the multi-tab web build only the leader tab replicates.
    toggleOnDocumentVisible: false,
    waitForLeadership: true,
    autoStart: true,
    pull: { batchSize: options.pullBatchSize, handler: pull, stream$: pulls.asObservable() },
    ...(spec.deskWritable ? { push: { batchSize: options.pushBatchSize, handler: push } } : {}),
  });
  state.onCancel.push(() => pulls.complete());

  return { spec, state, resync: () => pulls.next('RESYNC') };
};
