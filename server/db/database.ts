/**
 * The server's database behind one small interface, implemented by PGlite (embedded default:
 * nothing to install) and by PostgreSQL through `pg`. Repositories only see `Queryable`;
 * the same SQL and migrations run on both (write SQL that PostgreSQL 15 accepts).
 */
import type { StationHint } from './hints';

export interface QueryResult<T> {
  rows: T[];
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A transaction in progress: queries, and notices that go out only if it commits. */
export interface Transaction extends Queryable {
  /** Queues a hint for desks; published after a successful commit, dropped on rollback. */
  hint(hint: StationHint): void;
  /** Queues a device's revocation for every server process (its live streams close); after commit. */
  revoked(deviceId: string): void;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction (READ COMMITTED); commits if it resolves, rolls back if it
   * throws. The hints it queued are published once it has committed (db/transaction.ts).
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Sends a notification. Call it after commit, never inside a write transaction. */
  notify(channel: string, payload: string): Promise<void>;
  /** Listens on a channel (across processes on PostgreSQL); resolves to an unlisten function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** int8 / numeric come back as strings from `pg` (and bigint-ish from PGlite): normalize. */
export const toNumber = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

/**
 * A text[] parameter both drivers accept: a PostgreSQL array literal (PGlite would send a JS
 * array as JSON). Use as `= ANY($n::text[])`, which plans well on PostgreSQL 15.
 */
export const textArray = (values: readonly string[]): string =>
  `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
