// Dexie on fake-indexeddb in Node: the same storage code the app runs on Chromium's IndexedDB
// (which the E2E tests exercise for real).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { repositoryContract } from './repositories.contract';
import { dexieStorage } from './storage';

repositoryContract('dexie', () => dexieStorage({ indexedDB, IDBKeyRange }));
