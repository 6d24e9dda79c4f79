// Cheap checks first (docs/security.md): the rate limit, the protocol version and the
// credential are checked before a body is read or parsed; bodies are limited in size per route
// and in nesting depth while parsing; one bad row of a push is that row's rejection, never a
// failed batch; every refusal is `{ error: { code, message } }` with a code from the table,
// including those Fastify answers outside the error handler. Run on PGlite and PostgreSQL.
import { connect } from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/protocol/errors';
import { BODY_LIMIT_BYTES, type DeviceTokens } from '../../shared/protocol/messages';
import { makeCheckIn } from '../../tests/support/builders/index';
import { WAIT_LIMIT_MS } from '../../tests/support/wait';
import type { TestDbKind } from '../testing/test-db';
import { ADMIN, createAuthFixture, PROTOCOL, type AuthFixture } from '../testing/auth-fixture';
import { PUSH_JSON_DEPTH_MAX } from './sync';

const MINE = 'ST-CHEAP';
/** An outsider's body: `[[[[…]]]]`, as deep as it is long. */
const deepArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
/** A JSON value nested `depth` objects deep. */
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const json = { 'content-type': 'application/json' };

interface Case {
  name: string;
  request: () => InjectOptions;
  status: number;
  code: string;
}

/** One answer in the one error shape: only `error`, a known code, a message. */
const expectErrorShape = (status: number, body: string, expected: { status: number; code: string }) => {
  expect(status, body.slice(0, 300)).toBe(expected.status);
  const parsed = JSON.parse(body) as Record<string, unknown>;
  expect(Object.keys(parsed)).toEqual(['error']);
  const error = parsed.error as { code: string; message: string };
  expect(error.code).toBe(expected.code);
  expect(ERROR_CODES).toContain(error.code);
  expect(error.message.length).toBeGreaterThan(5);
};

