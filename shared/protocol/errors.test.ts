import { describe, expect, it } from 'vitest';
import {
  DEAD_CREDENTIAL_CODES,
  ERROR_CODES,
  ERROR_TABLE,
  isErrorCode,
  isRetryableCode,
  REFRESH_CREDENTIAL_CODES,
  REFRESH_REFUSED_CODES,
} from './errors';
import { isErrorBody } from './messages';

describe('error table', () => {
  it('lists every code once, and only the table decides what a code is', () => {
    expect(ERROR_CODES).toEqual(Object.keys(ERROR_TABLE));
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(isErrorBody({ error: { code, message: 'm' } }), code).toBe(true);
    for (const odd of ['NOPE', 'toString', '__proto__', 'constructor', '', 42, null]) {
      expect(isErrorCode(odd), String(odd)).toBe(false);
      expect(isErrorBody({ error: { code: odd, message: 'm' } }), String(odd)).toBe(false);
    }
  });

  it('names the credential verdicts main and the desk act on', () => {
    expect([...DEAD_CREDENTIAL_CODES].sort()).toEqual(['DEVICE_REVOKED', 'REFRESH_TOKEN_REUSED', 'TOKEN_INVALID']);
    expect([...REFRESH_CREDENTIAL_CODES].sort()).toEqual(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);
    // A refresh presents the credential itself: any verdict about it means it is dead.
    expect([...REFRESH_REFUSED_CODES].sort()).toEqual([...DEAD_CREDENTIAL_CODES, ...REFRESH_CREDENTIAL_CODES].sort());
  });

  it('retries only passing trouble, never a verdict about the credential', () => {
    // QUOTA_EXCEEDED passes too: the day's upload allowance renews at the station's midnight
    expect(ERROR_CODES.filter(isRetryableCode).sort()).toEqual(['INTERNAL', 'QUOTA_EXCEEDED', 'RATE_LIMITED', 'UNAVAILABLE']);
    for (const code of REFRESH_REFUSED_CODES) expect(isRetryableCode(code), code).toBe(false);
    expect(isRetryableCode('NETWORK')).toBe(false);
  });

  it('shows staff a sentence for every code', () => {
    for (const code of ERROR_CODES) expect(ERROR_TABLE[code].staffVisible, code).toBe(true);
  });
});
