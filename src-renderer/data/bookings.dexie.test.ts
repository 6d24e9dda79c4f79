// Dexie on fake-indexeddb in Node: the same storage code the app runs on Chromium's IndexedDB.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { bookingRepositorySuite } from './bookings.suite';
import { dexieStorage } from './storage';

bookingRepositorySuite('dexie', () => dexieStorage({ indexedDB, IDBKeyRange }));
