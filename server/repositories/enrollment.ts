/**
 * One-time enrollment codes bound to a station, stored as SHA-256 hashes of their canonical
 * form. Consuming is one conditional UPDATE, so two desks racing with the same code cannot both
 * win.
 */
import type { Queryable } from '../db/database';
import { canonicalEnrollmentCode, formatEnrollmentCode, newEnrollmentCode } from '../crypto/enrollment-code';
import { hashSecret } from '../crypto/tokens';

export interface IssuedCode {
  /** `XXXX-XXXX`, shown once; only its hash is kept. */
  code: string;
  stationId: string;
  /** ms since epoch */
  expiresAt: number;
}

export const createEnrollmentCode = async (q: Queryable, stationId: string, options: { now: number; ttlHours: number }): Promise<IssuedCode> => {
  const expiresAt = options.now + Math.round(options.ttlHours * 3_600_000);
  // 40 random bits: a collision with a stored code is all but impossible; retry anyway.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newEnrollmentCode();
    const canonical = canonicalEnrollmentCode(code)!;
    const { rows } = await q.query(
      `INSERT INTO enrollment_codes (code_hash, station_id, created_at, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code_hash) DO NOTHING RETURNING code_hash`,
      [hashSecret(canonical), stationId, new Date(options.now), new Date(expiresAt)],
    );
    if (rows.length === 1) return { code: formatEnrollmentCode(canonical), stationId, expiresAt };
  }
  throw new Error('could not allocate an enrollment code');
};

export type ConsumeResult = { ok: true; stationId: string } | { ok: false; code: 'ENROLLMENT_CODE_INVALID' | 'ENROLLMENT_CODE_EXPIRED'; message: string };

/** Marks the code used by `deviceId` (inside the caller's transaction) and returns its station. */
export const consumeEnrollmentCode = async (tx: Queryable, typed: string, deviceId: string, now: number): Promise<ConsumeResult> => {
  const canonical = canonicalEnrollmentCode(typed);
  if (!canonical) {
    return { ok: false, code: 'ENROLLMENT_CODE_INVALID', message: 'An enrollment code is 8 letters and digits, like K7QF-92XD' };
  }
  const hash = hashSecret(canonical);
  const { rows } = await tx.query<{ station_id: string }>(
    `UPDATE enrollment_codes SET used_at = $2, device_id = $3
     WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING station_id`,
    [hash, new Date(now), deviceId],
  );
  if (rows[0]) return { ok: true, stationId: rows[0].station_id };
  const found = await tx.query<{ used_at: Date | null }>('SELECT used_at FROM enrollment_codes WHERE code_hash = $1', [hash]);
  const row = found.rows[0];
  if (!row || row.used_at !== null) {
    return { ok: false, code: 'ENROLLMENT_CODE_INVALID', message: 'This enrollment code is unknown or has already been used' };
  }
  return { ok: false, code: 'ENROLLMENT_CODE_EXPIRED', message: 'This enrollment code has expired; ask for a new one' };
};
