/**
 * Desks (devices) and their rotating refresh tokens.
 *
 * Threat: a refresh token copied off a desk (backup, malware, a shared disk image) keeps working
 * for the thief. Closed by rotation with reuse detection: each refresh token works once; showing
 * a spent one again revokes the device, locking out thief and desk alike until a manager
 * re-enrolls it. Refreshes of one device are serialized by its row lock.
 *
 * Grace rule (a lost response must not brick a desk on a flaky network): if the token shown is
 * the one most recently spent AND the token issued in exchange has never been used, the server
 * issues a fresh pair and invalidates that unused successor. Presenting the invalidated
 * successor later counts as reuse, so a thief who raced the desk is still detected.
 */
import { ulid } from '../../shared/ids';
import type { Database, Queryable, Transaction } from '../db/database';
import { hashSecret, newRefreshToken } from '../crypto/tokens';
import { writeAudit } from './audit';
import { consumeEnrollmentCode } from './enrollment';

export interface DeviceRow {
  id: string;
  stationId: string;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  revokedWhy: string | null;
}

interface RawDevice {
  id: string;
  station_id: string;
  name: string;
  created_at: Date | string;
  last_seen_at: Date | string | null;
  revoked_at: Date | string | null;
  revoked_why: string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

const toDevice = (r: RawDevice): DeviceRow => ({
  id: r.id,
  stationId: r.station_id,
  name: r.name,
  createdAt: iso(r.created_at)!,
  lastSeenAt: iso(r.last_seen_at),
  revokedAt: iso(r.revoked_at),
  revokedWhy: r.revoked_why,
});

const DEVICE_COLUMNS = 'id, station_id, name, created_at, last_seen_at, revoked_at, revoked_why';

export const findDevice = async (q: Queryable, deviceId: string): Promise<DeviceRow | null> => {
  const { rows } = await q.query<RawDevice>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1`, [deviceId]);
  return rows[0] ? toDevice(rows[0]) : null;
};

export const listDevices = async (q: Queryable, stationId: string): Promise<DeviceRow[]> => {
  const { rows } = await q.query<RawDevice>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE station_id = $1 ORDER BY created_at, id`, [stationId]);
  return rows.map(toDevice);
};

/** Records that the device was seen, at most once a minute (the caller checks the staleness too). */
export const touchDevice = async (q: Queryable, deviceId: string, now: number): Promise<void> => {
  await q.query(`UPDATE devices SET last_seen_at = $2 WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < $3)`, [
    deviceId,
    new Date(now),
    new Date(now - 60_000),
  ]);
};

const issueRefreshToken = async (tx: Queryable, deviceId: string, now: number): Promise<{ token: string; hash: string }> => {
  const token = newRefreshToken();
  const hash = hashSecret(token);
  await tx.query('INSERT INTO refresh_tokens (token_hash, device_id, issued_at) VALUES ($1, $2, $3)', [hash, deviceId, new Date(now)]);
  return { token, hash };
};

export type EnrollResult =
  | { ok: true; deviceId: string; stationId: string; refreshToken: string }
  | { ok: false; code: 'ENROLLMENT_CODE_INVALID' | 'ENROLLMENT_CODE_EXPIRED'; message: string };

/** Spends the code and creates the device with its first refresh token, in one transaction. */
export const enrollDevice = (db: Database, input: { code: string; deskName: string; now: number; ip: string }): Promise<EnrollResult> =>
  db.transaction(async (tx) => {
    const deviceId = ulid(input.now);
    const consumed = await consumeEnrollmentCode(tx, input.code, deviceId, input.now);
    if (!consumed.ok) return consumed;
    await tx.query('INSERT INTO devices (id, station_id, name, created_at) VALUES ($1, $2, $3, $4)', [deviceId, consumed.stationId, input.deskName, new Date(input.now)]);
    const { token } = await issueRefreshToken(tx, deviceId, input.now);
    await writeAudit(tx, {
      actor: `device:${deviceId}`,
      action: 'device.enroll',
      stationId: consumed.stationId,
      details: { deviceId, deskName: input.deskName, ip: input.ip },
      at: input.now,
    });
    return { ok: true, deviceId, stationId: consumed.stationId, refreshToken: token };
  });

export type RefreshResult =
  | { ok: true; stationId: string; refreshToken: string }
  | { ok: false; code: 'TOKEN_INVALID' | 'DEVICE_REVOKED' | 'REFRESH_TOKEN_REUSED'; message: string; revokedNow: boolean };

