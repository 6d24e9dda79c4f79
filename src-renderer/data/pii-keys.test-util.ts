/** Test keys: a fresh random secret, as main's would be, through the same derivation the desk uses. */
import { piiKeysFromSecret, type PiiKeys } from './pii-keys';

export const testPiiKeys = (): Promise<PiiKeys> =>
  piiKeysFromSecret(Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join(''));
