/**
 * Message plumbing between the benchmark thread and its desk workers: the worker side serves
 * named async operations, the bench side calls them. Timestamps cross threads as
 * `performance.timeOrigin + performance.now()` (epoch ms with sub-ms resolution), so a write
 * stamped in one worker and a change seen in another compare directly.
 */
import { parentPort } from 'node:worker_threads';

export const now = (): number => performance.timeOrigin + performance.now();

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
