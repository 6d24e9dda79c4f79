// Dexie on fake-indexeddb in Node: the same storage code the app runs on Chromium's IndexedDB
// (which the E2E tests exercise for real).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { repositorySuite } from './repositories.suite';
import { dexieStorage } from './storage';

repositorySuite('dexie', () => dexieStorage({ indexedDB, IDBKeyRange }));
