/** Public face of the data layer: open a database, get repositories, sync. Nothing else leaves data/. */
export { databaseNameFor, LOCAL_DATABASE } from './database-name';
export { createDatabase, type CreateDatabaseOptions, type DeskDatabase } from './database';
export { createRepositories, type Repositories } from './repositories/index';
export type * from './repositories/index';
export { dexieStorage, memoryStorage } from './storage';
export { piiKeysFromIndexedDb, piiKeysFromSecret, type PiiKeys } from './pii-keys';
export { startReplication, type StartReplicationOptions, type SyncHandle } from './replication';
export { notEnrolledSync } from './sync/not-enrolled';
export type { AccessTokenProvider } from './sync/http-client';
export type { RejectedEntry } from './sync/quarantine';
export type { CollectionProgress, InitialSyncProgress, SyncErrorInfo, SyncService, SyncState, SyncStatus } from './sync/sync-status';
