// The desk's IndexedDB writes must be durable before the UI says "saved": Dexie is opened with
// Chromium's 'strict' transaction durability (the default is 'relaxed').
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dexieStorage } from './storage';

describe('dexie storage', () => {
  it('asks for strict durability', () => {
    const storage = dexieStorage({ indexedDB, IDBKeyRange }) as unknown as { settings: { chromeTransactionDurability?: string } };
    expect(storage.settings.chromeTransactionDurability).toBe('strict');
  });
});
