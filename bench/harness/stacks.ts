/**
 * The two stacks under test behind one shape, so each workload is written once:
 *  - ours: our Fastify server (server/app.ts) in this process on a fresh PGlite or PostgreSQL
 *    database, with desks running the real desk code in worker threads (rx-desk-worker.ts);
 *  - pouchdb: pouchdb-server (in-memory) as a child process, with PouchDB desks on the memory
 *    adapter in the same kind of worker threads (pouch-desk-worker.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeServerDocs } from '../../server/repositories/sync-store';
import type { TestDbKind } from '../../server/testing/test-db';
import { createStation, issueCode, startServer, type TestServer } from '../../tests/sync/harness/server';
import { WorkerClient } from '../../tests/sync/harness/worker-rpc';
import { rosterMember, toPouch } from './docs';
import { startPouchServer, type PouchServer } from './pouchdb-server';

export type StackId = 'pglite' | 'postgres' | 'pouchdb';
export type DocKind = 'members' | 'checkins';

export interface Waited {
  at: number | null;
  count: number;
}

/** A desk of either stack, driven from the bench thread. */
export class BenchDesk {
  constructor(
    readonly stack: StackId,
    private readonly worker: WorkerClient,
  ) {}

  private get pouch() {
    return this.stack === 'pouchdb';
  }

  /** Starts (or restarts) replication; returns the start time (worker clock). */
  start(batch: { pull: number; push: number }) {
    return this.worker.call<number>('start', this.pouch ? { batchSize: batch.pull } : { batchSize: batch.pull, pushBatchSize: batch.push });
  }
  stop() {
    return this.worker.call<boolean>('stop');
  }
  armArrivals(target: number) {
    return this.worker.call<boolean>('armArrivals', { target });
  }
  waitArrivals(timeoutMs: number) {
    return this.worker.call<Waited>('waitArrivals', { timeoutMs });
  }
  armAcks(target: number) {
    return this.worker.call<boolean>('armAcks', { target });
  }
  waitAcks(timeoutMs: number) {
    return this.worker.call<Waited>('waitAcks', { timeoutMs });
  }
  armSeen(id: string) {
    return this.worker.call<boolean>('armSeen', { id });
  }
  waitSeen(timeoutMs: number) {
    return this.worker.call<Waited>('waitSeen', { timeoutMs });
  }
  /** Local bulk write; returns how long it took. */
  insert(kind: DocKind, docs: ({ id: string } & object)[]) {
    return this.pouch
      ? this.worker.call<number>('insert', { docs: docs.map((d) => toPouch(kind === 'members' ? 'member' : 'checkin', d)) })
      : this.worker.call<number>('insert', { collection: kind, docs });
  }
  /** One local write; returns the time just before it. */
  insertOne(kind: DocKind, doc: { id: string } & object) {
    return this.pouch
      ? this.worker.call<number>('insertOne', { doc: toPouch(kind === 'members' ? 'member' : 'checkin', doc) })
      : this.worker.call<number>('insertOne', { collection: kind, doc });
  }
  /** Local documents of a kind (PouchDB: of the whole station database). */
  count(kind: DocKind) {
    return this.worker.call<number>('count', { collection: kind });
  }
  pending() {
    return this.worker.call<number | null>('pending');
  }
  requests() {
    return this.worker.call<Record<string, number>>('requests');
  }
  resetRequests() {
    return this.worker.call<boolean>('resetRequests');
  }
  async close() {
    await this.worker.call('close').catch(() => undefined);
    await this.worker.terminate();
  }
}

export interface Station {
  id: string;
  /** PouchDB: the station database's URL. */
  dbUrl: string;
}

export interface Stack {
  id: StackId;
  label: string;
  /** Database/server versions, for the record. */
  describe(): Promise<string>;
  /** A new station holding `members` roster documents on the server (loading is not measured). */
  station(name: string, members: number): Promise<{ station: Station; preloadMs: number }>;
  openDesk(station: Station, name: string): Promise<BenchDesk>;
  /** Ids of a kind's live documents on the server. */
  serverIds(station: Station, kind: DocKind): Promise<Set<string>>;
  close(): Promise<void>;
}