interface TokenRow {
  used_at: Date | null;
  replaced_by: string | null;
  invalidated_at: Date | null;
}

const markRevoked = async (tx: Transaction, device: { id: string; stationId: string }, why: string, actor: string, now: number) => {
  await tx.query('UPDATE devices SET revoked_at = $2, revoked_why = $3 WHERE id = $1 AND revoked_at IS NULL', [device.id, new Date(now), why]);
  await writeAudit(tx, { actor, action: 'device.revoke', stationId: device.stationId, details: { deviceId: device.id, reason: why }, at: now });
  tx.revoked(device.id);
};

/** Rotates the device's refresh token (see the header for reuse detection and the grace rule). */
export const rotateRefreshToken = (db: Database, input: { deviceId: string; refreshToken: string; now: number }): Promise<RefreshResult> =>
  db.transaction(async (tx): Promise<RefreshResult> => {
    const { now, deviceId } = input;
    const invalid = { ok: false, code: 'TOKEN_INVALID', message: 'The refresh token is not valid for this device', revokedNow: false } as const;
    const { rows } = await tx.query<{ station_id: string; revoked_at: Date | null }>('SELECT station_id, revoked_at FROM devices WHERE id = $1 FOR UPDATE', [deviceId]);
    const device = rows[0];
    // An unknown device or token never revokes anything: otherwise anyone who learned a
    // device id could knock that desk out by sending garbage.
    if (!device) return invalid;
    if (device.revoked_at !== null) return { ok: false, code: 'DEVICE_REVOKED', message: 'This desk has been revoked; enroll it again', revokedNow: false };
    const presentedHash = hashSecret(input.refreshToken);
    const presented = (await tx.query<TokenRow>('SELECT used_at, replaced_by, invalidated_at FROM refresh_tokens WHERE token_hash = $1 AND device_id = $2', [presentedHash, deviceId])).rows[0];
    if (!presented) return invalid;

    if (presented.used_at === null && presented.invalidated_at === null) {
      const next = await issueRefreshToken(tx, deviceId, now);
      await tx.query('UPDATE refresh_tokens SET used_at = $2, replaced_by = $3 WHERE token_hash = $1', [presentedHash, new Date(now), next.hash]);
      return { ok: true, stationId: device.station_id, refreshToken: next.token };
    }

    if (presented.used_at !== null && presented.invalidated_at === null && presented.replaced_by !== null) {
      const successor = (await tx.query<TokenRow>('SELECT used_at, replaced_by, invalidated_at FROM refresh_tokens WHERE token_hash = $1', [presented.replaced_by])).rows[0];
      if (successor && successor.used_at === null && successor.invalidated_at === null) {
        await tx.query('UPDATE refresh_tokens SET invalidated_at = $2 WHERE token_hash = $1', [presented.replaced_by, new Date(now)]);
        const next = await issueRefreshToken(tx, deviceId, now);
        await tx.query('UPDATE refresh_tokens SET replaced_by = $2 WHERE token_hash = $1', [presentedHash, next.hash]);
        await writeAudit(tx, { actor: `device:${deviceId}`, action: 'device.refresh-retry', stationId: device.station_id, details: { deviceId }, at: now });
        return { ok: true, stationId: device.station_id, refreshToken: next.token };
      }
    }

    await markRevoked(tx, { id: deviceId, stationId: device.station_id }, 'refresh token reused', 'system', now);
    return {
      ok: false,
      code: 'REFRESH_TOKEN_REUSED',
      message: 'This refresh token was already used, so the desk has been revoked for safety; enroll it again',
      revokedNow: true,
    };
  });

export type RevokeResult = { device: DeviceRow; alreadyRevoked: boolean } | null;

/** Revokes a device (idempotent); the revocation reaches every server process after commit. */
export const revokeDevice = (db: Database, deviceId: string, input: { reason: string; actor: string; now: number }): Promise<RevokeResult> =>
  db.transaction(async (tx) => {
    const { rows } = await tx.query<RawDevice>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1 FOR UPDATE`, [deviceId]);
    const row = rows[0];
    if (!row) return null;
    if (row.revoked_at !== null) return { device: toDevice(row), alreadyRevoked: true };
    await markRevoked(tx, { id: row.id, stationId: row.station_id }, input.reason, input.actor, input.now);
    return { device: { ...toDevice(row), revokedAt: new Date(input.now).toISOString(), revokedWhy: input.reason }, alreadyRevoked: false };
  });
