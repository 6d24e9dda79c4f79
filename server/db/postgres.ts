/**
 * PostgreSQL through a `pg` pool. LISTEN needs a dedicated connection, which reconnects on
 * failure: a notification lost meanwhile only delays desks (hints are hints, docs/sync-protocol.md).
 */
import pg from 'pg';
import type { Database, Queryable } from './database';
import { hintedTransaction } from './transaction';

export const openPostgres = async (connectionString: string, options: { max?: number } = {}): Promise<Database> => {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  pool.on('error', (error) => console.error('postgres pool error', error.message));
  await pool.query('SELECT 1');

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | null = null;
  let closed = false;

  const connectListener = async (): Promise<pg.Client> => {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString });
    await client.connect();
    client.on('notification', (msg) => {
      for (const fn of listeners.get(msg.channel) ?? []) fn(msg.payload ?? '');
    });
    client.on('error', () => {
      listenClient = null;
      client.end().catch(() => undefined);
      if (!closed) setTimeout(() => void reconnect(), 1000);
    });
    listenClient = client;
    return client;
  };
  const reconnect = async () => {
    try {
      const client = await connectListener();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      if (!closed) setTimeout(() => void reconnect(), 1000);
    }
  };

  const asQueryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async (sql, params) => {
      const result = await q.query(sql, params as unknown[] | undefined);
      return { rows: result.rows };
    },
    exec: async (sql) => {
      await q.query(sql);
    },
  });

  const begin = async <T>(body: (q: Queryable) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(asQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const notify = async (channel: string, payload: string) => {
    await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
  };

  return {
    kind: 'postgres',
    ...asQueryable(pool),
    transaction: (fn) => hintedTransaction(begin, notify, fn),
    notify,
    async listen(channel, onPayload) {
      const set = listeners.get(channel) ?? new Set();
      const first = set.size === 0;
      set.add(onPayload);
      listeners.set(channel, set);
      if (first) await (await connectListener()).query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && listenClient) await listenClient.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      };
    },
    async close() {
      closed = true;
      await listenClient?.end().catch(() => undefined);
      await pool.end();
    },
  };
};
