import { ID_MAX_LENGTH } from './schemas/common';

/**
 * Document ids made on the desk: ULIDs (48-bit ms time + 80 random bits, Crockford base32).
 * Time-ordered and collision-free offline. Monotonic inside one millisecond so that ids made in
 * a burst (a scanner) still sort in creation order. Uses Web Crypto, present in browsers and Node.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom: number[] = [];

const randomDigits = (): number[] => {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b & 31);
};

/** Increments a base-32 digit array in place; false on overflow. */
const increment = (digits: number[]): boolean => {
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits[i]!;
    if (d < 31) {
      digits[i] = d + 1;
      return true;
    }
    digits[i] = 0;
  }
  return false;
};

export const ulid = (now: number = Date.now()): string => {
  let time = Math.max(0, Math.floor(now));
  if (time <= lastTime) {
    time = lastTime;
    if (!increment(lastRandom)) {
      time += 1;
      lastRandom = randomDigits();
    }
  } else {
    lastRandom = randomDigits();
  }
  lastTime = time;
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = ALPHABET[time % 32]! + timePart;
    time = Math.floor(time / 32);
  }
  return timePart + lastRandom.map((d) => ALPHABET[d]).join('');
};

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The one shape of every document id and station id (docs/sync-protocol.md, "Ids"): 1–40 ASCII
 * letters, digits, '-' and '_', starting with a letter or digit. It fits every id desks and the
 * server make — ULIDs, `LOCAL-<ULID>` desk ids of the web build, `rev-<ULID>`, `key-K…`, the demo
 * ids (`DEMO-SH-JA-001`, `DEMO-V-BADMINTON`, `DEMO-B-…`) and station ids (`ST-SH-001`) — and refuses
 * paths (`../../etc/passwd`), spaces, line breaks, control, bidi and full-width characters.
 * The server refuses a pushed row with another id (`BAD_ID`); the desk's repositories refuse to
 * write one (src-renderer/data/repositories/base.ts).
 */
export const DOC_ID_PATTERN_SOURCE = `^[0-9A-Za-z][0-9A-Za-z_-]{0,${ID_MAX_LENGTH - 1}}$`;
export const DOC_ID_PATTERN = new RegExp(DOC_ID_PATTERN_SOURCE);
/** JSON schema of an id, for route schemas. */
export const docIdSchema = { type: 'string', minLength: 1, maxLength: ID_MAX_LENGTH, pattern: DOC_ID_PATTERN_SOURCE } as const;

export const isDocId = (value: unknown): value is string => typeof value === 'string' && DOC_ID_PATTERN.test(value);
