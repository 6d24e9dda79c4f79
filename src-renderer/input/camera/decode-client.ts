/**
 * Main-thread side of the decode worker: one worker per camera view, one frame in flight at a
 * time (the caller awaits each result before grabbing the next frame, so frames never queue up).
 * Bundled by Vite as its own file; the CSP allows it (`worker-src 'self' blob:`, no eval).
 */
import type { DecodedCode } from './decode-frame';
import type { DecodeRequest, DecodeResponse } from './decode-protocol';

export interface DecodeClient {
  /** Transfers the bitmap to the worker (it is closed there). */
  decode(bitmap: ImageBitmap): Promise<DecodedCode | null>;
  dispose(): void;
}

export const createDecodeClient = (): DecodeClient => {
  const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'barcode-decoder' });
  const pending = new Map<number, { resolve: (value: DecodedCode | null) => void; reject: (error: Error) => void }>();
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
    const { id, result, error } = event.data;
    const waiter = pending.get(id);
    pending.delete(id);
    if (!waiter) return;
    if (error) waiter.reject(new Error(error));
    else waiter.resolve(result);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(new Error(event.message || 'decode worker failed to start'));
  };

  return {
    decode(bitmap) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: DecodeRequest = { id, bitmap };
        worker.postMessage(request, [bitmap]);
      });
    },
    dispose() {
      worker.terminate();
      failAll(new Error('decoder closed'));
    },
  };
};
