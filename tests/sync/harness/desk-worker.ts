/**
 * One simulated desk in its own worker thread (the open-source RxDB build allows 13 open
 * collections per JS realm; a desk has 10). It runs the real desk code: the local database
 * (RxDB, memory storage), the replication, and the main process's device service for
 * enrollment and token refresh (its OS keychain is the only stand-in: a fake encryptor).
 * The test thread drives it over messages (see desk.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { SecretStore } from '../../../src-main/credentials';
import { createDeviceService, parseDeviceCredential } from '../../../src-main/device';
import { fakeEncryptor } from '../../../src-main/testing/fake-encryptor';
import { createDatabase, type DeskDatabase } from '../../../src-renderer/data/database';
import { startReplication, type SyncHandle } from '../../../src-renderer/data/replication';
import { memoryStorage } from '../../../src-renderer/data/storage';
import type { CollectionName } from '../../../shared/schemas/index';
import { runDeskCommand } from './desk-commands';

let db: DeskDatabase | null = null;
let sync: SyncHandle | null = null;
let device: ReturnType<typeof createDeviceService> | null = null;
let serverUrl = '';
let deskId = '';

const strip = (doc: Record<string, unknown>) => {
  const { _meta, _rev, _attachments, ...rest } = doc;
  void _meta;
  void _rev;
  void _attachments;
  return rest;
};

const ops = {
  async init(args: { name: string; serverUrl: string; code: string; deskName: string }) {
    serverUrl = args.serverUrl;
    db = await createDatabase({ storage: memoryStorage(), name: `${args.name}-${Date.now()}`, devChecks: false, multiInstance: false });
    const dir = mkdtempSync(join(tmpdir(), 'desk-cred-'));
    device = createDeviceService({ store: new SecretStore(join(dir, 'cred.bin'), fakeEncryptor(), parseDeviceCredential, 'device credential') });
    const status = await device.enroll({ serverUrl: args.serverUrl, code: args.code, deskName: args.deskName });
    deskId = status.deviceId;
    return status;
  },
  async start(args: { pollIntervalMs?: number; retryTime?: number } = {}) {
    if (!db || !device) throw new Error('init first');
    const d = device;
    sync = startReplication(db, {
      serverUrl,
      getAccessToken: (options) => d.getAccessToken(options),
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
    const result = await db![args.collection].bulkInsert(args.docs as never[]);
    if (result.error.length) throw new Error(`insert failed: ${JSON.stringify(result.error[0])}`);
    return result.success.length;
  },
  async patch(args: { collection: CollectionName; id: string; patch: Record<string, unknown> }) {
    const doc = await db![args.collection].findOne(args.id).exec();
    if (!doc) throw new Error(`${args.collection}/${args.id} not found`);
    await doc.incrementalPatch(args.patch as never);
    return true;
  },
  async dump(args: { collection: CollectionName }) {
    const docs = await db![args.collection].find().exec();
    return docs.map((d) => strip(d.toJSON(true) as Record<string, unknown>)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  },
  /** A desk feature command (desk-commands.ts): what staff do, with the real feature code. */
  async command(args: { name: string; args: Record<string, unknown> }) {
    return runDeskCommand(db!, deskId, args.name, args.args);
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
    await db?.remove();
    return true;
  },
};

type Op = keyof typeof ops;

parentPort!.on('message', async (message: { id: number; op: Op; args: unknown }) => {
  try {
    const result = await (ops[message.op] as (args: unknown) => Promise<unknown>)(message.args);
    parentPort!.postMessage({ id: message.id, ok: true, result });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, ok: false, error: (error as Error).stack ?? String(error) });
  }
});
