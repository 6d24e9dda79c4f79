/**
 * Server secrets (the access-token signing key) kept in the database, so every server process
 * sharing it signs and verifies the same tokens. Created on first use: 32 random bytes; when two
 * processes race, `ON CONFLICT DO NOTHING` keeps the first and both read it back.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

export const ACCESS_TOKEN_SECRET = 'access-token-hmac';

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