/** Sends raw bytes to a listening server; what it answers once `until` holds or it closes (within the named limit). */
const rawExchange = (port: number, bytes: string, until: (answer: string) => boolean): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${WAIT_LIMIT_MS} ms; got ${JSON.stringify(answer.slice(0, 200))}`));
    }, WAIT_LIMIT_MS);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (until(answer)) done();
    });
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(bytes);
  });

/** The status line and JSON body of a complete HTTP/1.1 answer with Content-Length. */
const complete = (answer: string) => {
  const [head, body = ''] = answer.split('\r\n\r\n');
  const length = Number(/content-length: *(\d+)/i.exec(head ?? '')?.[1] ?? NaN);
  return Number.isFinite(length) && Buffer.byteLength(body) >= length;
};
const parseAnswer = (answer: string) => {
  const [head, body = ''] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1]), body };
};

export const cheapChecksSuite = (kind: TestDbKind) => {
  describe(`cheap checks first (${kind})`, () => {
    let f: AuthFixture;
    let desk: DeviceTokens;
    let port: number;
    const auth = () => ({ ...PROTOCOL, authorization: `Bearer ${desk.accessToken}` });
    const checkIn = (badge: string) => ({ ...makeCheckIn({ stationId: MINE, badge }), _deleted: false });
    const countDocs = async () => Number((await f.db.query<{ n: unknown }>('SELECT count(*) AS n FROM sync_docs WHERE station_id = $1', [MINE])).rows[0]!.n);

    beforeAll(async () => {
      f = await createAuthFixture(kind);
      await f.createStation(MINE);
      desk = await f.enrollDesk(MINE);
      const address = await f.app.listen({ host: '127.0.0.1', port: 0 });
      port = Number(new URL(address).port);
    });
    afterAll(async () => f.dispose());

    // Each of these failed before the checks moved in front of the body: the body was parsed
    // and validated first (400 SCHEMA_VIOLATION after 1–2 s for a deep one), or read whole.
    const cases: Case[] = [
      { name: 'push without a token, body nested 100 000 deep', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...PROTOCOL, ...json }, payload: deepArrays(100_000) }), status: 401, code: 'UNAUTHENTICATED' },
      { name: 'push with a garbage token, malformed body', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...PROTOCOL, ...json, authorization: 'Bearer sd1.x.y' }, payload: '{"rows": [' }), status: 401, code: 'TOKEN_INVALID' },
      { name: 'push without the protocol header, body of the wrong shape', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { authorization: `Bearer ${desk.accessToken}`, ...json }, payload: '[1, 2, 3]' }), status: 426, code: 'CLIENT_TOO_OLD' },
      { name: "member booking without a member token, deep body", request: () => ({ method: 'POST', url: '/api/members/me/bookings', headers: json, payload: deepArrays(100_000) }), status: 401, code: 'UNAUTHENTICATED' },
      { name: 'enrollment with an 8 MB body (its limit is 4 KB)', request: () => ({ method: 'POST', url: '/api/devices/enroll', headers: { ...PROTOCOL, ...json }, payload: deepArrays(4_000_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { name: 'refresh with an 8 MB body', request: () => ({ method: 'POST', url: '/api/devices/refresh', headers: { ...PROTOCOL, ...json }, payload: deepArrays(4_000_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { name: 'member sign-in with an 8 MB body', request: () => ({ method: 'POST', url: '/api/members/session', headers: json, payload: deepArrays(4_000_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { name: 'admin route with a 1 MB body (its limit is 64 KB)', request: () => ({ method: 'POST', url: '/api/admin/stations', headers: { ...ADMIN, ...json }, payload: JSON.stringify({ id: 'ST-BIG', name: 'x'.repeat(1024 * 1024) }) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
      { name: 'enrollment nested 100 deep (small body, limit 32)', request: () => ({ method: 'POST', url: '/api/devices/enroll', headers: { ...PROTOCOL, ...json }, payload: deepObject(100) }), status: 400, code: 'NESTING_TOO_DEEP' },
      { name: 'authenticated push nested past the push limit', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), ...json }, payload: `{"rows":${deepArrays(PUSH_JSON_DEPTH_MAX + 5)}}` }), status: 400, code: 'NESTING_TOO_DEEP' },
      { name: 'authenticated push nested 4 million deep', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), ...json }, payload: deepArrays(4_000_000) }), status: 400, code: 'NESTING_TOO_DEEP' },
      { name: 'brackets inside strings do not count', request: () => ({ method: 'POST', url: '/api/devices/enroll', headers: { ...PROTOCOL, ...json }, payload: JSON.stringify({ code: '[[[[{{{{'.repeat(3), deskName: `\\"[${'{'.repeat(35)}` }) }), status: 400, code: 'ENROLLMENT_CODE_INVALID' },
      { name: 'gzip-encoded push', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), ...json, 'content-encoding': 'gzip' }, payload: '{"rows":[]}' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { name: 'br-encoded sign-in', request: () => ({ method: 'POST', url: '/api/members/session', headers: { ...json, 'content-encoding': 'br' }, payload: '{}' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { name: 'XML push', request: () => ({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), 'content-type': 'application/xml' }, payload: '<rows/>' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { name: 'unknown route', request: () => ({ method: 'GET', url: '/api/nothing/here' }), status: 404, code: 'NOT_FOUND' },
      { name: 'known path, wrong method', request: () => ({ method: 'DELETE', url: '/api/sync/checkins/push', headers: auth() }), status: 404, code: 'NOT_FOUND' },
      { name: 'malformed URL encoding', request: () => ({ method: 'GET', url: '/api/sync/%E0%A4%A/pull' }), status: 400, code: 'BAD_REQUEST' },
    ];

    it('has a case for every cheap check', () => expect(cases.length).toBeGreaterThanOrEqual(15));

    for (const c of cases) {
      it(c.name, async () => {
        const before = await countDocs();
        const res = await f.app.inject(c.request());
        expectErrorShape(res.statusCode, res.body, c);
        expect(await countDocs()).toBe(before);
      });
    }

    it('identity encoding is plain and accepted', async () => {
      const res = await f.app.inject({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), ...json, 'content-encoding': 'identity' }, payload: '{"rows":[]}' });
      expect(res.statusCode, res.body).toBe(200);
    });

    it('refuses an outsider before reading the body: the 401 comes while the 8 MB body is still unsent', async () => {
      // only the head is sent; an answer proves the server never waited for the body
      const head = `POST /api/sync/checkins/push HTTP/1.1\r\nHost: 127.0.0.1\r\nx-station-desk-protocol: ${PROTOCOL['x-station-desk-protocol']}\r\nContent-Type: application/json\r\nContent-Length: ${BODY_LIMIT_BYTES - 1}\r\n\r\n[[[[`;
      const answer = parseAnswer(await rawExchange(port, head, complete));
      expectErrorShape(answer.status, answer.body, { status: 401, code: 'UNAUTHENTICATED' });
    });

    it('refuses a malformed HTTP request in the one error shape', async () => {
      const answer = parseAnswer(await rawExchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n', complete));
      expectErrorShape(answer.status, answer.body, { status: 400, code: 'BAD_REQUEST' });
    });

    it('answers a rate-limited request in the one error shape', async () => {
      const enroll = () => f.app.inject({ method: 'POST', url: '/api/devices/enroll', remoteAddress: '10.99.0.1', headers: { ...PROTOCOL, ...json }, payload: { code: 'ZZZZ-ZZZZ', deskName: 'x' } });
      let res = await enroll();
      for (let i = 0; i < 20 && res.statusCode !== 429; i++) res = await enroll();
      expectErrorShape(res.statusCode, res.body, { status: 429, code: 'RATE_LIMITED' });
      expect(res.headers['retry-after']).toBeDefined();
    });

    it('rejects a document nested 5 000 deep as its row alone: the rest of the batch is stored', async () => {
      const before = await countDocs();
      const [first, deep, last] = [checkIn('310000000001'), checkIn('310000000002'), checkIn('310000000003')];
      const deepDoc = JSON.stringify({ ...deep, extra: 'X' }).replace('"X"', deepObject(5_000));
      const body = `{"rows":[${[JSON.stringify(first), deepDoc, JSON.stringify(last)].map((doc) => `{"newDocumentState":${doc},"assumedMasterState":null}`).join(',')}]}`;
      const res = await f.app.inject({ method: 'POST', url: '/api/sync/checkins/push', headers: { ...auth(), ...json }, payload: body });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const answer = res.json<{ conflicts: unknown[]; rejected: { id: string; code: string; message: string }[] }>();
      expect(answer.conflicts).toEqual([]);
      expect(answer.rejected).toEqual([{ id: deep.id, code: 'SCHEMA_VIOLATION', message: expect.stringMatching(/deeper than \d+ levels/) }]);
      expect(await countDocs()).toBe(before + 2);
      const stored = await f.db.query<{ id: string }>('SELECT id FROM sync_docs WHERE station_id = $1 AND id = ANY($2::text[]) ORDER BY id', [MINE, `{${[first.id, deep.id, last.id].join(',')}}`]);
      expect(stored.rows.map((r) => r.id).sort()).toEqual([first.id, last.id].sort());
    });
  });
};
