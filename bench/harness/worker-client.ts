/**
 * Bench side of a desk worker: builds the worker entry with esbuild (a worker thread cannot load
 * TypeScript through tsx's hooks reliably; tests/sync/harness/desk.ts does the same) and calls
 * its operations over messages.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

// inside bench/node_modules so the built worker finds the benchmark peers (bench/package.json)
const OUT_DIR = resolve('bench/node_modules/.cache/bench-build');
const builds = new Map<string, Promise<string>>();

/** Bundles `entry` once per run; `external` packages load from node_modules at run time. */
const buildEntry = (entry: string, external: string[]) => {
  let done = builds.get(entry);
  if (!done) {
    const outfile = resolve(OUT_DIR, `${entry.replace(/^.*\//, '').replace(/\.ts$/, '')}.mjs`);
    done = (async () => {
      mkdirSync(dirname(outfile), { recursive: true });
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
    builds.set(entry, done);
  }
  return done;
};

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

  static async start(name: string, entry: string, external: string[] = []): Promise<WorkerClient> {
    const file = await buildEntry(entry, external);
    return new WorkerClient(name, new Worker(file));
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
