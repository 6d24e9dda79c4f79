import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeviceTokens } from '../../shared/protocol/messages';
import { ACCESS_TOKEN_TTL_MS } from '../crypto/tokens';
import { ADMIN, createAuthFixture, errorCode, PROTOCOL, STATION, T0, type AuthFixture } from '../testing/auth-fixture';
import { WAIT_INTERVAL_MS, WAIT_LIMIT_MS } from '../../tests/support/wait';

let f: AuthFixture;
const revocations: string[] = [];
beforeAll(async () => {
  f = await createAuthFixture();
  await f.createStation();
  await f.createStation('ST-OTHER');
  f.app.hints.onRevocation((id) => revocations.push(id));
});
afterAll(() => f.dispose());

const count = async (sql: string, params: unknown[] = []) => Number((await f.db.query<{ n: unknown }>(sql, params)).rows[0]?.n);
const revokedAt = async (deviceId: string) => (await f.db.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM devices WHERE id = $1', [deviceId])).rows[0]?.revoked_at ?? null;
/** Polls `check` until it holds or WAIT_LIMIT_MS have passed; returns whether it held. */
const waitFor = async (check: () => boolean) => {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, WAIT_INTERVAL_MS));
  return check();
};

describe('enrollment', () => {
  let attempt = 0;
  test('a valid code enrolls the desk into its station and is audit-logged', async () => {
    const code = await f.issueCode();
    const res = await f.enroll(code, '  前台 A  ');
    expect(res.statusCode).toBe(201);
    const tokens = res.json<DeviceTokens>();
    expect(tokens).toMatchObject({ stationId: STATION, accessExpiresAt: T0 + ACCESS_TOKEN_TTL_MS });
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const device = (await f.db.query<{ name: string; station_id: string }>('SELECT name, station_id FROM devices WHERE id = $1', [tokens.deviceId])).rows[0];
    expect(device).toEqual({ name: '前台 A', station_id: STATION });
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'device.enroll' AND details ->> 'deviceId' = $1`, [tokens.deviceId])).toBe(1);
    // only a hash of the refresh token is stored
    expect(await count('SELECT count(*) AS n FROM refresh_tokens WHERE token_hash = $1', [tokens.refreshToken])).toBe(0);
    expect((await f.pull(tokens.accessToken)).statusCode).toBe(200);
  });

  test('the code is read the way staff type it', async () => {
    const code = await f.issueCode();
    const typed = ` ${code.replace('-', ' ').toLowerCase()} `;
    expect((await f.enroll(typed)).statusCode).toBe(201);
  });

  test('a used code is refused and stores nothing', async () => {
    const code = await f.issueCode();
    expect((await f.enroll(code)).statusCode).toBe(201);
    const before = await count('SELECT count(*) AS n FROM devices');
    const again = await f.enroll(code);
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe('ENROLLMENT_CODE_INVALID');
    expect(await count('SELECT count(*) AS n FROM devices')).toBe(before);
  });

  test('an expired code is refused with ENROLLMENT_CODE_EXPIRED and stays unused', async () => {
    const code = await f.issueCode(STATION, 1);
    f.clock.now += 61 * 60_000;
    try {
      const res = await f.enroll(code);
      expect(res.statusCode).toBe(410);
      expect(errorCode(res)).toBe('ENROLLMENT_CODE_EXPIRED');
    } finally {
      f.clock.now = T0;
    }
    expect(await count('SELECT count(*) AS n FROM enrollment_codes WHERE used_at IS NOT NULL AND expires_at = $1', [new Date(T0 + 3_600_000)])).toBe(0);
  });

  test('the default lifetime is 24 hours', async () => {
    const code = await f.issueCode();
    f.clock.now = T0 + 24 * 3_600_000;
    try {
      expect(errorCode(await f.enroll(code))).toBe('ENROLLMENT_CODE_EXPIRED');
    } finally {
      f.clock.now = T0;
    }
  });

  test.each([
    ['an unknown code', { code: 'ZZZZ-ZZZZ', deskName: 'x' }, 400, 'ENROLLMENT_CODE_INVALID'],
    ['a code too short', { code: 'ABC', deskName: 'x' }, 400, 'ENROLLMENT_CODE_INVALID'],
    ['letters outside the alphabet', { code: 'UUUU-UUUU', deskName: 'x' }, 400, 'ENROLLMENT_CODE_INVALID'],
    ['an empty code', { code: '', deskName: 'x' }, 400, 'SCHEMA_VIOLATION'],
    ['a huge code', { code: 'A'.repeat(33), deskName: 'x' }, 400, 'SCHEMA_VIOLATION'],
    ['a number as code', { code: 12345678, deskName: 'x' }, 400, 'SCHEMA_VIOLATION'],
    ['no desk name', { code: 'ZZZZ-ZZZZ' }, 400, 'SCHEMA_VIOLATION'],
    ['an empty desk name', { code: 'ZZZZ-ZZZZ', deskName: '' }, 400, 'SCHEMA_VIOLATION'],
    ['a blank desk name', { code: 'ZZZZ-ZZZZ', deskName: '   ' }, 400, 'SCHEMA_VIOLATION'],
    ['a desk name with a line break', { code: 'ZZZZ-ZZZZ', deskName: 'a\nb' }, 400, 'SCHEMA_VIOLATION'],
    ['a desk name too long', { code: 'ZZZZ-ZZZZ', deskName: '前'.repeat(41) }, 400, 'SCHEMA_VIOLATION'],
    ['an extra property', { code: 'ZZZZ-ZZZZ', deskName: 'x', stationId: STATION }, 400, 'SCHEMA_VIOLATION'],
  ])('%s is refused clearly and stores nothing', async (_name, payload, status, expected) => {
    const before = await count('SELECT count(*) AS n FROM devices');
    const tokens = await count('SELECT count(*) AS n FROM refresh_tokens');
    // every attempt counts against the address's rate limit, valid or not: spread them out
    const res = await f.app.inject({ method: 'POST', url: '/api/devices/enroll', remoteAddress: `10.200.0.${++attempt}`, headers: PROTOCOL, payload });
    expect(res.statusCode).toBe(status);
    expect(errorCode(res)).toBe(expected);
    expect(await count('SELECT count(*) AS n FROM devices')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM refresh_tokens')).toBe(tokens);
  });

  test('a body that is not JSON is MALFORMED_JSON', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/devices/enroll', headers: { ...PROTOCOL, 'content-type': 'application/json' }, payload: '{"code":' });
    expect(errorCode(res)).toBe('MALFORMED_JSON');
  });

  test('guessing is rate limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await f.enroll('ZZZZ-ZZZZ', 'x', {}, '10.99.99.99')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await f.enroll('ZZZZ-ZZZZ', 'x', {}, '10.99.99.99');
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    // another address is not affected
    expect((await f.enroll('ZZZZ-ZZZZ', 'x', {}, '10.99.99.98')).statusCode).toBe(400);
  });
});

describe('refresh', () => {
  const refreshOk = async (deviceId: string, token: string): Promise<DeviceTokens> => {
    const res = await f.refresh(deviceId, token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DeviceTokens>();
  };

  test('rotates the refresh token and issues a new access token', async () => {
    const first = await f.enrollDesk();
    f.clock.now += 60_000;
    try {
      const second = await refreshOk(first.deviceId, first.refreshToken);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.accessToken).not.toBe(first.accessToken);
      expect(second).toMatchObject({ deviceId: first.deviceId, stationId: STATION, accessExpiresAt: f.clock.now + ACCESS_TOKEN_TTL_MS });
      const third = await refreshOk(first.deviceId, second.refreshToken);
      expect((await f.pull(third.accessToken)).statusCode).toBe(200);
    } finally {
      f.clock.now = T0;
    }
  });

  test('reuse of a spent refresh token revokes the device; its next request is refused', async () => {
    const t0 = await f.enrollDesk();
    const t1 = await refreshOk(t0.deviceId, t0.refreshToken);
    const t2 = await refreshOk(t0.deviceId, t1.refreshToken);
    const reused = await f.refresh(t0.deviceId, t0.refreshToken);
    expect(reused.statusCode).toBe(401);
    expect(errorCode(reused)).toBe('REFRESH_TOKEN_REUSED');
    expect(await revokedAt(t0.deviceId)).not.toBeNull();
    expect(await waitFor(() => revocations.includes(t0.deviceId))).toBe(true);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'device.revoke' AND details ->> 'deviceId' = $1`, [t0.deviceId])).toBe(1);
    // the holder of the newest token is locked out too, and the unexpired access token stops working
    expect(errorCode(await f.refresh(t0.deviceId, t2.refreshToken))).toBe('DEVICE_REVOKED');
    expect(errorCode(await f.pull(t2.accessToken))).toBe('DEVICE_REVOKED');
  });

  test('grace: a lost refresh response can be retried with the same token', async () => {
    const t0 = await f.enrollDesk();
    const lost = await refreshOk(t0.deviceId, t0.refreshToken); // response never reached the desk
    const retry = await refreshOk(t0.deviceId, t0.refreshToken);
    const retryAgain = await refreshOk(t0.deviceId, t0.refreshToken); // lost twice
    expect(new Set([lost.refreshToken, retry.refreshToken, retryAgain.refreshToken]).size).toBe(3);
    const next = await refreshOk(t0.deviceId, retryAgain.refreshToken);
    expect(await revokedAt(t0.deviceId)).toBeNull();
    expect((await f.pull(next.accessToken)).statusCode).toBe(200);
    // once the successor was used, the old token is plain reuse
    expect(errorCode(await f.refresh(t0.deviceId, t0.refreshToken))).toBe('REFRESH_TOKEN_REUSED');
  });

  test('grace: the successor dropped by a retry counts as reused (a thief racing the desk is caught)', async () => {
    const t0 = await f.enrollDesk();
    const stolenSuccessor = await refreshOk(t0.deviceId, t0.refreshToken);
    await refreshOk(t0.deviceId, t0.refreshToken);
    const res = await f.refresh(t0.deviceId, stolenSuccessor.refreshToken);
    expect(errorCode(res)).toBe('REFRESH_TOKEN_REUSED');
    expect(await revokedAt(t0.deviceId)).not.toBeNull();
  });

  test.each([
    ['an unknown token', (d: DeviceTokens) => ({ deviceId: d.deviceId, refreshToken: 'A'.repeat(43) }), 'TOKEN_INVALID'],
    ['an unknown device', (d: DeviceTokens) => ({ deviceId: 'NO-SUCH-DEVICE', refreshToken: d.refreshToken }), 'TOKEN_INVALID'],
    ['another device', (_d: DeviceTokens, other: DeviceTokens) => ({ deviceId: other.deviceId, refreshToken: _d.refreshToken }), 'TOKEN_INVALID'],
    ['no token and no cookie', (d: DeviceTokens) => ({ deviceId: d.deviceId, refreshToken: '' }), 'UNAUTHENTICATED'],
  ])('%s is refused without revoking anyone', async (_name, body, expected) => {
    const desk = await f.enrollDesk();
    const other = await f.enrollDesk();
    const payload = body(desk, other);
    const res = await f.refresh(payload.deviceId, payload.refreshToken);
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe(expected);
    expect(await revokedAt(desk.deviceId)).toBeNull();
    expect(await revokedAt(other.deviceId)).toBeNull();
    await refreshOk(desk.deviceId, desk.refreshToken);
  });

  test('a desk revoked by the admin cannot refresh', async () => {
    const desk = await f.enrollDesk();
    const res = await f.app.inject({ method: 'POST', url: `/api/admin/devices/${desk.deviceId}/revoke`, headers: ADMIN, payload: { reason: 'stolen' } });
    expect(res.statusCode).toBe(200);
    expect(errorCode(await f.refresh(desk.deviceId, desk.refreshToken))).toBe('DEVICE_REVOKED');
    expect(errorCode(await f.pull(desk.accessToken))).toBe('DEVICE_REVOKED');
  });
});

