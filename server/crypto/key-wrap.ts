/**
 * Encryption at rest of the pass-signing private keys (kept in `server_secrets`) and of the
 * token-signing keys (`token_keys`, services/token-keys.ts).
 *
 * Threat: a database dump or backup in the wrong hands would let anyone mint member passes that
 * every desk accepts offline. Closed by wrapping each private key with AES-256-GCM under a key
 * derived (HKDF-SHA256) from a secret that is NOT in the database: PASS_KEY_SECRET, else the file
 * `<dataDir>/pass-key-secret` (created on first start, mode 0600, like the admin token). The key
 * id is the GCM associated data, so a wrapped key cannot be swapped onto another id. Every server
 * process sharing the database needs the same secret to issue passes (verification never does)
 * and to sign or verify tokens. Each use derives its own AES key (`domain` in the HKDF salt).
 * Without a configured secret (tests, embedded use of buildApp) the wrapping secret is a random
 * value in the database itself: no protection beyond the database's own, and said so here.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PASS_KEY_SECRET_FILE = 'pass-key-secret';
const FORMAT = 'v1';

export interface KeyWrapper {
  wrap(kid: string, privateKeyDer: Buffer): string;
  /** Throws when the secret is not the one the key was wrapped with. */
  unwrap(kid: string, stored: string): Buffer;
}

export type WrapDomain = 'pass-keys' | 'token-keys';

export const createKeyWrapper = (secret: string | Buffer, domain: WrapDomain = 'pass-keys'): KeyWrapper => {
  if (secret.length < 16) throw new Error('the pass key secret must be at least 16 characters');
  const key = Buffer.from(hkdfSync('sha256', secret, `station-desk/${domain}`, 'aes-256-gcm/v1', 32));
  return {
    wrap(kid, der) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(kid, 'utf8'));
      const data = Buffer.concat([cipher.update(der), cipher.final()]);
      return [FORMAT, iv, cipher.getAuthTag(), data].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    unwrap(kid, stored) {
      const [format, iv, tag, data] = stored.split('.');
      if (format !== FORMAT || !iv || !tag || !data) throw new Error(`key ${kid}: unknown storage format`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(kid, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
    },
  };
};

export interface PassKeySecretSource {
  secret: string;
  /** 'the PASS_KEY_SECRET environment variable' or the file's absolute path */
  where: string;
}

/** The configured secret, or the data folder's (created if missing, readable by its owner only). */
export const resolvePassKeySecret = (configured: string, dataDir: string): PassKeySecretSource => {
  if (configured) return { secret: configured, where: 'the PASS_KEY_SECRET environment variable' };
  const path = resolve(join(dataDir, PASS_KEY_SECRET_FILE));
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // exists already, or another process won the race
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (!secret) throw new Error(`${path} is empty: delete it, start again and run "admin rotate-keys" (issued passes keep working)`);
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    console.warn(`Warning: ${path} was readable by other users; restricting it to its owner (chmod 600).`);
    chmodSync(path, 0o600);
  }
  return { secret, where: path };
};
