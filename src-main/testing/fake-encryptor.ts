/**
 * Test double for the OS keychain (safeStorage needs the Electron binary): a reversible XOR
 * with a per-instance key and a marker prefix, so tampering and key changes are detectable.
 */
import type { Encryptor } from '../credentials';

export const fakeEncryptor = (options: { available?: boolean; key?: number; reEncrypt?: boolean } = {}): Encryptor & { encryptions: number } => {
  const key = options.key ?? 0x5a;
  const state = {
    encryptions: 0,
    unavailableReason: async () => (options.available === false ? 'no keyring in this test' : null),
    encrypt: async (plainText: string) => {
      state.encryptions++;
      return Buffer.concat([Buffer.from('ENC1'), Buffer.from(plainText, 'utf8').map((b) => b ^ key)]);
    },
    decrypt: async (cipherText: Uint8Array) => {
      const buffer = Buffer.from(cipherText);
      if (buffer.subarray(0, 4).toString() !== 'ENC1') throw new Error('bad ciphertext');
      return { plainText: Buffer.from(buffer.subarray(4).map((b) => b ^ key)).toString('utf8'), reEncrypt: options.reEncrypt ?? false };
    },
  };
  return state;
};
