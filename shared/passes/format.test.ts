import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';
import { assemblePass, classifyScan, normalizeScanText, parsePass, PASS_MAX_LENGTH, passSigningInput, SIGNATURE_CHARS, type PassPayload } from './format';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const PAYLOAD: PassPayload = { p: '01KB2Q8Z5X3N7R4T6V8W9Y0A1C', m: 'DEMO-M-0001', c: 'U', v: 1_798_761_599, k: 'K7QX2M9A', i: 1_764_468_000 };
const makePass = (payload: PassPayload = PAYLOAD) => {
  const input = passSigningInput(payload);
  return assemblePass(input, new Uint8Array(sign(null, Buffer.from(input, 'ascii'), privateKey)));
};
const PASS = makePass();

describe('base64url', () => {
  test('round-trips any bytes, like Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(text)).toEqual(bytes);
      }),
    );
  });

  test.each([
    ['a bad length', 'abcde'],
    ['a padding sign', 'ab=='],
    ['a plus (base64, not base64url)', 'ab+c'],
    ['non-zero tail bits (a second spelling of the same byte)', 'AB'],
  ])('refuses %s', (_name, text) => expect(decodeBase64url(text)).toBeNull());
});

describe('the pass format', () => {
  test('round trip: parse gives back the payload, the signed bytes and a signature that verifies', () => {
    const parsed = parsePass(PASS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.payload).toEqual(PAYLOAD);
    expect(Buffer.from(parsed.signedBytes).toString('ascii')).toBe(PASS.slice(0, PASS.lastIndexOf('.')));
    expect(verify(null, parsed.signedBytes, publicKey, parsed.signature)).toBe(true);
  });

  test('is short, ASCII from the scanner-safe alphabet, and starts SD1.', () => {
    expect(PASS).toMatch(/^SD1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(PASS.length).toBeLessThan(240);
  });

  test('survives what a scanner or IME does to it: CR/LF, spaces, full-width, Caps Lock', () => {
    const fullWidth = PASS.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const capsLock = PASS.replace(/[a-z]/gi, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()));
    for (const typed of [`${PASS}\r\n`, ` ${PASS}\t`, fullWidth, capsLock, `\u200b${PASS}\ufeff`]) {
      expect(normalizeScanText(typed)).toBe(PASS);
      expect(parsePass(typed)).toMatchObject({ ok: true, payload: PAYLOAD });
    }
  });

  test('every prefix of a pass is either not a pass or truncated, never valid or "malformed"', () => {
    for (let n = 0; n < PASS.length; n++) {
      const result = parsePass(PASS.slice(0, n));
      expect(result.ok, `prefix ${n}`).toBe(false);
      if (!result.ok) expect(n < 4 ? 'not-a-pass' : 'truncated', `prefix ${n}`).toBe(result.reason);
    }
  });

  test.each([
    ['a card number', '310000000001', 'not-a-pass'],
    ['empty', '', 'not-a-pass'],
    ['a URL', 'https://example.cn/pass', 'not-a-pass'],
    ['Chinese text', '会员码', 'not-a-pass'],
    ['another version', `SD2.${PASS.slice(4)}`, 'malformed'],
    ['non-ASCII inside', `${PASS.slice(0, 20)}é${PASS.slice(21)}`, 'malformed'],
    ['an extra part', `${PASS}.AAAA`, 'malformed'],
    ['a signature too long', `${PASS}A`, 'malformed'],
    ['overlong', `SD1.${'A'.repeat(PASS_MAX_LENGTH)}.${'A'.repeat(SIGNATURE_CHARS)}`, 'malformed'],
    ['a payload that is not JSON', `SD1.${encodeBase64url(Buffer.from('{"p":'))}.${PASS.split('.')[2]}`, 'malformed'],
    ['a payload with an extra field', `SD1.${encodeBase64url(Buffer.from(JSON.stringify({ ...PAYLOAD, x: 1 })))}.${PASS.split('.')[2]}`, 'malformed'],
    ['a payload missing a field', `SD1.${encodeBase64url(Buffer.from(JSON.stringify({ ...PAYLOAD, i: undefined })))}.${PASS.split('.')[2]}`, 'malformed'],
    ['an unknown category', `SD1.${encodeBase64url(Buffer.from(JSON.stringify({ ...PAYLOAD, c: 'Z' })))}.${PASS.split('.')[2]}`, 'malformed'],
    ['a fractional time', `SD1.${encodeBase64url(Buffer.from(JSON.stringify({ ...PAYLOAD, v: 1.5 })))}.${PASS.split('.')[2]}`, 'malformed'],
    ['valid-until before issue', `SD1.${encodeBase64url(Buffer.from(JSON.stringify({ ...PAYLOAD, v: PAYLOAD.i - 1 })))}.${PASS.split('.')[2]}`, 'malformed'],
    ['a member id with a space', `SD1.${encodeBase64url(Buffer.from(JSON.stringify({ ...PAYLOAD, m: 'a b' })))}.${PASS.split('.')[2]}`, 'malformed'],
    ['a JSON array', `SD1.${encodeBase64url(Buffer.from('[1,2]'))}.${PASS.split('.')[2]}`, 'malformed'],
  ])('%s → %s', (_name, text, reason) => {
    expect(parsePass(text)).toEqual({ ok: false, reason });
  });

  test('garbage never throws and never parses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.string({ maxLength: 300 }).map((s) => `SD1.${s}`)), (text) => {
        expect(parsePass(text).ok).toBe(false);
      }),
    );
  });

  test('refuses to sign a payload the desk would refuse', () => {
    expect(() => passSigningInput({ ...PAYLOAD, m: '王' })).toThrow();
    expect(() => assemblePass('SD1.x', new Uint8Array(10))).toThrow();
  });
});

describe('classifyScan', () => {
  test.each([
    [PASS, 'pass'],
    [`${PASS.slice(0, 50)}`, 'pass'],
    ['SD9.whatever', 'pass'],
    ['310000000001', 'card'],
    [' 310000000001\r\n', 'card'],
    ['３１０００００００００１', 'card'],
    ['A-100', 'card'],
    ['SD1', 'card'],
    ['', 'invalid'],
    ['31000000000131000000000131000000000131000', 'invalid'],
    ['王建国', 'invalid'],
    ['12;34', 'invalid'],
  ])('%s → %s', (text, kind) => expect(classifyScan(text)).toBe(kind));
});
