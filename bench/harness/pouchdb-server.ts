/**
 * pouchdb-server 4.2.0 (express-pouchdb over PouchDB's in-memory adapter) as a child process on
 * a free local port, the peer of our server. Its request log goes to a file at level "error"
 * (it logs every request otherwise), so logging costs neither side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export interface PouchServer {
  url: string;
  child: ChildProcess;
  /** Creates a database; returns its URL. */
  createDb(name: string): Promise<string>;
  /** Writes documents over _bulk_docs in chunks (preloading, not measured). */
  bulkLoad(dbUrl: string, docs: object[], chunk?: number): Promise<void>;
  /** doc_count of a database. */
  docCount(dbUrl: string): Promise<number>;
  /** The ids of every document in a database. */
  allIds(dbUrl: string): Promise<string[]>;
  close(): Promise<void>;
}

const json = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init);
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
};

export const startPouchServer = async (): Promise<PouchServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pouchdb-server-'));
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ log: { level: 'error', file: join(dir, 'log.txt') } }));
  const port = await freePort();
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs', '--config', config], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`pouchdb-server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    async createDb(name) {
      await json(`${url}/${name}`, { method: 'PUT' });
      return `${url}/${name}`;
    },
    async bulkLoad(dbUrl, docs, chunk = 1000) {
      for (let i = 0; i < docs.length; i += chunk) {
        const result = await json<{ error?: string }[]>(`${dbUrl}/_bulk_docs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ docs: docs.slice(i, i + chunk) }),
        });
        const failed = result.find((r) => r.error);
        if (failed) throw new Error(`preload failed: ${JSON.stringify(failed)}`);
      }
    },
    async docCount(dbUrl) {
      return (await json<{ doc_count: number }>(`${dbUrl}`)).doc_count;
    },
    async allIds(dbUrl) {
      return (await json<{ rows: { id: string }[] }>(`${dbUrl}/_all_docs`)).rows.map((r) => r.id);
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
