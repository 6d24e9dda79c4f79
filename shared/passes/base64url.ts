/**
 * Base64url (RFC 4648 §5, no padding) for member passes, in plain TypeScript: shared/ has no
 * Buffer, atob or TextEncoder. Decoding is strict (canonical form only): a pass is signed text,
 * so two spellings of the same bytes must not both be accepted.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

/** Characters of the encoding of `bytes` bytes. */
export const base64urlLength = (bytes: number): number => Math.ceil((bytes * 4) / 3);

export const encodeBase64url = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const chars = i + 1 >= bytes.length ? 2 : i + 2 >= bytes.length ? 3 : 4;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
};

/** The bytes, or null when `text` is not canonical base64url (bad character, length or tail bits). */
export const decodeBase64url = (text: string): Uint8Array<ArrayBuffer> | null => {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const group = text.slice(i, i + 4);
    let n = 0;
    for (let c = 0; c < 4; c++) {
      const v = c < group.length ? VALUES.get(group[c]!) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    const bytes = group.length - 1;
    // Unused low bits of a short last group must be zero (else the text is not canonical).
    if (bytes === 1 && (n & 0xffff) !== 0) return null;
    if (bytes === 2 && (n & 0xff) !== 0) return null;
    for (let b = 0; b < bytes; b++) out[o++] = (n >> (16 - 8 * b)) & 255;
  }
  return out;
};

/** ASCII text → bytes; null if any character is outside ASCII. */
export const asciiBytes = (text: string): Uint8Array<ArrayBuffer> | null => {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return null;
    out[i] = code;
  }
  return out;
};

/** Bytes → ASCII text; null if any byte is outside ASCII. */
export const asciiText = (bytes: Uint8Array): string | null => {
  let out = '';
  for (const b of bytes) {
    if (b > 0x7f) return null;
    out += String.fromCharCode(b);
  }
  return out;
};
