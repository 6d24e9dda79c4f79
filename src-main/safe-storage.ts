/**
 * The outer edge of the credential store: Electron's safeStorage (DPAPI on Windows, Keychain on
 * macOS, libsecret/kwallet on Linux) as an `Encryptor`. On Linux without a keyring, Electron
 * falls back to a key hard-coded in Chromium ('basic_text'): that is plain text in disguise,
 * so it counts as unavailable.
 */
import type { SafeStorage } from 'electron';
import type { Encryptor } from './credentials';

type SafeStorageApi = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export const safeStorageEncryptor = (safeStorage: SafeStorageApi, platform: string): Encryptor => ({
  async unavailableReason() {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'OS encryption (safeStorage) is not available';
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      return 'no system keyring (gnome-libsecret or kwallet) is running';
    }
    return null;
  },
  encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
  async decrypt(cipherText) {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipherText));
    return { plainText: result, reEncrypt: shouldReEncrypt };
  },
});
