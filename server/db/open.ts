/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in a folder. */
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseConfig {
  /** postgres://… ; empty = embedded PGlite */
  databaseUrl?: string;
  /** PGlite data folder; undefined = in memory (tests) */
  dataDir?: string;
}

export const openDatabase = async (config: DatabaseConfig): Promise<Database> => {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  await migrate(db);
  return db;
};
