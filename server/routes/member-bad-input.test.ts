// Table-driven hostile and broken requests against the members' API: each gets a clear JSON
// error with a named reason, stores nothing, and leaks nothing (no stack, SQL, desk or staff ids).
import { createHmac } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signMemberToken } from '../crypto/member-tokens';
import { signAccessToken } from '../crypto/tokens';
import { errorCode, PROTOCOL } from '../testing/auth-fixture';
import { COURT, createMemberFixture, local, M_STATION, type MemberFixture } from '../testing/member-fixture';

interface Case {
  name: string;
  request: () => { method: 'GET' | 'POST' | 'DELETE'; url: string; headers?: Record<string, string>; payload?: unknown; body?: string };
  status: number;
  code: string;
}

describe('members’ API refuses bad input clearly and changes nothing', () => {
  let f: MemberFixture;
  let token = '';
  let deskToken = '';
  let otherBooking = '';
  const auth = (t = token) => ({ authorization: `Bearer ${t}` });
  const slot = { kind: 'venue', venueId: COURT.id, startsAt: local('15:00') };
  const post = (payload: unknown, headers = auth()) => ({ method: 'POST' as const, url: '/api/members/me/bookings', headers, payload });
  const signIn = (payload: unknown) => ({ method: 'POST' as const, url: '/api/members/session', payload });
  const count = async () => Number((await f.db.query<{ n: unknown }>(`SELECT count(*) AS n FROM sync_docs WHERE collection = 'bookings'`)).rows[0]!.n);

  beforeAll(async () => {
    f = await createMemberFixture();
    token = await f.signIn(1);
    deskToken = (await f.enrollDesk(M_STATION)).accessToken;
    const other = await f.signIn(2);
    otherBooking = (await f.as(other, 'POST', '/api/members/me/bookings', { slot })).json<{ booking: { id: string } }>().booking.id;
  });
  afterAll(async () => f.dispose());

  const forged = () => {
    const [p, kid, payload, signature] = token.split('.') as [string, string, string, string];
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    return `${p}.${kid}.${Buffer.from(JSON.stringify({ ...body, memberId: 'M-2' })).toString('base64url')}.${signature}`;
  };

  const cases: Case[] = [
    { name: 'sign-in: malformed JSON', request: () => ({ method: 'POST', url: '/api/members/session', headers: { 'content-type': 'application/json' }, body: '{"cardNo":' }), status: 400, code: 'MALFORMED_JSON' },
    { name: 'sign-in: missing phone tail', request: () => signIn({ stationId: M_STATION, cardNo: '310000000001' }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'sign-in: phone tail of 3 digits', request: () => signIn({ stationId: M_STATION, cardNo: '310000000001', phoneTail: '001' }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'sign-in: SQL in the card number', request: () => signIn({ stationId: M_STATION, cardNo: "1' OR '1'='1", phoneTail: '0001' }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'sign-in: bad station id', request: () => signIn({ stationId: '../etc', cardNo: '310000000001', phoneTail: '0001' }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'sign-in: unknown station', request: () => signIn({ stationId: 'ST-NOWHERE', cardNo: '310000000001', phoneTail: '0001' }), status: 401, code: 'UNAUTHENTICATED' },
    { name: 'sign-in: extra field', request: () => signIn({ stationId: M_STATION, cardNo: '310000000001', phoneTail: '0001', admin: true }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'no token', request: () => ({ method: 'GET', url: '/api/members/me/bookings' }), status: 401, code: 'UNAUTHENTICATED' },
    { name: 'not a bearer header', request: () => ({ method: 'GET', url: '/api/members/me/bookings', headers: { authorization: `Token ${token}` } }), status: 401, code: 'TOKEN_INVALID' },
    { name: 'a desk token', request: () => ({ method: 'POST', url: '/api/members/me/bookings', headers: auth(deskToken), payload: { slot } }), status: 401, code: 'TOKEN_INVALID' },
    { name: 'a forged member token', request: () => post({ slot }, auth(forged())), status: 401, code: 'TOKEN_INVALID' },
    {
      name: 'a member token of someone not on the roster',
      request: () => {
        const signed = signMemberToken({ kid: 'TGHOST', secret: Buffer.alloc(32) }, { memberId: 'M-GHOST', stationId: M_STATION, exp: f.clock.now + 60_000 }, f.clock.now);
        return post({ slot }, auth(signed));
      },
      status: 401,
      code: 'TOKEN_INVALID',
    },
    { name: 'a member token on the desks’ sync API', request: () => ({ method: 'POST', url: '/api/sync/bookings/push', headers: { ...PROTOCOL, ...auth() }, payload: { rows: [] } }), status: 401, code: 'TOKEN_INVALID' },
    {
      name: 'a desk-format token signed with a guessed key',
      request: () => ({ method: 'GET', url: '/api/members/me/slots', headers: auth(signAccessToken({ kid: 'TGUESS', secret: createHmac('sha256', 'x').digest() }, { deviceId: 'M-1', stationId: M_STATION, exp: f.clock.now + 60_000 }, f.clock.now)) }),
      status: 401,
      code: 'TOKEN_INVALID',
    },
    { name: 'book: malformed JSON', request: () => ({ method: 'POST', url: '/api/members/me/bookings', headers: { ...auth(), 'content-type': 'application/json' }, body: '{"slot":' }), status: 400, code: 'MALFORMED_JSON' },
    { name: 'book: no slot', request: () => post({}), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: unknown slot kind', request: () => post({ slot: { kind: 'room', venueId: COURT.id, startsAt: local('15:00') } }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: venue slot without a start', request: () => post({ slot: { kind: 'venue', venueId: COURT.id } }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: start not a timestamp', request: () => post({ slot: { ...slot, startsAt: 'tomorrow 3pm' } }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: start as a number', request: () => post({ slot: { ...slot, startsAt: Date.parse(local('15:00')) } }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: member id smuggled in', request: () => post({ slot, memberId: 'M-2' }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: status smuggled into the slot', request: () => post({ slot: { ...slot, status: 'confirmed' } }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: id too short', request: () => post({ slot, id: 'abc' }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: id with a colon', request: () => post({ slot, id: 'venue:V-COURT:x' }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: huge venue id', request: () => post({ slot: { ...slot, venueId: 'V'.repeat(5000) } }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'book: another member’s booking id', request: () => post({ slot, id: otherBooking }), status: 409, code: 'ID_TAKEN' },
    { name: 'book: unknown venue', request: () => post({ slot: { ...slot, venueId: 'V-NOPE' } }), status: 404, code: 'NOT_FOUND' },
    { name: 'book: off the slot grid', request: () => post({ slot: { ...slot, startsAt: local('15:10') } }), status: 400, code: 'BAD_REQUEST' },
    { name: 'cancel: another member’s booking', request: () => ({ method: 'DELETE', url: `/api/members/me/bookings/${otherBooking}`, headers: auth() }), status: 404, code: 'NOT_FOUND' },
    { name: 'cancel: path traversal id', request: () => ({ method: 'DELETE', url: '/api/members/me/bookings/..%2F..%2Fadmin', headers: auth() }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'slots: not a date', request: () => ({ method: 'GET', url: '/api/members/me/slots?date=30-11-2026', headers: auth() }), status: 400, code: 'SCHEMA_VIOLATION' },
    { name: 'slots: unknown parameter', request: () => ({ method: 'GET', url: '/api/members/me/slots?stationId=ST-OTHER', headers: auth() }), status: 400, code: 'SCHEMA_VIOLATION' },
  ];

  it.each(cases)('$name → $status $code', async (c) => {
    const before = await count();
    const res = await f.app.inject(c.request() as InjectOptions);
    expect(res.statusCode, res.body).toBe(c.status);
    expect(errorCode(res)).toBe(c.code);
    expect(res.body).not.toMatch(/at \w+ \(|SELECT|sync_docs|node_modules|deskId|staffId/);
    expect(await count()).toBe(before);
  });
});
