/**
 * Server secrets kept in the database, so every server process sharing it uses the same ones: the
 * wrapped pass-signing keys, and the database-held wrapping secret used when no PASS_KEY_SECRET
 * is configured (tests, embedded use). Created on first use: 32 random bytes; when two processes
 * race, `ON CONFLICT DO NOTHING` keeps the first and both read it back.
 *
 * The token-signing keys used to be plain rows here (ACCESS_TOKEN_SECRET, MEMBER_TOKEN_SECRET);
 * they are now wrapped in `token_keys`, and `takePlainSecret` moves an old plain row out
 * (services/token-keys.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export const ACCESS_TOKEN_SECRET = 'access-token-hmac';
/** The wrapping secret held in the database when the server has none outside it. */
export const DATABASE_WRAP_SECRET = 'pass-key-wrap';

export const getOrCreateSecret = async (q: Queryable, name: string, bytes = 32): Promise<Buffer> => {
  await q.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    randomBytes(bytes).toString('base64'),
  ]);
  const { rows } = await q.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
  const value = rows[0]?.value;
  if (!value) throw new Error(`server secret ${name} could not be read`);
  return Buffer.from(value, 'base64');
};

/** The secret that wraps keys at rest: the configured one, else the database-held one. */
export const wrappingSecret = async (q: Queryable, configured?: string): Promise<string | Buffer> =>
  configured || getOrCreateSecret(q, DATABASE_WRAP_SECRET);

/** Deletes a plain secret row and returns its value (null if there was none). */
export const takePlainSecret = async (q: Queryable, name: string): Promise<Buffer | null> => {
  const { rows } = await q.query<{ value: string }>('DELETE FROM server_secrets WHERE name = $1 RETURNING value', [name]);
  return rows[0] ? Buffer.from(rows[0].value, 'base64') : null;
};
