/** PGlite: PostgreSQL compiled to WASM, in this process. Data in a folder, or in memory for tests. */
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { hintedTransaction } from './transaction';

export const openPglite = async (dataDir?: string): Promise<Database> => {
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    query: async (sql, params) => {
      const result = await q.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as never[] };
    },
    exec: async (sql) => {
      await q.exec(sql);
    },
  });
  const notify = async (channel: string, payload: string) => {
    await pg.query('SELECT pg_notify($1, $2)', [channel, payload]);
  };
  return {
    kind: 'pglite',
    ...asQueryable(pg),
    transaction: (fn) => hintedTransaction((body) => pg.transaction((tx) => body(asQueryable(tx))), notify, fn),
    notify,
    listen: async (channel, onPayload) => {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => unlisten();
    },
    close: () => pg.close(),
  };
};
