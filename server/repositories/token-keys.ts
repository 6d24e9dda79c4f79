/**
 * The token-signing keys (`token_keys`, migration 030), wrapped; services/token-keys.ts decides
 * which key signs and which still verify.
 */
import type { Queryable } from '../db/database';

export interface TokenKeyRow {
  kid: string;
  wrapped: string;
  createdMs: number;
  /** When the key stops verifying (ms); null while it is the signing key. */
  retireMs: number | null;
}

/** Every key of a purpose (retired ones until they are forgotten), newest first. */
export const tokenKeys = async (q: Queryable, purpose: string): Promise<TokenKeyRow[]> => {
  const { rows } = await q.query<{ kid: string; wrapped: string; created_ms: string | number; retire_ms: string | number | null }>(
    'SELECT kid, wrapped, created_ms, retire_ms FROM token_keys WHERE purpose = $1 ORDER BY created_ms DESC, kid DESC',
    [purpose],
  );
  return rows.map((r) => ({ kid: r.kid, wrapped: r.wrapped, createdMs: Number(r.created_ms), retireMs: r.retire_ms === null ? null : Number(r.retire_ms) }));
};

export const insertTokenKey = async (q: Queryable, purpose: string, key: TokenKeyRow): Promise<void> => {
  await q.query('INSERT INTO token_keys (purpose, kid, wrapped, created_ms, retire_ms) VALUES ($1, $2, $3, $4, $5)', [purpose, key.kid, key.wrapped, key.createdMs, key.retireMs]);
};

/** Every other key of the purpose stops verifying at `at` (or earlier, if it already would); returns their ids. */
export const retireTokenKeysExcept = async (q: Queryable, purpose: string, keepKid: string, at: number): Promise<string[]> => {
  const { rows } = await q.query<{ kid: string }>(
    'UPDATE token_keys SET retire_ms = $3 WHERE purpose = $1 AND kid <> $2 AND (retire_ms IS NULL OR retire_ms > $3) RETURNING kid',
    [purpose, keepKid, at],
  );
  return rows.map((r) => r.kid).sort();
};

/** Forgets keys retired before `before` (nothing they signed can still be valid). */
export const deleteRetiredTokenKeys = async (q: Queryable, purpose: string, before: number): Promise<void> => {
  await q.query('DELETE FROM token_keys WHERE purpose = $1 AND retire_ms IS NOT NULL AND retire_ms < $2', [purpose, before]);
};

/** Serializes key creation across server processes, inside a transaction. */
export const lockTokenKeys = async (q: Queryable, purpose: string): Promise<void> => {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`token-keys:${purpose}`]);
};