describe('access tokens', () => {
  test('expire after 15 minutes with TOKEN_EXPIRED', async () => {
    const desk = await f.enrollDesk();
    try {
      f.clock.now = T0 + ACCESS_TOKEN_TTL_MS - 1;
      expect((await f.pull(desk.accessToken)).statusCode).toBe(200);
      f.clock.now = T0 + ACCESS_TOKEN_TTL_MS;
      const res = await f.pull(desk.accessToken);
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('TOKEN_EXPIRED');
    } finally {
      f.clock.now = T0;
    }
  });

  test.each([
    ['no Authorization header', undefined, 'UNAUTHENTICATED'],
    ['a Basic header', 'Basic dXNlcjpwYXNz', 'TOKEN_INVALID'],
    ['an empty bearer', 'Bearer ', 'TOKEN_INVALID'],
    ['garbage', 'Bearer not.a.token', 'TOKEN_INVALID'],
    ['the admin token', `Bearer ${ADMIN.authorization.slice(7)}`, 'TOKEN_INVALID'],
  ])('%s is refused', async (_name, authorization, expected) => {
    const res = await f.app.inject({ method: 'GET', url: '/api/sync/stations/pull', headers: { ...PROTOCOL, ...(authorization ? { authorization } : {}) } });
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe(expected);
  });

  test('a refresh token is not an access token', async () => {
    const desk = await f.enrollDesk();
    expect(errorCode(await f.pull(desk.refreshToken))).toBe('TOKEN_INVALID');
  });

  test('the station scope comes from the credential only', async () => {
    const desk = await f.enrollDesk('ST-OTHER');
    const res = await f.pull(desk.accessToken);
    const ids = res.json<{ documents: Array<{ id: string }> }>().documents.map((d) => d.id);
    expect(ids).toEqual(['ST-OTHER']);
  });

  test('last_seen_at is recorded at most once a minute', async () => {
    const desk = await f.enrollDesk();
    const seen = async () => (await f.db.query<{ last_seen_at: Date | null }>('SELECT last_seen_at FROM devices WHERE id = $1', [desk.deviceId])).rows[0]?.last_seen_at?.getTime() ?? null;
    expect(await seen()).toBeNull();
    try {
      await f.pull(desk.accessToken);
      expect(await seen()).toBe(T0);
      f.clock.now = T0 + 30_000;
      await f.pull(desk.accessToken);
      expect(await seen()).toBe(T0);
      f.clock.now = T0 + 61_000;
      await f.pull(desk.accessToken);
      expect(await seen()).toBe(T0 + 61_000);
    } finally {
      f.clock.now = T0;
    }
  });
});
