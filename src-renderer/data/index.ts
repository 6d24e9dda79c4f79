/** Public face of the data layer: open a database, get repositories. Nothing else leaves data/. */
export { createDatabase, type CreateDatabaseOptions, type DeskDatabase } from './database';
export { createRepositories, type Repositories } from './repositories/index';
export type * from './repositories/index';
export { dexieStorage, memoryStorage } from './storage';
