/**
 * The central server for sync tests: in this process on a fresh database (PGlite or
 * PostgreSQL), listening on a real port, or as separate `server/main.ts` processes sharing one
 * PostgreSQL database. Admin actions go over real HTTP, as the admin CLI does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import { pullDocs } from '../../../server/repositories/sync-store';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../../../server/testing/test-db';
import type { DeviceTokens } from '../../../shared/protocol/messages';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/protocol/version';
import type { CollectionName } from '../../../shared/schemas/index';

export const ADMIN_TOKEN = 'sync-test-admin-token-0123456789';
const PASS_KEY_SECRET = 'sync-test-pass-key-secret-0123456789';

export const admin = async (baseUrl: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${baseUrl}/api/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
};

export const createStation = (baseUrl: string, id: string, extra: Record<string, unknown> = {}) =>
  admin(baseUrl, 'POST', '/stations', { id, name: `测试驿站 ${id}`, type: 'fitness-regular', capacity: 100, ...extra });

export const issueCode = async (baseUrl: string, stationId: string) =>
  (await admin(baseUrl, 'POST', `/stations/${stationId}/enrollment-codes`, {})).code as string;

/** A new station and a desk enrolled at it over real HTTP, as the desk enrolls (benchmarks). */
export const stationWithDesk = async (baseUrl: string, stationId: string): Promise<DeviceTokens> => {
  await createStation(baseUrl, stationId);
  const code = await issueCode(baseUrl, stationId);
  const res = await fetch(`${baseUrl}/api/devices/enroll`, {
    method: 'POST',
    headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'content-type': 'application/json' },
    body: JSON.stringify({ code, deskName: '前台 bench' }),
  });
  if (res.status !== 201) throw new Error(`enroll: ${res.status} ${await res.text()}`);
  return (await res.json()) as DeviceTokens;
};

/** Every document the server holds for a station's collection, as the wire carries them. */
export const serverDocs = async (db: Database, stationId: string, collection: CollectionName) => {
  const docs: Record<string, unknown>[] = [];
  let seq = 0;
  for (;;) {
    const page = await pullDocs(db, stationId, collection, { seq }, 1000);
    if (page.documents.length === 0) break;
    docs.push(...(page.documents as unknown as Record<string, unknown>[]));
    seq = page.checkpoint.seq;
  }
  return docs.sort((a, b) => String(a.id).localeCompare(String(b.id)));
};

export interface TestServer {
  url: string;
  db: Database;
  testDb: TestDatabase;
  app: FastifyInstance;
  /** Moves the server's clock (tests of rules judged by the server's time, e.g. no-show deadlines). */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

export const startServer = async (kind: TestDbKind): Promise<TestServer> => {
  const testDb = await createTestDatabase(kind);
  let offset = 0;
  const app = await buildApp({ db: testDb.db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 100_000, streams: { opensPerMinute: 100_000, perStation: 1_000 }, now: () => Date.now() + offset });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    db: testDb.db,
    testDb,
    app,
    setClockOffset(ms) {
      offset = ms;
    },
    async close() {
      await app.close();
      await testDb.dispose();
    },
  };
};

/**
 * Test limit for a test that starts server processes (each compiles the server with tsx: 5–15 s
 * on two busy cores) and then lets desks settle (up to DESK_WAIT_LIMIT_MS, or longer where the
 * test says so). A limit, not a wait.
 */
export const SERVER_PROCESS_TEST_LIMIT_MS = 180_000;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** SIGKILL: no graceful shutdown, as a crash or power cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** How long a server process may take to start: tsx compiles the server first (5–15 s on two busy cores). */
const SERVER_START_LIMIT_MS = 30_000;

/**
 * `server/main.ts` as a separate process on a database URL (or a PGlite folder); `env` adds to
 * or overrides its environment (benchmarks: limits), `startLimitMs` a longer start limit.
 */
export const startServerProcess = async (options: { databaseUrl?: string; dataDir?: string; env?: Record<string, string>; startLimitMs?: number }): Promise<ServerProcess> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sd-server-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl ?? '',
      STATION_DESK_DATA: dataDir,
      ADMIN_TOKEN,
      // one wrapping secret for every process on a database, as docs/security.md requires (each
      // process has its own data folder, whose generated pass-key-secret would differ)
      PASS_KEY_SECRET,
      STATION_DESK_WEB_ROOT: '',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      STREAM_OPENS_PER_MINUTE: '100000',
      STREAMS_PER_STATION: '1000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), options.startLimitMs ?? SERVER_START_LIMIT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    url,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
};
