// The sync status the desk shows: the live channel is not claimed while the server cannot be
// reached (the sync screen said "实时通道 已连接" offline: a dead stream stays open until its idle
// timeout). Local documents are an in-memory stand-in for RxDB's (the store's only outer edge).
import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { LocalDoc, LocalDocs } from './local-docs';
import { createStatusStore } from './status-store';
import { SyncError } from './sync-errors';

const memoryDocs = (): LocalDocs => {
  const docs = new Map<string, BehaviorSubject<LocalDoc | null>>();
  const subject = (id: string) => {
    let s = docs.get(id);
    if (!s) docs.set(id, (s = new BehaviorSubject<LocalDoc | null>(null)));
    return s;
  };
  return {
    closed: false,
    getLocal: async (id) => subject(id).value,
    getLocal$: (id) => subject(id).asObservable(),
    upsertLocal: async (id, data) => {
      subject(id).next({ get: (path) => (data as Record<string, unknown>)[path], toJSON: () => ({ data }) });
    },
  };
};

describe('the sync status store', () => {
  it('reports the live channel only while the server answers', async () => {
    const store = createStatusStore(memoryDocs(), () => 1000);
    store.setLeader(true);
    store.outcome({ ok: true });
    store.setLive(true);
    expect(store.current()).toMatchObject({ state: 'online', live: true });

    store.outcome({ ok: false, error: new SyncError('NETWORK', 'NETWORK', 'cannot reach the server') });
    expect(store.current()).toMatchObject({ state: 'offline', live: false });

    // a refusal is not a lost network: the stream that is open is still live
    store.outcome({ ok: false, error: new SyncError(400, 'SCHEMA_VIOLATION', 'bad row') });
    expect(store.current()).toMatchObject({ state: 'error', live: true });

    store.outcome({ ok: true });
    expect(store.current().live).toBe(true);
    store.setLive(false);
    expect(store.current().live).toBe(false);
    await store.close();
  });
});
