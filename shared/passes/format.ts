/**
 * The member pass as text: `SD1.<base64url(payload)>.<base64url(signature)>`, shown as a QR on a
 * phone or printed, read by a webcam or typed by a keyboard-wedge scanner.
 *
 * Why this shape: only [A-Za-z0-9_.-] (every one on a US keyboard, so a scanner types it whatever
 * the desk's layout or IME); ~220 characters (a small QR, about a second of scanner typing); the
 * signature covers the version prefix too (`SD1.<payload>`), so a pass cannot be re-labelled as
 * another format. The payload is compact ASCII JSON: {p pass id, m member id, c category code,
 * v valid-until, k key id, i issued-at} (times in epoch seconds).
 *
 * Threats closed here: oversized or non-canonical input (strict length, alphabet and base64url
 * decoding; unknown payload fields refused), and a pass cut short by a scanner being mistaken for
 * a forged one (`truncated` is told apart from `malformed`). The signature itself is checked by
 * the caller (needs crypto) and judged in status.ts.
 */
import { MEMBER_CATEGORIES, type MemberCategory } from '../schemas/members';
import { foldFullWidth, stripControlChars } from '../text';
import { asciiBytes, asciiText, base64urlLength, decodeBase64url, encodeBase64url } from './base64url';

export const PASS_VERSION_PREFIX = 'SD1';
/** Ed25519 signatures are 64 bytes: 86 base64url characters. */
export const SIGNATURE_BYTES = 64;
export const SIGNATURE_CHARS = base64urlLength(SIGNATURE_BYTES);
/** Longer text is refused before any decoding (a real pass is ~220 characters). */
export const PASS_MAX_LENGTH = 400;
/** Card numbers a scanner types (Code128 on union cards). */
export const CARD_PATTERN = /^[0-9A-Za-z-]{1,40}$/;
/** Pass, member and key ids inside a pass. */
export const PASS_ID_PATTERN = /^[0-9A-Za-z_-]{1,40}$/;
const MAX_EPOCH_S = 2 ** 40;

/** One letter per member category, stable whatever order MEMBER_CATEGORIES takes. */
export const CATEGORY_CODES: Record<MemberCategory, string> = {
  'union-member': 'U',
  courier: 'C',
  driver: 'D',
  child: 'K',
  family: 'F',
  other: 'O',
};
const CATEGORY_BY_CODE = new Map(MEMBER_CATEGORIES.map((c) => [CATEGORY_CODES[c], c]));
export const categoryOfCode = (code: string): MemberCategory | null => CATEGORY_BY_CODE.get(code) ?? null;

export interface PassPayload {
  /** Pass id (unique; what revocation by pass names). */
  p: string;
  /** Member id. */
  m: string;
  /** Category code (CATEGORY_CODES). */
  c: string;
  /** Valid until, epoch seconds (inclusive). */
  v: number;
  /** Key id of the signing key. */
  k: string;
  /** Issued at, epoch seconds. */
  i: number;
}

export interface ParsedPass {
  ok: true;
  payload: PassPayload;
  /** The bytes the signature covers: ASCII of `SD1.<payload part>`. */
  signedBytes: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
}

export type PassParseFailure = 'not-a-pass' | 'truncated' | 'malformed';
export type PassParseResult = ParsedPass | { ok: false; reason: PassParseFailure };

export type ScanKind = 'pass' | 'card' | 'invalid';

/** What a scan means, before any lookup: control characters, spaces and full-width folded away; case kept. */
export const normalizeScanText = (raw: string): string => {
  const text = stripControlChars(foldFullWidth(raw)).replace(/\s+/g, '');
  // A wedge scanner with Caps Lock on types every letter in the other case.
  return text.startsWith('sd1.') ? text.replace(/[a-z]/gi, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())) : text;
};

const looksLikePass = (text: string) => /^SD\d+\./i.test(text);

export const classifyScan = (raw: string): ScanKind => {
  const text = normalizeScanText(raw);
  if (looksLikePass(text)) return 'pass';
  return CARD_PATTERN.test(text) ? 'card' : 'invalid';
};

const isEpoch = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) < MAX_EPOCH_S;
const isId = (value: unknown): value is string => typeof value === 'string' && PASS_ID_PATTERN.test(value);
const PAYLOAD_KEYS = ['c', 'i', 'k', 'm', 'p', 'v'];

const asPayload = (value: unknown): PassPayload | null => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value).sort();
  if (keys.length !== PAYLOAD_KEYS.length || keys.some((k, n) => k !== PAYLOAD_KEYS[n])) return null;
  const v = value as Record<string, unknown>;
  if (!isId(v.p) || !isId(v.m) || !isId(v.k) || !isEpoch(v.v) || !isEpoch(v.i)) return null;
  if (typeof v.c !== 'string' || categoryOfCode(v.c) === null || v.v < v.i) return null;
  return { p: v.p, m: v.m, c: v.c, v: v.v, k: v.k, i: v.i };
};

export const parsePass = (raw: string): PassParseResult => {
  const text = normalizeScanText(raw);
  if (!looksLikePass(text)) return { ok: false, reason: 'not-a-pass' };
  const malformed = { ok: false, reason: 'malformed' } as const;
  const truncated = { ok: false, reason: 'truncated' } as const;
  if (text.length > PASS_MAX_LENGTH || !/^[A-Za-z0-9_.-]+$/.test(text)) return malformed;
  const parts = text.split('.');
  if (parts[0] !== PASS_VERSION_PREFIX || parts.length > 3) return malformed;
  // A scanner or a partial read loses the end: what is left is a prefix of a whole pass.
  if (parts.length < 3 || parts[2]!.length < SIGNATURE_CHARS) return truncated;
  const [, body, sig] = parts as [string, string, string];
  if (sig.length > SIGNATURE_CHARS) return malformed;
  const signature = decodeBase64url(sig);
  const payloadBytes = decodeBase64url(body);
  if (!signature || signature.length !== SIGNATURE_BYTES || !payloadBytes) return malformed;
  const json = asciiText(payloadBytes);
  if (json === null) return malformed;
  let decoded: unknown;
  try {
    decoded = JSON.parse(json);
  } catch {
    return malformed;
  }
  const payload = asPayload(decoded);
  if (!payload) return malformed;
  return { ok: true, payload, signedBytes: asciiBytes(`${PASS_VERSION_PREFIX}.${body}`)!, signature };
};

/** The text to sign for a payload (the server's side): `SD1.<base64url(JSON)>`. */
export const passSigningInput = (payload: PassPayload): string => {
  const canonical: PassPayload = { p: payload.p, m: payload.m, c: payload.c, v: payload.v, k: payload.k, i: payload.i };
  if (!asPayload(canonical)) throw new Error('invalid pass payload');
  const bytes = asciiBytes(JSON.stringify(canonical));
  if (!bytes) throw new Error('pass payload must be ASCII');
  return `${PASS_VERSION_PREFIX}.${encodeBase64url(bytes)}`;
};

/** The whole pass: signing input + signature. */
export const assemblePass = (signingInput: string, signature: Uint8Array): string => {
  if (signature.length !== SIGNATURE_BYTES) throw new Error(`an Ed25519 signature has ${SIGNATURE_BYTES} bytes`);
  return `${signingInput}.${encodeBase64url(signature)}`;
};
