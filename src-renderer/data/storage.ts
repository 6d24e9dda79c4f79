/**
 * Storages for the local database. The app uses Dexie (IndexedDB) with strict durability:
 * Chromium commits IndexedDB with 'relaxed' durability by default, which can lose the last
 * writes on a power cut; a check-in the UI calls saved must be on disk.
 */
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStorage = RxStorage<any, any>;

/** IndexedDB through Dexie. `indexedDB`/`IDBKeyRange` may be injected (fake-indexeddb in Node tests). */
export const dexieStorage = (deps?: { indexedDB: unknown; IDBKeyRange: unknown }): AnyStorage =>
  getRxStorageDexie({
    chromeTransactionDurability: 'strict',
    ...(deps ? { indexedDB: deps.indexedDB as IDBFactory, IDBKeyRange: deps.IDBKeyRange as typeof IDBKeyRange } : {}),
  });

export const memoryStorage = (): AnyStorage => getRxStorageMemory();
