/**
 * The test thread's handle on a simulated desk (desk-worker.ts in a worker thread, over
 * worker-rpc.ts).
 */
import type { CollectionName } from '../../../shared/schemas/index';
import { WorkerClient } from './worker-rpc';

/** How long a desk may take to settle or to show what a test waits for (a sync round trip through
 * a worker and a proxy: seconds on a loaded machine). Tests may pass a longer limit. */
export const DESK_WAIT_LIMIT_MS = 30_000;
/** How often those waits ask the desk's worker again. */
export const DESK_POLL_INTERVAL_MS = 100;

const DESK_WORKER = { entry: 'tests/sync/harness/desk-worker.ts', outDir: '.data/test-build' };

export interface SyncStatusView {
  state?: string;
  pending: number | null;
  lastError?: { code: string; message: string } | null;
  rejected?: { id: string; code: string }[];
  [key: string]: unknown;
}

export class Desk {
  private constructor(private readonly worker: WorkerClient) {}

  get name(): string {
    return this.worker.name;
  }

  static async open(name: string, serverUrl: string, code: string): Promise<Desk> {
    const desk = new Desk(await WorkerClient.start(name, DESK_WORKER));
    await desk.call('init', { name, serverUrl, code, deskName: name });
    return desk;
  }

  private call<T>(op: string, args?: unknown): Promise<T> {
    return this.worker.call<T>(op, args);
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
