// Dexie on fake-indexeddb in Node: the same storage code the app runs on Chromium's IndexedDB.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { bookingRepositoryContract } from './bookings.contract';
import { dexieStorage } from './storage';

bookingRepositoryContract('dexie', () => dexieStorage({ indexedDB, IDBKeyRange }));
