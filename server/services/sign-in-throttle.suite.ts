// Lockouts and rate limits kept in the database (issue 10, finding 9): the members' sign-in
// guess budget and the routes' own rate limits are shared by every app instance on one database
// (before: 5 + 5 guesses with two processes), a guesser locks only itself out until the card's
// whole budget is spent, and sign-in with the member's pass works while the card is locked.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { ADMIN, ADMIN_TOKEN, PROTOCOL, T0 } from '../testing/auth-fixture';
import { MEMBERS, M_STATION } from '../testing/member-fixture';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../testing/test-db';
import { writeServerDocs } from '../repositories/sync-store';
import { ENROLL_RATE_PER_MINUTE } from '../routes/devices';
import { CARD_WINDOW_MS, MAX_CARD_FAILURES, MAX_CLIENT_FAILURES } from './sign-in-throttle';

const code = (res: LightMyRequestResponse) => (res.json() as { error?: { code?: string } }).error?.code;
const member = (n: number) => MEMBERS[n - 1]!;

export const signInThrottleSuite = (kind: TestDbKind) => {
  describe(`shared sign-in lockouts and rate limits on ${kind}`, () => {
    let t: TestDatabase;
    const clock = { now: T0 };
    let one: FastifyInstance;
    let two: FastifyInstance;
    const signIn = (app: FastifyInstance, n: number, phoneTail: string, ip: string) =>
      app.inject({ method: 'POST', url: '/api/members/session', remoteAddress: ip, payload: { stationId: M_STATION, cardNo: member(n).cardNo, phoneTail } });
    const right = (n: number) => member(n).phoneTail;
    const wrong = (n: number) => (right(n) === '9999' ? '9998' : '9999');

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      // two app instances on one database, as two server processes
      const apps = await Promise.all([0, 1].map(() => buildApp({ db: t.db, adminToken: ADMIN_TOKEN, now: () => clock.now })));
      [one, two] = [apps[0]!, apps[1]!];
      const created = await one.inject({ method: 'POST', url: '/api/admin/stations', headers: ADMIN, payload: { id: M_STATION, name: '测试驿站', type: 'fitness-simple', capacity: 20 } });
      expect(created.statusCode).toBe(201);
      await writeServerDocs(t.db, M_STATION, 'members', MEMBERS, { writtenBy: 'test', now: T0 });
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await t.dispose();
    });

    it('shares one guess budget between two instances: guesses alternate, and the budget is spent once', async () => {
      const answers: number[] = [];
      for (let i = 0; i < 2 * MAX_CLIENT_FAILURES; i++) answers.push((await signIn(i % 2 ? two : one, 1, wrong(1), '10.50.0.1')).statusCode);
      expect(answers.filter((s) => s === 401)).toHaveLength(MAX_CLIENT_FAILURES);
      expect(answers.slice(MAX_CLIENT_FAILURES)).toEqual(Array(MAX_CLIENT_FAILURES).fill(429));
      // locked for this client on both instances, even with the right answer
      for (const app of [one, two]) expect(code(await signIn(app, 1, right(1), '10.50.0.1'))).toBe('RATE_LIMITED');
    });

    it('never lets simultaneous guesses overrun the budget', async () => {
      const answers = await Promise.all(Array.from({ length: 3 * MAX_CLIENT_FAILURES }, (_, i) => signIn(i % 2 ? two : one, 2, wrong(2), '10.51.0.1')));
      expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(MAX_CLIENT_FAILURES);
      expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(2 * MAX_CLIENT_FAILURES);
    });

    it('locks out only the guessing client; the member signs in from elsewhere, and a right answer gives its guess back', async () => {
      for (let i = 0; i < MAX_CLIENT_FAILURES; i++) expect((await signIn(one, 3, wrong(3), '10.52.0.1')).statusCode).toBe(401);
      expect(code(await signIn(two, 3, right(3), '10.52.0.1'))).toBe('RATE_LIMITED');
      expect((await signIn(two, 3, right(3), '10.52.9.9')).statusCode).toBe(201);
      // four wrong and one right from a client: its count starts again
      for (let i = 0; i < MAX_CLIENT_FAILURES - 1; i++) expect((await signIn(one, 3, wrong(3), '10.52.0.2')).statusCode).toBe(401);
      expect((await signIn(two, 3, right(3), '10.52.0.2')).statusCode).toBe(201);
      for (let i = 0; i < MAX_CLIENT_FAILURES; i++) expect((await signIn(one, 3, wrong(3), '10.52.0.2')).statusCode).toBe(401);
    });

    it('locks the card for everyone once its budget is spent from many addresses; the pass still signs the member in', async () => {
      const issued = await one.inject({ method: 'POST', url: '/api/admin/passes', headers: ADMIN, payload: { memberId: member(4).id, stationId: M_STATION } });
      expect(issued.statusCode).toBe(201);
      const pass = issued.json<{ pass: string }>().pass;
      let spent = 0;
      for (let ip = 0; spent < MAX_CARD_FAILURES; ip++) {
        for (let i = 0; i < MAX_CLIENT_FAILURES - 1 && spent < MAX_CARD_FAILURES; i++, spent++) {
          expect((await signIn(ip % 2 ? two : one, 4, wrong(4), `10.53.${ip}.1`)).statusCode).toBe(401);
        }
      }
      for (const app of [one, two]) expect(code(await signIn(app, 4, right(4), '10.53.200.1'))).toBe('RATE_LIMITED');
      // the stronger proof: the member's pass, not throttled per card
      for (const app of [one, two]) {
        const res = await app.inject({ method: 'POST', url: '/api/members/session/pass', remoteAddress: '10.53.200.2', payload: { stationId: M_STATION, pass } });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({ member: { id: member(4).id, stationId: M_STATION } });
      }
      clock.now += CARD_WINDOW_MS;
      try {
        expect((await signIn(two, 4, right(4), '10.53.200.1')).statusCode).toBe(201);
      } finally {
        clock.now -= CARD_WINDOW_MS;
      }
    });

    it.each([
      ['an altered pass', (pass: string) => `${pass.slice(0, -2)}${pass.endsWith('AA') ? 'BA' : 'AA'}`, 'UNAUTHENTICATED'],
      ['a pass for another station', (pass: string) => pass, 'UNAUTHENTICATED', 'ST-ELSEWHERE'],
      ['not a pass', () => 'SD1.garbage.more', 'UNAUTHENTICATED'],
    ])('refuses %s at the pass sign-in', async (_name, mangle, expected, stationId = M_STATION) => {
      const issued = await one.inject({ method: 'POST', url: '/api/admin/passes', headers: ADMIN, payload: { memberId: member(1).id, stationId: M_STATION } });
      const pass = mangle(issued.json<{ pass: string }>().pass);
      const res = await two.inject({ method: 'POST', url: '/api/members/session/pass', remoteAddress: '10.54.0.1', payload: { stationId, pass } });
      expect([res.statusCode, code(res)]).toEqual([401, expected]);
    });

    it('shares a route’s own rate limit (enrollment) between two instances', async () => {
      const answers: string[] = [];
      for (let i = 0; i < 2 * ENROLL_RATE_PER_MINUTE; i++) {
        const res = await (i % 2 ? two : one).inject({ method: 'POST', url: '/api/devices/enroll', remoteAddress: '10.55.0.1', headers: PROTOCOL, payload: { code: 'ZZZZ-ZZZZ', deskName: '前台' } });
        answers.push(code(res)!);
      }
      expect(answers.filter((c) => c === 'ENROLLMENT_CODE_INVALID')).toHaveLength(ENROLL_RATE_PER_MINUTE);
      expect(answers.slice(ENROLL_RATE_PER_MINUTE)).toEqual(Array(ENROLL_RATE_PER_MINUTE).fill('RATE_LIMITED'));
    });
  });
};
