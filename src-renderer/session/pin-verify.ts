/**
 * Staff PIN check against the PBKDF2-SHA256 verifier kept in `staff` (docs/security.md), offline, with
 * Web Crypto (browser and Node alike).
 *
 * Threat: someone at the desk acting as another staff member, or as the manager to override a
 * denial. The desk holds only salted, iterated hashes (the server makes them,
 * server/services/demo/pin-verifier.ts); the typed PIN is compared in constant time and never stored. A malformed
 * verifier matches nothing. Guessing is slowed by the iterations and stopped by pin-lockout.ts.
 */
import type { PinVerifier } from '../../shared/schemas/index';

/** Iterations for verifiers made on the desk (demo data only); the server uses the same. */
export const PIN_ITERATIONS = 100_000;
const HASH_BYTES = 32;

/** 4–8 digits: what the PIN pad accepts at all. */
export const isPinShaped = (pin: string): boolean => /^\d{4,8}$/.test(pin);

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

const derive = async (pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number, length: number): Promise<Uint8Array> => {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, length * 8));
};

/** Same length and bytes, without stopping at the first difference. */
const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
};

export const verifyPin = async (pin: string, verifier: PinVerifier): Promise<boolean> => {
  let salt: Uint8Array<ArrayBuffer>;
  let expected: Uint8Array;
  try {
    salt = fromBase64(verifier.salt);
    expected = fromBase64(verifier.hash);
  } catch {
    return false;
  }
  if (expected.length === 0 || !Number.isInteger(verifier.iterations) || verifier.iterations < 1) return false;
  return constantTimeEqual(await derive(pin, salt, verifier.iterations, expected.length), expected);
};

/** A verifier made on the desk: for the offline demo staff only (real staff come from the server). */
export const makePinVerifier = async (pin: string, iterations = PIN_ITERATIONS): Promise<PinVerifier> => {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: toBase64(await derive(pin, salt, iterations, HASH_BYTES)), iterations };
};
