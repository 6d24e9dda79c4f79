/**
 * Enrollment codes: 8 characters of Crockford base32 (40 bits), shown as `XXXX-XXXX`, typed by
 * hand at a new desk.
 *
 * Threat: guessing a live code enrolls a rogue desk into a station. Closed by the code space
 * (2^40 ≈ 1.1 × 10^12 codes against a handful live at once), one-time use, expiry (24 h by
 * default), and a strict per-address rate limit on /api/devices/enroll (routes/devices.ts).
 * Codes are stored only as SHA-256 hashes of their canonical form.
 */
import { randomInt } from 'node:crypto';
import { normalizeEnrollmentCode } from '../../shared/ipc/validate';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ENROLLMENT_CODE_LENGTH = 8;
export const DEFAULT_ENROLLMENT_TTL_HOURS = 24;
export const MAX_ENROLLMENT_TTL_HOURS = 24 * 7;

/** A fresh code, formatted for display: `K7QF-92XD`. */
export const newEnrollmentCode = (): string => {
  let raw = '';
  for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return formatEnrollmentCode(raw);
};

export const formatEnrollmentCode = (canonical: string): string => `${canonical.slice(0, 4)}-${canonical.slice(4)}`;

/**
 * What staff typed → the canonical 8 characters, or null if it cannot be a code. Tolerates
 * spaces, lower case, a missing or extra hyphen, and Crockford's look-alikes (O→0, I/L→1).
 */
export const canonicalEnrollmentCode = (typed: string): string | null => {
  const text = normalizeEnrollmentCode(typed).replace(/-/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== ENROLLMENT_CODE_LENGTH) return null;
  for (const char of text) if (!ALPHABET.includes(char)) return null;
  return text;
};
