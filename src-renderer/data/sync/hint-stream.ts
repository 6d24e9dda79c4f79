/**
 * The desk's one live connection: `GET /api/sync/stream`, read with fetch + ReadableStream
 * (EventSource cannot send an Authorization header). `hint` events name a collection to pull;
 * `revoked` ends everything. Hints may be lost, so the caller re-pulls everything on every
 * (re)connect. The connection is re-opened with capped exponential backoff, and dropped when
 * nothing (not even a heartbeat comment) arrived for `idleTimeoutMs`: a half-dead TCP
 * connection would otherwise look alive forever.
 */
import { STREAM_EVENTS, streamHintSchema, type StreamHint } from '../../../shared/protocol/messages';
import { check } from '../../../shared/protocol/parse';
import { createSseParser } from './sse-parser';
import { SyncError } from './sync-errors';

export interface HintStreamOptions {
  open(signal: AbortSignal): Promise<Response>;
  onOpen(): void;
  onHint(hint: StreamHint): void;
  onRevoked(error: SyncError): void;
  /** The connection was up and is gone (or failed to come up): `error` says why, if known. */
  onDown(error: SyncError | null): void;
  minDelayMs: number;
  maxDelayMs: number;
  idleTimeoutMs: number;
  random?: () => number;
}

export interface HintStream {
  /** Reconnect now if waiting to retry (network back, "sync now"). */
  reconnectNow(): void;
  close(): void;
}

/** A hint through the protocol schema; a malformed one is dropped (hints may be lost anyway). */
const parseHint = (data: string): StreamHint | null => {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = check(streamHintSchema, value);
  return parsed.ok ? { collection: parsed.value.collection, seq: parsed.value.seq } : null;
};

export const startHintStream = (options: HintStreamOptions): HintStream => {
  const random = options.random ?? Math.random;
  let closed = false;
  let current: AbortController | null = null;
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /** Reads events until the body ends, the idle timer fires, or the stream is revoked. */
  const read = async (response: Response, controller: AbortController): Promise<'ended' | 'revoked'> => {
    if (!response.body) return 'ended';
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser();
    let idle = setTimeout(() => controller.abort(), options.idleTimeoutMs);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        clearTimeout(idle);
        if (done) return 'ended';
        idle = setTimeout(() => controller.abort(), options.idleTimeoutMs);
        for (const event of parser.push(decoder.decode(value, { stream: true }))) {
          if (event.event === STREAM_EVENTS.revoked) return 'revoked';
          if (event.event !== STREAM_EVENTS.hint) continue;
          const hint = parseHint(event.data);
          if (hint) options.onHint(hint);
        }
      }
    } finally {
      clearTimeout(idle);
      reader.cancel().catch(() => undefined);
    }
  };

  const run = async () => {
    let attempt = 0;
    while (!closed) {
      const controller = new AbortController();
      current = controller;
      let error: SyncError | null = null;
      try {
        const response = await options.open(controller.signal);
        if (closed) return;
        attempt = 0;
        options.onOpen();
        if ((await read(response, controller)) === 'revoked') {
          closed = true;
          options.onRevoked(new SyncError(401, 'DEVICE_REVOKED', 'the server revoked this desk'));
          return;
        }
      } catch (caught) {
        if (closed) return;
        if (caught instanceof SyncError && caught.revoked) {
          closed = true;
          options.onRevoked(caught);
          return;
        }
        error = caught instanceof SyncError ? caught : null;
      } finally {
        controller.abort();
        current = null;
      }
      if (closed) return;
      options.onDown(error);
      const delay = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** Math.min(attempt++, 16));
      await sleep(delay * (0.5 + random() / 2));
    }
  };
  void run();

  return {
    reconnectNow: () => wake?.(),
    close() {
      closed = true;
      current?.abort();
      wake?.();
    },
  };
};