const PRELOAD_CHUNK = 1000;
// inside bench/node_modules so the built desk workers find the benchmark peers (bench/package.json)
const BUILD_DIR = 'bench/node_modules/.cache/bench-build';

export const ourStack = async (kind: TestDbKind): Promise<Stack> => {
  const server: TestServer = await startServer(kind);
  return {
    id: kind,
    label: kind === 'pglite' ? 'ours · PGlite' : 'ours · PostgreSQL',
    async describe() {
      const { rows } = await server.db.query<{ version: string }>('SELECT version()');
      return rows[0]?.version ?? '?';
    },
    async station(name, members) {
      const id = `ST-${name}`.toUpperCase();
      await createStation(server.url, id);
      const started = performance.now();
      for (let i = 0; i < members; i += PRELOAD_CHUNK) {
        const docs = Array.from({ length: Math.min(PRELOAD_CHUNK, members - i) }, (_, j) => rosterMember(id, i + j));
        await writeServerDocs(server.db, id, 'members', docs, { writtenBy: 'bench', now: Date.now() });
      }
      return { station: { id, dbUrl: '' }, preloadMs: performance.now() - started };
    },
    async openDesk(station, name) {
      const worker = await WorkerClient.start(name, { entry: 'bench/harness/rx-desk-worker.ts', outDir: BUILD_DIR });
      try {
        await worker.call('init', { name, serverUrl: server.url, code: await issueCode(server.url, station.id) });
      } catch (error) {
        await worker.terminate();
        throw error;
      }
      return new BenchDesk(kind, worker);
    },
    async serverIds(station, docKind) {
      const { rows } = await server.db.query<{ id: string }>(
        'SELECT id FROM sync_docs WHERE station_id = $1 AND collection = $2 AND NOT deleted',
        [station.id, docKind],
      );
      return new Set(rows.map((r) => r.id));
    },
    close: () => server.close(),
  };
};

export const pouchStack = async (): Promise<Stack> => {
  const server: PouchServer = await startPouchServer();
  const version = (pkg: string) => {
    const file = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
    return `${pkg} ${(JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version}`;
  };
  return {
    id: 'pouchdb',
    label: 'PouchDB',
    async describe() {
      return `${version('pouchdb-server')} --in-memory (child process); desks ${version('pouchdb')} + ${version('pouchdb-adapter-memory')}`;
    },
    async station(name, members) {
      const id = `st-${name}`.toLowerCase();
      const dbUrl = await server.createDb(id);
      const started = performance.now();
      for (let i = 0; i < members; i += PRELOAD_CHUNK) {
        const docs = Array.from({ length: Math.min(PRELOAD_CHUNK, members - i) }, (_, j) => toPouch('member', rosterMember(id, i + j)));
        await server.bulkLoad(dbUrl, docs, PRELOAD_CHUNK);
      }
      return { station: { id, dbUrl }, preloadMs: performance.now() - started };
    },
    async openDesk(station, name) {
      const worker = await WorkerClient.start(name, { entry: 'bench/harness/pouch-desk-worker.ts', outDir: BUILD_DIR, external: ['pouchdb', 'pouchdb-adapter-memory'] });
      await worker.call('init', { name, remoteUrl: station.dbUrl });
      return new BenchDesk('pouchdb', worker);
    },
    async serverIds(station, docKind) {
      const type = docKind === 'members' ? 'member' : 'checkin';
      const res = await fetch(`${station.dbUrl}/_all_docs?include_docs=true`);
      const body = (await res.json()) as { rows: { id: string; doc?: { type?: string } }[] };
      return new Set(body.rows.filter((r) => r.doc?.type === type).map((r) => r.id));
    },
    close: () => server.close(),
  };
};
