// Dexie on fake-indexeddb in Node: the same storage code the app runs on Chromium's IndexedDB.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { equipmentRepositorySuite } from './equipment.suite';
import { dexieStorage } from './storage';

equipmentRepositorySuite('dexie', () => dexieStorage({ indexedDB, IDBKeyRange }));
