/**
 * Message plumbing between a test (or benchmark) thread and a desk in a worker thread: the worker
 * serves named async operations, the caller's WorkerClient calls them. The worker entry is
 * bundled with esbuild first, since a worker thread cannot load TypeScript through Vitest or tsx.
 * Used by the sync tests' desks (desk.ts) and by bench/harness.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';

export type Ops = Record<string, (args: never) => Promise<unknown>>;

/** Worker side: answer `{ id, op, args }` with `{ id, ok, result | error }`. */
export const serve = (ops: Ops): void => {
  const port = parentPort;
  if (!port) throw new Error('serve() runs inside a worker thread');
  port.on('message', async (message: { id: number; op: string; args: unknown }) => {
    try {
      const fn = ops[message.op] as ((args: unknown) => Promise<unknown>) | undefined;
      if (!fn) throw new Error(`unknown op ${message.op}`);
      port.postMessage({ id: message.id, ok: true, result: await fn(message.args) });
    } catch (error) {
      port.postMessage({ id: message.id, ok: false, error: (error as Error).stack ?? String(error) });
    }
  });
};

export interface WorkerBuild {
  /** The worker's TypeScript entry, relative to the repository root. */
  entry: string;
  /** Where the bundle goes; packages in `external` resolve from the node_modules above it. */
  outDir: string;
  /** Packages loaded from node_modules at run time instead of bundled. */
  external?: string[];
}

const builds = new Map<string, Promise<string>>();

/** Bundles a worker entry once per process; resolves to the bundle's path. */
const buildWorker = ({ entry, outDir, external = [] }: WorkerBuild): Promise<string> => {
  const outfile = resolve(outDir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
  let done = builds.get(outfile);
  if (!done) {
    done = (async () => {
      mkdirSync(resolve(outDir), { recursive: true });
      await build({
        entryPoints: [resolve(entry)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile,
        external,
        define: { 'import.meta.env.DEV': 'false', 'import.meta.env': '{"DEV":false}' },
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        logLevel: 'error',
      });
      return outfile;
    })();
    builds.set(outfile, done);
  }
  return done;
};

/** Caller side: one worker thread and its pending calls. */
export class WorkerClient {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
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

  /** Builds the entry (once) and starts it in a new worker thread. */
  static async start(name: string, bundle: WorkerBuild): Promise<WorkerClient> {
    return new WorkerClient(name, new Worker(await buildWorker(bundle)));
  }

  call<T>(op: string, args?: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolvePromise, reject) => {
      this.waiting.set(id, { resolve: resolvePromise as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
