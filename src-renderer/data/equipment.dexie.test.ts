// Dexie on fake-indexeddb in Node: the same storage code the app runs on Chromium's IndexedDB.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { equipmentRepositoryContract } from './equipment.contract';
import { dexieStorage } from './storage';

equipmentRepositoryContract('dexie', () => dexieStorage({ indexedDB, IDBKeyRange }));
