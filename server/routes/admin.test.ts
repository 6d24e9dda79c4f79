import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_STATION_RULES } from '../../shared/schemas/index';
import { ADMIN, ADMIN_TOKEN, createAuthFixture, errorCode, STATION, type AuthFixture } from '../testing/auth-fixture';
import { WAIT_INTERVAL_MS, WAIT_LIMIT_MS } from '../../tests/support/wait';

/** A test that opens its own database (see its use). */
const OWN_DATABASE_TEST_MS = 120_000;
let f: AuthFixture;
const revocations: string[] = [];
beforeAll(async () => {
  f = await createAuthFixture();
  await f.createStation();
  f.app.hints.onRevocation((id) => revocations.push(id));
});
afterAll(() => f.dispose());

const ROUTES = [
  ['POST', '/api/admin/stations'],
  ['GET', '/api/admin/stations'],
  ['POST', `/api/admin/stations/${STATION}/enrollment-codes`],
  ['GET', `/api/admin/stations/${STATION}/devices`],
  ['POST', '/api/admin/devices/X/revoke'],
  ['POST', `/api/admin/stations/${STATION}/members/import`],
  ['POST', '/api/admin/demo'],
] as const;

describe('the admin token is required', () => {
  const CASES: Array<[string, Record<string, string>, string]> = [
    ['no header', {}, 'UNAUTHENTICATED'],
    ['a wrong token', { authorization: 'Bearer wrong' }, 'TOKEN_INVALID'],
    ['a prefix of the token', { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` }, 'TOKEN_INVALID'],
    ['the token plus a suffix', { authorization: `Bearer ${ADMIN_TOKEN}x` }, 'TOKEN_INVALID'],
    ['Basic auth', { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` }, 'TOKEN_INVALID'],
    ['the token without "Bearer"', { authorization: ADMIN_TOKEN }, 'TOKEN_INVALID'],
  ];
  for (const [method, url] of ROUTES) {
    test.each(CASES)(`${method} ${url} with %s → 401`, async (_name, headers, expected) => {
      const res = await f.app.inject({ method, url, headers: { ...headers, 'content-type': 'text/csv' }, payload: 'x' });
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe(expected);
    });
  }

  // Opens a database of its own (PGlite start and migrations): tens of seconds on a loaded machine,
  // which the default test timeout does not allow for (the file's own database opens in beforeAll,
  // under the longer hook timeout).
  test('an empty admin token disables the admin API', { timeout: OWN_DATABASE_TEST_MS }, async () => {
    const off = await createAuthFixture('pglite', { adminToken: '' });
    try {
      for (const authorization of ['Bearer ', 'Bearer x', '']) {
        const res = await off.app.inject({ method: 'GET', url: '/api/admin/stations', headers: authorization ? { authorization } : {} });
        expect(res.statusCode).toBe(403);
        expect(errorCode(res)).toBe('FORBIDDEN');
      }
    } finally {
      await off.dispose();
    }
  });
});

