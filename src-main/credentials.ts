/**
 * Threat: device credentials (a refresh token that can mint access to the station's data) and
 * the member-PII key copied off a desk PC's disk, or left in plain text because the OS keychain
 * is missing. Closed by encrypting every secret with the OS keychain (Electron safeStorage,
 * injected here as an `Encryptor`) into a 0600 file in userData, and refusing, with a clear
 * message, to store anything when encryption is unavailable.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PublicError } from './public-error';

/** The OS-backed encryption the store relies on (safeStorage in the app, a fake in tests). */
export interface Encryptor {
  /** null when secrets can be encrypted; otherwise why not, in words for an administrator. */
  unavailableReason(): Promise<string | null>;
  encrypt(plainText: string): Promise<Uint8Array>;
  decrypt(cipherText: Uint8Array): Promise<{ plainText: string; reEncrypt: boolean }>;
}

export const secretStorageUnavailable = (reason: string): PublicError =>
  new PublicError(
    'SECRET_STORAGE_UNAVAILABLE',
    '此电脑没有可用的系统密钥环，无法安全保存密钥；为安全起见不会以明文保存。',
    `This computer cannot store secrets securely (${reason}); they will not be stored in plain text.`,
  );

export const secretUnreadable = (name: string): PublicError =>
  new PublicError(
    'SECRET_UNREADABLE',
    `无法解密已保存的${name}（系统密钥可能已更改）。`,
    `The saved ${name} cannot be decrypted (the system keychain may have changed).`,
  );

/** One encrypted secret in one file. `parse` checks the decrypted JSON's shape. */
export class SecretStore<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly encryptor: Encryptor,
    private readonly parse: (value: unknown) => T,
    /** Named in error messages, e.g. "device credential". */
    private readonly label: string,
  ) {}

  /** The stored value, or null when nothing is stored. */
  async read(): Promise<T | null> {
    let cipherText: Buffer;
    try {
      cipherText = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const reason = await this.encryptor.unavailableReason();
    if (reason !== null) throw secretStorageUnavailable(reason);
    let value: T;
    let reEncrypt: boolean;
    try {
      const decrypted = await this.encryptor.decrypt(cipherText);
      value = this.parse(JSON.parse(decrypted.plainText));
      reEncrypt = decrypted.reEncrypt;
    } catch {
      throw secretUnreadable(this.label);
    }
    if (reEncrypt) await this.write(value);
    return value;
  }

  /** Throws SECRET_STORAGE_UNAVAILABLE unless a write could succeed (check before one-time work). */
  async assertWritable(): Promise<void> {
    const reason = await this.encryptor.unavailableReason();
    if (reason !== null) throw secretStorageUnavailable(reason);
  }

  async write(value: T): Promise<void> {
    await this.serialized(async () => {
      await this.assertWritable();
      const cipherText = await this.encryptor.encrypt(JSON.stringify(value));
      await mkdir(path.dirname(this.file), { recursive: true });
      // Write then rename: a crash mid-write never leaves a half-written credential.
      const temp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, cipherText, { mode: 0o600 });
      await rename(temp, this.file);
    });
  }

  async clear(): Promise<void> {
    await this.serialized(() => rm(this.file, { force: true }));
  }

  private serialized<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
