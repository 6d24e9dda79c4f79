/** The key auth flow on real PostgreSQL (the same code runs on PGlite in devices.test.ts), plus races PGlite cannot produce. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DeviceTokens } from '../../shared/protocol/messages';
import { ACCESS_TOKEN_TTL_MS } from '../crypto/tokens';
import { createAuthFixture, errorCode, T0, type AuthFixture } from '../testing/auth-fixture';

let f: AuthFixture;
beforeAll(async () => {
  f = await createAuthFixture('postgres');
  await f.createStation();
});
afterAll(() => f?.dispose());

const live = async (deviceId: string) =>
  Number((await f.db.query<{ n: unknown }>('SELECT count(*) AS n FROM refresh_tokens WHERE device_id = $1 AND used_at IS NULL AND invalidated_at IS NULL', [deviceId])).rows[0]!.n);

test('enroll → refresh → reuse revokes → the revoked desk is refused', async () => {
  const code = await f.issueCode();
  const t0 = (await f.enroll(code)).json<DeviceTokens>();
  expect(errorCode(await f.enroll(code))).toBe('ENROLLMENT_CODE_INVALID');
  const t1 = (await f.refresh(t0.deviceId, t0.refreshToken)).json<DeviceTokens>();
  const retried = await f.refresh(t0.deviceId, t0.refreshToken); // grace: t1 never used
  expect(retried.statusCode).toBe(200);
  expect(errorCode(await f.refresh(t0.deviceId, t1.refreshToken))).toBe('REFRESH_TOKEN_REUSED');
  expect(errorCode(await f.pull(retried.json<DeviceTokens>().accessToken))).toBe('DEVICE_REVOKED');
});

test('an expired access token is TOKEN_EXPIRED; an expired code is ENROLLMENT_CODE_EXPIRED', async () => {
  const code = await f.issueCode(undefined, 1);
  const desk = await f.enrollDesk();
  try {
    f.clock.now = T0 + ACCESS_TOKEN_TTL_MS;
    expect(errorCode(await f.pull(desk.accessToken))).toBe('TOKEN_EXPIRED');
    f.clock.now = T0 + 3_600_000;
    expect(errorCode(await f.enroll(code))).toBe('ENROLLMENT_CODE_EXPIRED');
  } finally {
    f.clock.now = T0;
  }
});

test('racing desks with one code: exactly one is enrolled', async () => {
  const code = await f.issueCode();
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => f.enroll(code, `desk ${i}`)));
  expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
  expect(results.filter((r) => errorCode(r) === 'ENROLLMENT_CODE_INVALID')).toHaveLength(7);
});

test('concurrent refreshes with one token are serialized: all answered, one token left live', async () => {
  const desk = await f.enrollDesk();
  const results = await Promise.all(Array.from({ length: 6 }, () => f.refresh(desk.deviceId, desk.refreshToken)));
  expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(await live(desk.deviceId)).toBe(1);
  const tokens = results.map((r) => r.json<DeviceTokens>().refreshToken);
  expect(new Set(tokens).size).toBe(6);
});
