/**
 * Fresh databases for tests: PGlite in memory, or a throwaway PostgreSQL database created on
 * the local server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * and dropped afterwards.
 */
import pg from 'pg';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';

export type TestDbKind = 'pglite' | 'postgres';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Database;
  /** connection string of the throwaway database (postgres only), for a second server process */
  url: string;
  dispose(): Promise<void>;
}

const withAdmin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

export const createTestDatabase = async (kind: TestDbKind): Promise<TestDatabase> => {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return { db, url: '', dispose: () => db.close() };
  }
  const name = `sd_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 40 });
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close().catch(() => undefined);
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
    },
  };
};
