// The same repository contract with member PII sealed at rest (pii-storage.ts): card lookup,
// phone-tail and name search, review tickets all behave as on the plain storages.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { testPiiKeys } from './pii-keys.test-util';
import { repositorySuite } from './repositories.suite';
import { dexieStorage } from './storage';

repositorySuite('dexie-sealed-pii', () => dexieStorage({ indexedDB, IDBKeyRange }), () => testPiiKeys());
