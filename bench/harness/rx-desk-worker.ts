/**
 * One of OUR desks in its own worker thread: the real desk code (RxDB 17 on the memory storage,
 * the real replication of every collection with its SSE hint stream, the main process's device
 * service for enrollment), opened as the sync tests open theirs (tests/sync/harness/desk-session.ts,
 * served over tests/sync/harness/worker-rpc.ts), plus what the benchmark needs:
 * batch sizes, arrival and acknowledgement counters stamped in this thread, and request counts
 * (through the replication's `fetch` option; nothing in the desk code changes).
 */
import type { SyncHandle } from '../../src-renderer/data/replication';
import type { PushRequest, PushResponse } from '../../shared/protocol/messages';
import type { CollectionName } from '../../shared/schemas/index';
import { openDeskSession, type DeskSession } from '../../tests/sync/harness/desk-session';
import { serve } from '../../tests/sync/harness/worker-rpc';
import { now, Progress, trackRequest, type RequestStats } from './progress';

let session: DeskSession | null = null;
let sync: SyncHandle | null = null;
const arrived = new Progress();
const acked = new Progress();
const seen = new Progress();
const requests: RequestStats = {};

const WATCHED: CollectionName[] = ['members', 'checkins'];

/** The replication's fetch, counting requests and the rows each push response acknowledges. */
const instrumentedFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const method = init?.method ?? 'GET';
  const done = trackRequest(requests, method, url.pathname.replace(/^\/api\/sync\//, ''));
  const response = await fetch(input, init);
  done();
  if (method === 'POST' && url.pathname.endsWith('/push') && response.ok) {
    const sent = JSON.parse(String(init?.body)) as PushRequest;
    const result = (await response.clone().json()) as PushResponse;
    const refused = new Set<string>([...result.conflicts.map((d) => String(d.id)), ...result.rejected.map((r) => r.id)]);
    acked.add(sent.rows.map((r) => String(r.newDocumentState.id)).filter((id) => !refused.has(id)));
  }
  return response;
};

const desk = () => {
  if (!session) throw new Error('init first');
  return session;
};

serve({
  async init(args: { name: string; serverUrl: string; code: string }) {
    session = await openDeskSession({ ...args, deskName: args.name });
    for (const name of WATCHED) {
      session.db[name].eventBulks$.subscribe((bulk) => {
        const inserted = bulk.events.filter((e) => e.operation === 'INSERT').map((e) => e.documentId);
        if (inserted.length === 0) return;
        arrived.add(inserted);
        seen.add(inserted);
      });
    }
    return true;
  },
  /** Starts (or restarts: "the network is back") the replication; returns its start time. */
  async start(args: { batchSize: number; pushBatchSize: number }) {
    const d = desk();
    const t0 = now();
    sync = d.replicate({
      fetch: instrumentedFetch,
      batchSize: args.batchSize,
      pushBatchSize: args.pushBatchSize,
      retryTime: 1000,
      maxBackoffMs: 2000,
    });
    return t0;
  },
  async stop() {
    await sync?.stop();
    sync = null;
    return true;
  },
  async armArrivals(args: { target: number }) {
    arrived.arm(args.target);
    return true;
  },
  waitArrivals: (args: { timeoutMs: number }) => arrived.wait(args.timeoutMs),
  async armAcks(args: { target: number }) {
    acked.arm(args.target);
    return true;
  },
  waitAcks: (args: { timeoutMs: number }) => acked.wait(args.timeoutMs),
  async armSeen(args: { id: string }) {
    seen.arm(1, args.id);
    return true;
  },
  waitSeen: (args: { timeoutMs: number }) => seen.wait(args.timeoutMs),
  /** Local writes (offline or not); returns how long the local write took. */
  async insert(args: { collection: CollectionName; docs: Record<string, unknown>[] }) {
    const t0 = now();
    const result = await desk().db[args.collection].bulkInsert(args.docs as never[]);
    if (result.error.length) throw new Error(`insert failed: ${JSON.stringify(result.error[0])}`);
    return now() - t0;
  },
  /** One write as the check-in screen makes it; returns the time just before the write. */
  async insertOne(args: { collection: CollectionName; doc: Record<string, unknown> }) {
    const t0 = now();
    await desk().db[args.collection].insert(args.doc as never);
    return t0;
  },
  async count(args: { collection: CollectionName }) {
    return desk().db[args.collection].count().exec();
  },
  async pending() {
    return (await sync?.countPending()) ?? null;
  },
  async requests() {
    return { ...requests };
  },
  async resetRequests() {
    for (const key of Object.keys(requests)) delete requests[key];
    return true;
  },
  async now() {
    return now();
  },
  async close() {
    await sync?.stop();
    await session?.db.remove();
    return true;
  },
});