describe('stations', () => {
  test('created with defaults, written as the stations document, audit-logged', async () => {
    const res = await f.app.inject({
      method: 'POST',
      url: '/api/admin/stations',
      headers: ADMIN,
      payload: { id: 'SH-PD-007', name: ' 浦东新区快递小哥驿站 ', type: 'courier-rest', capacity: 12, rules: { duplicateWindowMinutes: 10 } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { station } = res.json<{ station: Record<string, unknown> }>();
    expect(station).toMatchObject({
      id: 'SH-PD-007',
      stationId: 'SH-PD-007',
      name: '浦东新区快递小哥驿站',
      utcOffsetMinutes: 480,
      openingHours: [],
      rules: { ...DEFAULT_STATION_RULES, duplicateWindowMinutes: 10 },
    });
    expect(station.serverRev).toBeGreaterThan(0);
    const audit = await f.db.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'station.create' AND station_id = 'SH-PD-007'`);
    expect(audit.rows).toEqual([{ actor: 'admin' }]);

    const list = await f.app.inject({ method: 'GET', url: '/api/admin/stations', headers: ADMIN });
    const ids = list.json<{ stations: Array<{ id: string }> }>().stations.map((s) => s.id);
    expect(ids).toEqual(['SH-PD-007', STATION]);
  });

  test('an existing id is ID_TAKEN', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/admin/stations', headers: ADMIN, payload: { id: STATION, name: 'x', type: 'childcare', capacity: 1 } });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('ID_TAKEN');
  });

  const valid = { id: 'NEW-1', name: '驿站', type: 'driver-home', capacity: 5 };
  test.each([
    ['the reserved global id', { ...valid, id: 'global' }, 'BAD_REQUEST'],
    ['an id with a space', { ...valid, id: 'A B' }, 'SCHEMA_VIOLATION'],
    ['an unknown type', { ...valid, type: 'spa' }, 'SCHEMA_VIOLATION'],
    ['a negative capacity', { ...valid, capacity: -1 }, 'SCHEMA_VIOLATION'],
    ['hours at 25:00', { ...valid, openingHours: [{ day: 1, open: '06:00', close: '25:00' }] }, 'SCHEMA_VIOLATION'],
    ['day 7', { ...valid, openingHours: [{ day: 7, open: '06:00', close: '22:00' }] }, 'SCHEMA_VIOLATION'],
    ['an unknown rule', { ...valid, rules: { vipOnly: true } }, 'SCHEMA_VIOLATION'],
    ['an extra property', { ...valid, owner: 'x' }, 'SCHEMA_VIOLATION'],
    ['no name', { id: 'NEW-1', type: 'driver-home', capacity: 5 }, 'SCHEMA_VIOLATION'],
    ['a utc offset off the map', { ...valid, utcOffsetMinutes: 900 }, 'SCHEMA_VIOLATION'],
  ])('%s is refused', async (_name, payload, expected) => {
    const res = await f.app.inject({ method: 'POST', url: '/api/admin/stations', headers: ADMIN, payload });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe(expected);
  });
});

describe('enrollment codes and devices', () => {
  test('codes look like XXXX-XXXX, expire as asked, and are audit-logged without the code', async () => {
    const res = await f.app.inject({ method: 'POST', url: `/api/admin/stations/${STATION}/enrollment-codes`, headers: ADMIN, payload: { ttlHours: 2 } });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ code: string; expiresAt: string }>();
    expect(body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(Date.parse(body.expiresAt)).toBe(f.clock.now + 2 * 3_600_000);
    const audit = await f.db.query<{ details: unknown }>(`SELECT details FROM audit_log WHERE action = 'enrollment-code.create'`);
    expect(JSON.stringify(audit.rows)).not.toContain(body.code);
    expect(JSON.stringify(await f.db.query('SELECT * FROM enrollment_codes'))).not.toContain(body.code.replace('-', ''));
  });

  test('a request without a body gets the default 24 h', async () => {
    const res = await f.app.inject({ method: 'POST', url: `/api/admin/stations/${STATION}/enrollment-codes`, headers: ADMIN });
    expect(res.statusCode, res.body).toBe(201);
    expect(Date.parse(res.json<{ expiresAt: string }>().expiresAt)).toBe(f.clock.now + 24 * 3_600_000);
  });

  test.each([
    ['an unknown station', '/api/admin/stations/NOPE/enrollment-codes', {}, 404],
    ['the global station', '/api/admin/stations/global/enrollment-codes', {}, 404],
    ['a zero lifetime', `/api/admin/stations/${STATION}/enrollment-codes`, { ttlHours: 0 }, 400],
    ['a lifetime over a week', `/api/admin/stations/${STATION}/enrollment-codes`, { ttlHours: 24 * 7 + 1 }, 400],
  ])('%s is refused', async (_name, url, payload, status) => {
    const res = await f.app.inject({ method: 'POST', url, headers: ADMIN, payload });
    expect(res.statusCode).toBe(status);
  });

  test('devices are listed; revoking one refuses its next request, closes its stream and is idempotent', async () => {
    const desk = await f.enrollDesk();
    const list = await f.app.inject({ method: 'GET', url: `/api/admin/stations/${STATION}/devices`, headers: ADMIN });
    expect(list.json<{ devices: Array<{ id: string; name: string; revokedAt: null }> }>().devices).toContainEqual(
      expect.objectContaining({ id: desk.deviceId, name: '前台 1', revokedAt: null }),
    );
    const revoke = () => f.app.inject({ method: 'POST', url: `/api/admin/devices/${desk.deviceId}/revoke`, headers: ADMIN, payload: { reason: '笔记本丢失' } });
    const first = await revoke();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ alreadyRevoked: false, device: { id: desk.deviceId, revokedWhy: '笔记本丢失' } });
    // the hint to close the device's stream is sent after the answer: wait for it, up to the limit
    await expect.poll(() => revocations, { timeout: WAIT_LIMIT_MS, interval: WAIT_INTERVAL_MS }).toContain(desk.deviceId);
    expect(errorCode(await f.pull(desk.accessToken))).toBe('DEVICE_REVOKED');
    expect((await revoke()).json()).toMatchObject({ alreadyRevoked: true });
    const audit = await f.db.query(`SELECT actor, details FROM audit_log WHERE action = 'device.revoke' AND details ->> 'deviceId' = $1`, [desk.deviceId]);
    expect(audit.rows).toEqual([{ actor: 'admin', details: { deviceId: desk.deviceId, reason: '笔记本丢失' } }]);
  });

  test('unknown devices and stations are NOT_FOUND', async () => {
    expect(errorCode(await f.app.inject({ method: 'POST', url: '/api/admin/devices/NOPE/revoke', headers: ADMIN, payload: {} }))).toBe('NOT_FOUND');
    expect(errorCode(await f.app.inject({ method: 'GET', url: '/api/admin/stations/NOPE/devices', headers: ADMIN }))).toBe('NOT_FOUND');
  });
});
