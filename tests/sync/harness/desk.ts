/**
 * The test thread's handle on a simulated desk (desk-worker.ts bundled with esbuild, since a
 * worker thread cannot load TypeScript through Vitest).
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CollectionName } from '../../../shared/schemas/index';

/** How long a desk may take to settle or to show what a test waits for (a sync round trip through
 * a worker and a proxy: seconds on a loaded machine). Tests may pass a longer limit. */
export const DESK_WAIT_LIMIT_MS = 30_000;
/** How often those waits ask the desk's worker again. */
export const DESK_POLL_INTERVAL_MS = 100;

const OUT = resolve('.data/test-build/desk-worker.mjs');
let built: Promise<void> | null = null;

const buildWorker = () =>
  (built ??= (async () => {
    mkdirSync(join(OUT, '..'), { recursive: true });
    await build({
      entryPoints: [resolve('tests/sync/harness/desk-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: OUT,
      define: { 'import.meta.env.DEV': 'false', 'import.meta.env': '{"DEV":false}' },
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'error',
    });
  })());

export interface SyncStatusView {
  state?: string;
  pending: number | null;
  lastError?: { code: string; message: string } | null;
  rejected?: { id: string; code: string }[];
  [key: string]: unknown;
}

export class Desk {
  private next = 0;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(
    readonly name: string,
    private readonly worker: Worker,
  ) {
    worker.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.ok) w?.resolve(m.result);
      else w?.reject(new Error(`${name}: ${m.error}`));
    });
    worker.on('error', (error) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    });
  }

  static async open(name: string, serverUrl: string, code: string): Promise<Desk> {
    await buildWorker();
    const desk = new Desk(name, new Worker(OUT));
    await desk.call('init', { name, serverUrl, code, deskName: name });
    return desk;
  }

  private call<T>(op: string, args?: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolvePromise, reject) => {
      this.waiting.set(id, { resolve: resolvePromise as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  start(options: { pollIntervalMs?: number; retryTime?: number } = {}) {
    return this.call<boolean>('start', options);
  }
  stop() {
    return this.call<boolean>('stop');
  }
  insert(collection: CollectionName, docs: object[]) {
    return this.call<number>('insert', { collection, docs });
  }
  patch(collection: CollectionName, id: string, patch: object) {
    return this.call<boolean>('patch', { collection, id, patch });
  }
  dump(collection: CollectionName) {
    return this.call<Record<string, unknown>[]>('dump', { collection });
  }
  /** Runs a desk feature command (see desk-commands.ts). */
  command<T = unknown>(name: string, args: Record<string, unknown> = {}) {
    return this.call<T>('command', { name, args });
  }
  status() {
    return this.call<SyncStatusView>('status');
  }
  resync() {
    return this.call<boolean>('resync');
  }

  /** Waits until nothing is pending and `check` holds (e.g. the desk holds what the server holds). */
  async settle(check: () => Promise<boolean> = async () => true, timeoutMs = DESK_WAIT_LIMIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: SyncStatusView | null = null;
    while (Date.now() < deadline) {
      last = await this.status();
      if (last.pending === 0 && (await check())) return;
      await new Promise((r) => setTimeout(r, DESK_POLL_INTERVAL_MS));
    }
    throw new Error(`${this.name} did not settle in ${timeoutMs} ms; last status ${JSON.stringify(last)}`);
  }

  /** Waits until `check` holds, whatever the pending count. */
  async waitFor(check: () => Promise<boolean>, what: string, timeoutMs = DESK_WAIT_LIMIT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, DESK_POLL_INTERVAL_MS));
    }
    throw new Error(`${this.name}: ${what} did not happen in ${timeoutMs} ms; last status ${JSON.stringify(await this.status())}`);
  }

  async close() {
    await this.call('close').catch(() => undefined);
    await this.worker.terminate();
  }
}
