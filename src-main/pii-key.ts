/**
 * Threat: member personal information (PIPL) read from the desk's database files by anyone who
 * copies them. The renderer encrypts PII at rest with this key; the key itself is random
 * (32 bytes, made once per desk) and stored only through the OS keychain (safeStorage), so the
 * database files alone reveal nothing. Format handed to the renderer: 64 lower-case hex chars.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from './credentials';

export const PII_KEY_BYTES = 32;
const PII_KEY_PATTERN = /^[0-9a-f]{64}$/;

export const parsePiiKey = (value: unknown): string => {
  if (typeof value !== 'string' || !PII_KEY_PATTERN.test(value)) throw new Error('malformed PII key');
  return value;
};

export const newPiiKey = (random: (size: number) => Uint8Array = randomBytes): string =>
  Buffer.from(random(PII_KEY_BYTES)).toString('hex');

/**
 * Returns the desk's PII key, creating it on first use. A key that exists but cannot be
 * decrypted is an error, never a reason to make a new one: that would orphan every encrypted
 * record and overwrite the only copy of the old key.
 */
export const createPiiKeyProvider = (store: SecretStore<string>, random?: (size: number) => Uint8Array) => {
  let pending: Promise<string> | null = null;
  const loadOrCreate = async (): Promise<string> => {
    const existing = await store.read();
    if (existing !== null) return existing;
    const key = newPiiKey(random);
    await store.write(key);
    return key;
  };
  return {
    getKey(): Promise<string> {
      // One in-flight creation: two first-time callers must get the same key.
      pending ??= loadOrCreate().catch((error: unknown) => {
        pending = null;
        throw error;
      });
      return pending;
    },
  };
};
