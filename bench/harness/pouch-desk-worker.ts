/**
 * A PouchDB desk in its own worker thread, the peer of rx-desk-worker.ts: PouchDB 9 on the memory
 * adapter (pouchdb-adapter-memory), one database per station synced live with pouchdb-server
 * (`db.sync(remote, { live: true, retry: true })`: _changes longpoll down, _bulk_docs up).
 * Same counters as our desk: arrivals (pull 'change' events, written locally), server
 * acknowledgements (_bulk_docs responses) and "seen" (the local changes feed), stamped here.
 */
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { serve } from '../../tests/sync/harness/worker-rpc';
import { now, Progress, trackRequest, type RequestStats } from './progress';

PouchDB.plugin(memoryAdapter);

let local: PouchDB | null = null;
let remote: PouchDB | null = null;
let sync: ReturnType<PouchDB['sync']> | null = null;
let feed: ReturnType<PouchDB['changes']> | null = null;
const arrived = new Progress();
const acked = new Progress();
const seen = new Progress();
const requests: RequestStats = {};

/** '/db/_changes' → '_changes', '/db/_local/x' → '_local', '/db/' → 'info', '/db/doc' → 'doc'. */
const pouchPath = (pathname: string) => {
  const rest = pathname.split('/').slice(2);
  if (rest.length === 0 || rest[0] === '') return 'info';
  return rest[0]!.startsWith('_') ? rest[0]! : 'doc';
};

const instrumentedFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const method = init?.method ?? 'GET';
  const done = trackRequest(requests, method, pouchPath(url.pathname));
  const response = await fetch(input, init);
  done();
  if (method === 'POST' && url.pathname.endsWith('/_bulk_docs') && response.ok) {
    const sent = JSON.parse(String(init?.body)) as { docs: { _id: string }[] };
    const result = (await response.clone().json()) as { id: string; error?: string }[];
    const refused = new Set(result.filter((r) => r.error).map((r) => r.id));
    acked.add(sent.docs.map((d) => d._id).filter((id) => !refused.has(id)));
  }
  return response;
};

const dbs = () => {
  if (!local || !remote) throw new Error('init first');
  return { local, remote };
};

serve({
  async init(args: { name: string; remoteUrl: string }) {
    local = new PouchDB(`${args.name}-${Date.now()}`, { adapter: 'memory' });
    remote = new PouchDB(args.remoteUrl, { fetch: instrumentedFetch, skip_setup: true });
    // what a desk UI listens to: the local changes feed
    feed = local.changes({ since: 'now', live: true });
    feed.on('change', (change) => seen.add([change.id]));
    return true;
  },
  async start(args: { batchSize: number }) {
    const { local: l, remote: r } = dbs();
    const t0 = now();
    sync = l.sync(r, { live: true, retry: true, batch_size: args.batchSize });
    sync.on('change', (info) => {
      if (info.direction === 'pull') arrived.add(info.change.docs.map((d) => d._id));
    });
    sync.on('error', (error) => console.error('pouch sync error', error));
    return t0;
  },
  async stop() {
    if (sync) {
      const s = sync;
      const done = new Promise<void>((resolve) => s.on('complete', () => resolve()));
      s.cancel();
      await done;
    }
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
  async insert(args: { docs: Record<string, unknown>[] }) {
    const t0 = now();
    const result = await dbs().local.bulkDocs(args.docs);
    const failed = result.find((r) => 'error' in r);
    if (failed) throw new Error(`insert failed: ${JSON.stringify(failed)}`);
    return now() - t0;
  },
  async insertOne(args: { doc: Record<string, unknown> }) {
    const t0 = now();
    await dbs().local.put(args.doc);
    return t0;
  },
  async count() {
    return (await dbs().local.info()).doc_count;
  },
  async pending() {
    return null;
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
    sync?.cancel();
    feed?.cancel();
    await local?.destroy();
    return true;
  },
});
