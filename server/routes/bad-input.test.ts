// Table-driven hostile and broken input against the real app: every case gets a clear JSON
// error with a named reason, stores nothing, and leaks nothing (no stack, SQL or another
// station's data in the answer).
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceTokens } from '../../shared/protocol/messages';
import { PUSH_BATCH_MAX } from '../../shared/protocol/messages';
import { makeCheckIn, makeStation } from '../../tests/support/builders/index';
import { signAccessToken } from '../crypto/tokens';
import { ADMIN, createAuthFixture, PROTOCOL, type AuthFixture } from '../testing/auth-fixture';

const MINE = 'ST-MINE';
const THEIRS = 'ST-THEIRS';

interface Case {
  name: string;
  request: () => { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: unknown; body?: string };
  status: number;
  code: string;
  /** for per-row refusals (HTTP 200): the rejected row's code */
  rejected?: string;
  /** documents the valid rest of the batch adds (default 0) */
  stores?: number;
}

describe('bad input is refused clearly and changes nothing', () => {
  let f: AuthFixture;
  let desk: DeviceTokens;
  let revoked: DeviceTokens;
  let theirDoc: ReturnType<typeof makeCheckIn>;
  const auth = () => ({ ...PROTOCOL, authorization: `Bearer ${desk.accessToken}` });
  const push = (rows: unknown, collection = 'checkins') => ({ method: 'POST' as const, url: `/api/sync/${collection}/push`, headers: auth(), payload: { rows } });
  const row = (doc: object, assumed: object | null = null) => ({ newDocumentState: { ...doc }, assumedMasterState: assumed });
  const checkIn = (over = {}) => ({ ...makeCheckIn({ stationId: MINE }), _deleted: false, ...over });
  const countDocs = async () => Number((await f.db.query<{ n: unknown }>('SELECT count(*) AS n FROM sync_docs')).rows[0]!.n);

  beforeAll(async () => {
    f = await createAuthFixture('pglite');
    await f.createStation(MINE);
    await f.createStation(THEIRS);
    desk = await f.enrollDesk(MINE);
    revoked = await f.enrollDesk(MINE);
    const other = await f.enrollDesk(THEIRS);
    theirDoc = makeCheckIn({ stationId: THEIRS, badge: 'THEIRS-SECRET-BADGE' });
    const seeded = await f.app.inject({
      method: 'POST',
      url: '/api/sync/checkins/push',
      headers: { ...PROTOCOL, authorization: `Bearer ${other.accessToken}` },
      payload: { rows: [row({ ...theirDoc, _deleted: false })] },
    });
    expect(seeded.statusCode).toBe(200);
    const rev = await f.app.inject({ method: 'POST', url: `/api/admin/devices/${revoked.deviceId}/revoke`, headers: ADMIN, payload: {} });
    expect(rev.statusCode).toBe(200);
  });
  afterAll(async () => f.dispose());

  const cases: Case[] = [
    { name: 'malformed JSON', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"rows": [' }), status: 400, code: 'MALFORMED_JSON' },
    { name: 'empty JSON body', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), 'content-type': 'application/json' }, body: '' }), status: 400, code: 'MALFORMED_JSON' },
    { name: 'prototype-poisoning JSON', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"rows": [], "__proto__": {"admin": true}}' }), status: 400, code: 'MALFORMED_JSON' },
    { name: 'not JSON at all', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), 'content-type': 'application/xml' }, body: '<rows/>' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'body is an array', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: auth(), payload: [1, 2] }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'rows missing', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: auth(), payload: {} }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'rows not an array', request: () => push('lots'), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'row without assumedMasterState', request: () => push([{ newDocumentState: checkIn() }]), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'row with an extra property', request: () => push([{ ...row(checkIn()), sneaky: 1 }]), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'extra top-level property', request: () => ({ ...push([]), payload: { rows: [], stationId: THEIRS } }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'body over the size limit', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ rows: [row(checkIn({ badge: 'x'.repeat(9 * 1024 * 1024) }))] }) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'batch over the row limit', request: () => push(Array.from({ length: PUSH_BATCH_MAX + 1 }, () => row(checkIn()))), status: 413, code: 'BATCH_TOO_LARGE' },
    { name: 'unknown collection (push)', request: () => push([row(checkIn())], 'passwords'), status: 404, code: 'UNKNOWN_COLLECTION' },
    { name: 'unknown collection (pull)', request: () => ({ method: 'GET', url: '/api/sync/..%2Fadmin/pull?seq=0', headers: auth() }), status: 404, code: 'UNKNOWN_COLLECTION' },
    { name: 'push to a server-kept collection', request: () => push([row({ ...makeStation({ id: MINE, stationId: MINE, capacity: 9999 }), _deleted: false })], 'stations'), status: 403, code: 'READ_ONLY_COLLECTION' },
    { name: 'document of another station', request: () => push([row(checkIn({ stationId: THEIRS }))]), status: 200, code: '', rejected: 'WRONG_STATION' },
    // ids are station-scoped: the same id at my station is my own new document, and theirs is untouched (checked below)
    { name: "id of another station's document", request: () => push([row({ ...theirDoc, stationId: MINE, badge: 'MINE', _deleted: false })]), status: 200, code: '', stores: 1 },
    { name: 'id that is a path', request: () => push([row(checkIn({ id: '../../etc/passwd' })), row(checkIn())]), status: 200, code: '', rejected: 'BAD_ID', stores: 1 },
    { name: 'id with a line break', request: () => push([row(checkIn({ id: 'CI-1\nSet-Cookie: x' }))]), status: 200, code: '', rejected: 'BAD_ID' },
    { name: 'id with a bidi override', request: () => push([row(checkIn({ id: 'CI-\u202Etxt.exe' }))]), status: 200, code: '', rejected: 'BAD_ID' },
    { name: 'id of spaces only', request: () => push([row(checkIn({ id: '      ' }))]), status: 200, code: '', rejected: 'BAD_ID' },
    { name: 'id with a control character', request: () => push([row(checkIn({ id: 'CI\u001b[2J' }))]), status: 200, code: '', rejected: 'BAD_ID' },
    { name: "overwrite another station's document", request: () => push([row({ ...theirDoc, _deleted: true }, { ...theirDoc, _deleted: false })]), status: 200, code: '', rejected: 'WRONG_STATION' },
    { name: 'document breaking the schema (enum)', request: () => push([row(checkIn({ outcome: 'maybe' }))]), status: 200, code: '', rejected: 'SCHEMA_VIOLATION' },
    { name: 'document with an unknown field', request: () => push([row(checkIn({ isAdmin: true }))]), status: 200, code: '', rejected: 'SCHEMA_VIOLATION' },
    { name: 'document without the tombstone flag', request: () => push([row({ ...makeCheckIn({ stationId: MINE }) })]), status: 200, code: '', rejected: 'SCHEMA_VIOLATION' },
    { name: 'document with a NUL character', request: () => push([row(checkIn({ badge: 'A\u0000B' }))]), status: 200, code: '', rejected: 'SCHEMA_VIOLATION' },
    { name: 'document with half an emoji', request: () => push([row(checkIn({ badge: 'SD1.x\uD83D' }))]), status: 200, code: '', rejected: 'SCHEMA_VIOLATION' },
    { name: 'document with an oversized string', request: () => push([row(checkIn({ badge: 'x'.repeat(5000) }))]), status: 200, code: '', rejected: 'SCHEMA_VIOLATION' },
    { name: 'assumed state of another document', request: () => push([row(checkIn(), checkIn())]), status: 200, code: '', rejected: 'BAD_REQUEST' },
    { name: 'the same id twice in one batch', request: () => { const c = checkIn(); return push([row(c), row({ ...c, badge: 'OTHER' })]); }, status: 200, code: '', rejected: 'BAD_REQUEST', stores: 1 },
    { name: 'pull limit 0', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0&limit=0', headers: auth() }), status: 400, code: 'BAD_REQUEST' },
    { name: 'pull limit too large', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0&limit=50000', headers: auth() }), status: 400, code: 'BAD_REQUEST' },
    { name: 'pull checkpoint not a number', request: () => ({ method: 'GET', url: "/api/sync/checkins/pull?seq=1%20OR%201=1", headers: auth() }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'pull with an unknown parameter', request: () => ({ method: 'GET', url: `/api/sync/checkins/pull?seq=0&stationId=${THEIRS}`, headers: auth() }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'no access token', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: PROTOCOL }), status: 401, code: 'UNAUTHENTICATED' },
    { name: 'garbage access token', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: { ...PROTOCOL, authorization: 'Bearer not-a-token' } }), status: 401, code: 'TOKEN_INVALID' },
    { name: 'token signed with another key (forged station)', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: { ...PROTOCOL, authorization: `Bearer ${signAccessToken({ kid: 'TFORGED', secret: randomBytes(32) }, { deviceId: desk.deviceId, stationId: THEIRS, exp: f.clock.now + 60_000 }, f.clock.now)}` } }), status: 401, code: 'TOKEN_INVALID' },
    { name: 'token of a revoked device', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: { ...PROTOCOL, authorization: `Bearer ${revoked.accessToken}` } }), status: 401, code: 'DEVICE_REVOKED' },
    { name: 'expired access token', request: () => { f.clock.now += 16 * 60_000; return { method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: auth() }; }, status: 401, code: 'TOKEN_EXPIRED' },
    { name: 'stream without a token', request: () => ({ method: 'GET', url: '/api/sync/stream', headers: PROTOCOL }), status: 401, code: 'UNAUTHENTICATED' },
    { name: 'no protocol version', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: { authorization: `Bearer ${desk.accessToken}` } }), status: 426, code: 'CLIENT_TOO_OLD' },
    { name: 'protocol version too old', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: { ...auth(), 'x-station-desk-protocol': '0' } }), status: 426, code: 'CLIENT_TOO_OLD' },
    { name: 'protocol version from the future', request: () => ({ method: 'GET', url: '/api/sync/checkins/pull?seq=0', headers: { ...auth(), 'x-station-desk-protocol': '99' } }), status: 426, code: 'SERVER_TOO_OLD' },
    { name: 'unknown enrollment code', request: () => ({ method: 'POST', url: '/api/devices/enroll', headers: PROTOCOL, payload: { code: 'ZZZZ-ZZZZ', deskName: '前台' } }), status: 400, code: 'ENROLLMENT_CODE_INVALID' },
    { name: 'enrollment code of the wrong shape', request: () => ({ method: 'POST', url: '/api/devices/enroll', headers: PROTOCOL, payload: { code: "' OR 1=1 --", deskName: '前台' } }), status: 400, code: 'ENROLLMENT_CODE_INVALID' },
    { name: 'refresh with a made-up token', request: () => ({ method: 'POST', url: '/api/devices/refresh', headers: PROTOCOL, payload: { deviceId: desk.deviceId, refreshToken: 'A'.repeat(43) } }), status: 401, code: 'TOKEN_INVALID' },
    { name: 'admin API without the admin token', request: () => ({ method: 'POST', url: '/api/admin/stations', payload: { id: 'EVIL', name: 'x', type: 'fitness-simple', capacity: 1 } }), status: 401, code: 'UNAUTHENTICATED' },
    { name: 'admin API with a desk token', request: () => ({ method: 'GET', url: '/api/admin/stations', headers: { authorization: `Bearer ${desk.accessToken}` } }), status: 401, code: 'TOKEN_INVALID' },
  ];

  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  for (const c of cases) {
    it(c.name, async () => {
      const before = await countDocs();
      const { body, ...request } = c.request();
      const res = await f.app.inject({ ...request, ...(body === undefined ? {} : { payload: body }) } as InjectOptions);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(c.status);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const json = res.json() as { error?: { code: string; message: string }; rejected?: { code: string }[]; conflicts?: unknown[] };
      if (c.rejected) {
        expect(json.rejected?.map((r) => r.code)).toContain(c.rejected);
        expect(json.conflicts).toEqual([]);
      } else if (c.status === 200) {
        expect(json).toEqual({ conflicts: [], rejected: [] });
      } else {
        expect(json.error?.code).toBe(c.code);
        expect(json.error?.message.length).toBeGreaterThan(5);
      }
      expect(await countDocs()).toBe(before + (c.stores ?? 0));
      expect(res.body).not.toMatch(/at \w+ \(|node_modules|SELECT |sync_docs|stack/i);
      expect(res.body).not.toContain('THEIRS-SECRET-BADGE');
    });
  }

  it("left the other station's document exactly as it was", async () => {
    const { rows } = await f.db.query<{ deleted: boolean; data: { badge: string } }>(
      'SELECT deleted, data FROM sync_docs WHERE station_id = $1 AND id = $2',
      [THEIRS, theirDoc.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ deleted: false, data: { badge: 'THEIRS-SECRET-BADGE' } });
  });
});
