/**
 * One simulated desk in its own worker thread (the open-source RxDB build allows 13 open
 * collections per JS realm; a desk has 10). It runs the real desk code (desk-session.ts: the
 * local database, the device service, the replication) and the desk's feature commands; the test
 * thread drives it over messages (worker-rpc.ts, desk.ts).
 */
import type { SyncHandle } from '../../../src-renderer/data/replication';
import type { CollectionName } from '../../../shared/schemas/index';
import { runDeskCommand } from './desk-commands';
import { openDeskSession, type DeskSession } from './desk-session';
import { serve } from './worker-rpc';

let desk: DeskSession | null = null;
let sync: SyncHandle | null = null;

const opened = () => {
  if (!desk) throw new Error('init first');
  return desk;
};

const strip = (doc: Record<string, unknown>) => {
  const { _meta, _rev, _attachments, ...rest } = doc;
  void _meta;
  void _rev;
  void _attachments;
  return rest;
};

serve({
  async init(args: { name: string; serverUrl: string; code: string; deskName: string }) {
    desk = await openDeskSession(args);
    return desk.status;
  },
  async start(args: { pollIntervalMs?: number; retryTime?: number } = {}) {
    sync = opened().replicate({
      retryTime: args.retryTime ?? 200,
      maxBackoffMs: 1000,
      pollIntervalMs: args.pollIntervalMs ?? 2000,
      requestTimeoutMs: 1500,
      stream: { minDelayMs: 100, maxDelayMs: 1000 },
    });
    return true;
  },
  async stop() {
    await sync?.stop();
    sync = null;
    return true;
  },
  async insert(args: { collection: CollectionName; docs: Record<string, unknown>[] }) {
    const result = await opened().db[args.collection].bulkInsert(args.docs as never[]);
    if (result.error.length) throw new Error(`insert failed: ${JSON.stringify(result.error[0])}`);
    return result.success.length;
  },
  async patch(args: { collection: CollectionName; id: string; patch: Record<string, unknown> }) {
    const doc = await opened().db[args.collection].findOne(args.id).exec();
    if (!doc) throw new Error(`${args.collection}/${args.id} not found`);
    await doc.incrementalPatch(args.patch as never);
    return true;
  },
  async dump(args: { collection: CollectionName }) {
    const docs = await opened().db[args.collection].find().exec();
    return docs.map((d) => strip(d.toJSON(true) as Record<string, unknown>)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  },
  /** A desk feature command (desk-commands.ts): what staff do, with the real feature code. */
  async command(args: { name: string; args: Record<string, unknown> }) {
    return runDeskCommand(opened().db, opened().deviceId, args.name, args.args);
  },
  async status() {
    return { ...(sync?.current() ?? null), pending: (await sync?.countPending()) ?? null };
  },
  async resync() {
    sync?.resync();
    return true;
  },
  async close() {
    await sync?.stop();
    await desk?.db.remove();
    return true;
  },
});
