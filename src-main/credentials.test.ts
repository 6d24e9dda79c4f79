// The encrypted secret store, with an injected encryptor standing in for safeStorage.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore } from './credentials';
import { PublicError } from './public-error';
import { safeStorageEncryptor } from './safe-storage';
import { fakeEncryptor } from './testing/fake-encryptor';

const parseSecret = (value: unknown): { token: string } => {
  if (typeof value !== 'object' || value === null || typeof (value as { token?: unknown }).token !== 'string') throw new Error('shape');
  return value as { token: string };
};

describe('SecretStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'desk-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a secret, encrypted on disk with owner-only permissions', async () => {
    const store = new SecretStore(path.join(dir, 'nested', 's.bin'), fakeEncryptor(), parseSecret, 'test secret');
    expect(await store.read()).toBeNull();
    await store.write({ token: 'refresh-令牌-123' });
    const raw = readFileSync(store.file);
    expect(raw.toString('utf8')).not.toContain('refresh');
    if (process.platform !== 'win32') expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(await store.read()).toEqual({ token: 'refresh-令牌-123' });
    await store.clear();
    expect(await store.read()).toBeNull();
  });

  it('refuses to store anything when encryption is unavailable, and says so', async () => {
    const store = new SecretStore(path.join(dir, 's.bin'), fakeEncryptor({ available: false }), parseSecret, 'test secret');
    const error = await store.write({ token: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublicError);
    expect((error as PublicError).code).toBe('SECRET_STORAGE_UNAVAILABLE');
    expect((error as PublicError).message).toMatch(/plain text/);
    expect((error as PublicError).message).toMatch(/明文/);
    expect(() => statSync(store.file)).toThrow();
    await expect(store.assertWritable()).rejects.toThrow(/no keyring in this test/);
  });

  it('reports an unreadable secret instead of returning garbage', async () => {
    const file = path.join(dir, 's.bin');
    writeFileSync(file, 'tampered');
    const store = new SecretStore(file, fakeEncryptor(), parseSecret, 'test secret');
    await expect(store.read()).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
  });

  it('reports a secret encrypted under another key as unreadable', async () => {
    const file = path.join(dir, 's.bin');
    await new SecretStore(file, fakeEncryptor({ key: 1 }), parseSecret, 'x').write({ token: 'a' });
    await expect(new SecretStore(file, fakeEncryptor({ key: 2 }), parseSecret, 'x').read()).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });
  });

  it('re-encrypts when the keychain asks for it', async () => {
    const file = path.join(dir, 's.bin');
    await new SecretStore(file, fakeEncryptor(), parseSecret, 'x').write({ token: 'a' });
    const encryptor = fakeEncryptor({ reEncrypt: true });
    expect(await new SecretStore(file, encryptor, parseSecret, 'x').read()).toEqual({ token: 'a' });
    expect(encryptor.encryptions).toBe(1);
  });

  it('serialises concurrent writes: the last write wins, no temp files left', async () => {
    const store = new SecretStore(path.join(dir, 's.bin'), fakeEncryptor(), parseSecret, 'x');
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.write({ token: `t${i}` })));
    expect(await store.read()).toEqual({ token: 't19' });
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['s.bin']);
  });
});

describe('safeStorageEncryptor', () => {
  const api = (available: boolean, backend: string) => ({
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend as 'basic_text',
    encryptStringAsync: async (text: string) => Buffer.from(`E:${text}`),
    decryptStringAsync: async (buffer: Buffer) => ({ result: buffer.toString().slice(2), shouldReEncrypt: false }),
  });

  it('is unavailable when safeStorage is, and on Linux with the hard-coded basic_text key', async () => {
    expect(await safeStorageEncryptor(api(false, 'gnome_libsecret'), 'linux').unavailableReason()).toMatch(/not available/);
    expect(await safeStorageEncryptor(api(true, 'basic_text'), 'linux').unavailableReason()).toMatch(/keyring/);
    expect(await safeStorageEncryptor(api(true, 'gnome_libsecret'), 'linux').unavailableReason()).toBeNull();
    expect(await safeStorageEncryptor(api(true, 'unknown'), 'win32').unavailableReason()).toBeNull();
  });

  it('delegates to the async safeStorage API', async () => {
    const encryptor = safeStorageEncryptor(api(true, 'kwallet6'), 'linux');
    const cipher = await encryptor.encrypt('secret');
    expect(await encryptor.decrypt(cipher)).toEqual({ plainText: 'secret', reEncrypt: false });
  });
});
