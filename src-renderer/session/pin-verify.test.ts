// PBKDF2-SHA256 PIN verification with Web Crypto (Node's globalThis.crypto.subtle here, the
// browser's in the app): a published test vector, right and wrong PINs, malformed verifiers.
import { describe, expect, it } from 'vitest';
import { isPinShaped, makePinVerifier, verifyPin } from './pin-verify';

// RFC 7914 §11: PBKDF2-HMAC-SHA256(P="passwd", S="salt", c=1); its first 32 bytes.
const RFC_HASH = Buffer.from('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc', 'hex').toString('base64');
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('verifyPin', () => {
  it('matches the RFC 7914 test vector', async () => {
    expect(await verifyPin('passwd', { salt: b64('salt'), hash: RFC_HASH, iterations: 1 })).toBe(true);
    expect(await verifyPin('passwe', { salt: b64('salt'), hash: RFC_HASH, iterations: 1 })).toBe(false);
    expect(await verifyPin('passwd', { salt: b64('salu'), hash: RFC_HASH, iterations: 1 })).toBe(false);
    expect(await verifyPin('passwd', { salt: b64('salt'), hash: RFC_HASH, iterations: 2 })).toBe(false);
  });

  it('accepts the right PIN of a verifier made with a random salt, and only that PIN', async () => {
    const verifier = await makePinVerifier('1234', 1000);
    expect(verifier.iterations).toBe(1000);
    expect(Buffer.from(verifier.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(verifier.hash, 'base64')).toHaveLength(32);
    expect(await verifyPin('1234', verifier)).toBe(true);
    for (const wrong of ['1235', '12345', '', '4321', '1234 ']) expect(await verifyPin(wrong, verifier), wrong).toBe(false);
    const again = await makePinVerifier('1234', 1000);
    expect(again.salt).not.toBe(verifier.salt);
  });

  it('uses 100 000 iterations by default', async () => {
    const verifier = await makePinVerifier('9999');
    expect(verifier.iterations).toBe(100_000);
    expect(await verifyPin('9999', verifier)).toBe(true);
  });

  it.each([
    ['bad base64 salt', { salt: '%%%', hash: RFC_HASH, iterations: 1 }],
    ['bad base64 hash', { salt: b64('salt'), hash: '***', iterations: 1 }],
    ['empty hash', { salt: b64('salt'), hash: '', iterations: 1 }],
    ['zero iterations', { salt: b64('salt'), hash: RFC_HASH, iterations: 0 }],
    ['fractional iterations', { salt: b64('salt'), hash: RFC_HASH, iterations: 1.5 }],
  ])('matches nothing against a verifier with %s', async (_name, verifier) => {
    expect(await verifyPin('passwd', verifier)).toBe(false);
  });
});

describe('isPinShaped', () => {
  it.each([
    ['1234', true],
    ['12345678', true],
    ['123', false],
    ['123456789', false],
    ['12a4', false],
    ['１２３４', false],
    ['', false],
  ])('%j → %s', (pin, ok) => {
    expect(isPinShaped(pin)).toBe(ok);
  });
});
