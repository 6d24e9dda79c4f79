// The PII key through the real safeStorage adapter, with a fake safeStorage at the OS edge (the
// Electron binary is not here): the key file holds only what the OS encryption made, the same
// key comes back after a restart, and a keyring-less Linux ('basic_text') gets no key at all.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore } from './credentials';
import { createPiiKeyProvider, parsePiiKey } from './pii-key';
import { safeStorageEncryptor } from './safe-storage';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/** Electron's safeStorage as the OS would answer: a reversible transform behind a marker. */
const fakeSafeStorage = (backend: Backend = 'gnome_libsecret', available = true) => ({
  isAsyncEncryptionAvailable: async () => available,
  getSelectedStorageBackend: () => backend,
  encryptStringAsync: async (text: string) => Buffer.concat([Buffer.from('v11'), Buffer.from(text, 'utf8').reverse()]),
  decryptStringAsync: async (data: Buffer) => {
    if (data.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(data.subarray(3)).reverse().toString('utf8'), shouldReEncrypt: false };
  },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-safe-storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const provider = (safeStorage: ReturnType<typeof fakeSafeStorage>, platform = 'linux') =>
  createPiiKeyProvider(new SecretStore(path.join(dir, 'pii-key.bin'), safeStorageEncryptor(safeStorage, platform), parsePiiKey, 'PII key'));

describe('PII key in safeStorage', () => {
  it('is stored only as the OS encrypted it, and read back the same after a restart', async () => {
    const key = await provider(fakeSafeStorage()).getKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const file = readFileSync(path.join(dir, 'pii-key.bin'));
    expect(file.toString('latin1')).not.toContain(key);
    expect(await provider(fakeSafeStorage()).getKey()).toBe(key);
  });

  it.each([
    ['Linux without a keyring (basic_text)', fakeSafeStorage('basic_text'), 'linux'],
    ['no OS encryption at all', fakeSafeStorage('unknown', false), 'win32'],
  ])('makes no key on %s', async (_name, safeStorage, platform) => {
    await expect(provider(safeStorage, platform).getKey()).rejects.toMatchObject({ code: 'SECRET_STORAGE_UNAVAILABLE' });
  });
});
