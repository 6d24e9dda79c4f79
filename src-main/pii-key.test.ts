// The member-PII key: random, made once, kept encrypted, never silently replaced.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore } from './credentials';
import { createPiiKeyProvider, newPiiKey, parsePiiKey } from './pii-key';
import { fakeEncryptor } from './testing/fake-encryptor';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-pii-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const store = (options: Parameters<typeof fakeEncryptor>[0] = {}) =>
  new SecretStore(path.join(dir, 'pii-key.bin'), fakeEncryptor(options), parsePiiKey, 'PII key');

describe('PII key', () => {
  it('is 32 random bytes as 64 hex characters', () => {
    expect(newPiiKey()).toMatch(/^[0-9a-f]{64}$/);
    expect(newPiiKey()).not.toBe(newPiiKey());
  });

  it('is created once, stored encrypted, and the same after a restart', async () => {
    const key = await createPiiKeyProvider(store()).getKey();
    expect(readFileSync(path.join(dir, 'pii-key.bin')).toString('latin1')).not.toContain(key);
    expect(await createPiiKeyProvider(store()).getKey()).toBe(key);
  });

  it('gives concurrent first callers the same key', async () => {
    const provider = createPiiKeyProvider(store());
    const keys = await Promise.all(Array.from({ length: 5 }, () => provider.getKey()));
    expect(new Set(keys).size).toBe(1);
  });

  it('never replaces a key it cannot decrypt (that would orphan every encrypted record)', async () => {
    writeFileSync(path.join(dir, 'pii-key.bin'), 'garbage');
    await expect(createPiiKeyProvider(store()).getKey()).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
    expect(readFileSync(path.join(dir, 'pii-key.bin'), 'utf8')).toBe('garbage');
  });

  it('refuses to create a key without OS encryption, and can retry later', async () => {
    const provider = createPiiKeyProvider(store({ available: false }));
    await expect(provider.getKey()).rejects.toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
    await expect(provider.getKey()).rejects.toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
  });

  it('rejects malformed stored keys', () => {
    expect(() => parsePiiKey('ABCDEF')).toThrow();
    expect(() => parsePiiKey(42)).toThrow();
  });
});
