/**
 * The keys that protect member PII at rest (docs/security.md, "Member PII at rest"): AES-256-GCM
 * seals the personal fields, HMAC-SHA256 makes the blind index that lets an exact lookup still use
 * an index. Both are Web Crypto keys that cannot be extracted from this page.
 *
 * Where they come from:
 * - Electron: main keeps one random 32-byte secret in the OS keychain (safeStorage,
 *   src-main/pii-key.ts) and hands it over `pii:key`; both keys are derived from it with HKDF and
 *   the secret's bytes are wiped here right after.
 * - Web build: there is no main process, so the keys are generated in this page as
 *   non-extractable keys and kept in IndexedDB (`station-desk-keys`); a page script of this origin
 *   can use them, nothing can read their bytes.
 */
const AES = { name: 'AES-GCM', length: 256 } as const;
const HMAC = { name: 'HMAC', hash: 'SHA-256', length: 256 } as const;
const IV_BYTES = 12;
/** Sealed values: `p1.<iv>.<ciphertext+tag>`, base64. The version names the scheme, not the key. */
const SEALED_PREFIX = 'p1.';

export interface PiiKeys {
  seal(plainText: string): Promise<string>;
  /** Throws when the value was not sealed with this key (or was changed). */
  open(sealed: string): Promise<string>;
  /** Keyed hash of a value for an exact-match index: equal values, equal hashes; no key, no guess. */
  blindIndex(value: string): Promise<string>;
}

const toBase64 = (bytes: Uint8Array): string => {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
};
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The two operations over a pair of (non-extractable) keys. */
export const piiKeysFrom = (aes: CryptoKey, hmac: CryptoKey): PiiKeys => ({
  async seal(plainText) {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, utf8.encode(plainText)));
    return `${SEALED_PREFIX}${toBase64(iv)}.${toBase64(sealed)}`;
  },
  async open(sealed) {
    const [iv, body] = sealed.startsWith(SEALED_PREFIX) ? sealed.slice(SEALED_PREFIX.length).split('.') : [];
    if (!iv || !body) throw new Error('not a sealed PII value');
    return fromUtf8.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, aes, fromBase64(body)));
  },
  async blindIndex(value) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, utf8.encode(value)));
    // 128 bits: collisions are out of reach; the index stays short
    return toBase64(mac.subarray(0, 16));
  },
});

const hexBytes = (hex: string): Uint8Array<ArrayBuffer> => {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('the PII key from main is malformed');
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
};

/** Electron: both keys derived (HKDF-SHA256) from main's 32-byte secret; the bytes are wiped after. */
export const piiKeysFromSecret = async (hex: string): Promise<PiiKeys> => {
  const secret = hexBytes(hex);
  try {
    const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
    const derive = (info: string, algorithm: typeof AES | typeof HMAC, usages: KeyUsage[]) =>
      crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8.encode(info) }, base, algorithm, false, usages);
    return piiKeysFrom(await derive('station-desk pii seal v1', AES, ['encrypt', 'decrypt']), await derive('station-desk pii index v1', HMAC, ['sign']));
  } finally {
    secret.fill(0);
  }
};

const KEY_DB = 'station-desk-keys';
const KEY_STORE = 'keys';
const PII_RECORD = 'pii';

interface StoredKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
}

const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

/**
 * Web build: the page's own non-extractable keys, made once and kept in IndexedDB. Two tabs
 * opening at once agree on one pair: the first `add` wins, the other reads what it stored.
 */
export const piiKeysFromIndexedDb = async (idb: IDBFactory = indexedDB): Promise<PiiKeys> => {
  const open = idb.open(KEY_DB, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(KEY_STORE);
  const db = await request(open);
  try {
    const read = () => request<StoredKeys | undefined>(db.transaction(KEY_STORE, 'readonly').objectStore(KEY_STORE).get(PII_RECORD));
    let keys = await read();
    if (!keys) {
      const made: StoredKeys = {
        aes: await crypto.subtle.generateKey(AES, false, ['encrypt', 'decrypt']),
        hmac: await crypto.subtle.generateKey(HMAC, false, ['sign']),
      };
      await request(db.transaction(KEY_STORE, 'readwrite').objectStore(KEY_STORE).add(made, PII_RECORD)).catch(() => undefined);
      keys = await read();
      if (!keys) throw new Error('the PII keys could not be stored in IndexedDB');
    }
    return piiKeysFrom(keys.aes, keys.hmac);
  } finally {
    db.close();
  }
};
