// Token-signing keys on a real database (issue 10, findings 5 and 8): a database reader cannot
// forge a token (the keys are wrapped with a secret outside the database), a token's signature
// is accepted in one spelling only, a rotation signs nobody out — across two app instances on
// one database — and a plain key left by an older server is wrapped on start while the tokens it
// signed keep working until they expire.
import { createHmac } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceTokens } from '../../shared/protocol/messages';
import { buildApp } from '../app';
import { ADMIN, ADMIN_TOKEN, PROTOCOL, T0 } from '../testing/auth-fixture';
import { MEMBERS, M_STATION } from '../testing/member-fixture';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../testing/test-db';
import { writeServerDocs } from '../repositories/sync-store';
import { ACCESS_TOKEN_TTL_MS } from '../crypto/tokens';
import { RELOAD_MS } from './token-keys';

const WRAP_SECRET = 'a-pass-key-secret-outside-the-database';
const YEAR_2100 = Date.UTC(2100, 0, 1);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const code = (res: LightMyRequestResponse) => (res.json() as { error?: { code?: string } }).error?.code;

export const tokenKeysSuite = (kind: TestDbKind) => {
  describe(`token-signing keys on ${kind}`, () => {
    let t: TestDatabase;
    let clock: { now: number };
    let apps: FastifyInstance[];
    let ip = 0;
    const open = async () => {
      const app = await buildApp({ db: t.db, adminToken: ADMIN_TOKEN, passKeySecret: WRAP_SECRET, now: () => clock.now });
      await app.ready();
      apps.push(app);
      return app;
    };
    const pull = (app: FastifyInstance, token: string) =>
      app.inject({ method: 'GET', url: '/api/sync/stations/pull?seq=0', headers: { ...PROTOCOL, authorization: `Bearer ${token}` } });
    const asMember = (app: FastifyInstance, token: string) =>
      app.inject({ method: 'GET', url: '/api/members/me/bookings', remoteAddress: `10.77.0.${++ip % 250}`, headers: { authorization: `Bearer ${token}` } });
    const enrollDesk = async (app: FastifyInstance): Promise<DeviceTokens> => {
      const issued = await app.inject({ method: 'POST', url: `/api/admin/stations/${M_STATION}/enrollment-codes`, headers: ADMIN, payload: {} });
      const res = await app.inject({ method: 'POST', url: '/api/devices/enroll', remoteAddress: `10.78.0.${++ip % 250}`, headers: PROTOCOL, payload: { code: issued.json<{ code: string }>().code, deskName: '前台' } });
      expect(res.statusCode).toBe(201);
      return res.json<DeviceTokens>();
    };
    const signInMember = async (app: FastifyInstance): Promise<string> => {
      const res = await app.inject({ method: 'POST', url: '/api/members/session', remoteAddress: `10.79.0.${++ip % 250}`, payload: { stationId: M_STATION, cardNo: MEMBERS[0]!.cardNo, phoneTail: '0001' } });
      expect(res.statusCode).toBe(201);
      return res.json<{ accessToken: string }>().accessToken;
    };
    const rotate = async (app: FastifyInstance, retireOld = false) => {
      const res = await app.inject({ method: 'POST', url: '/api/admin/token-keys/rotate', headers: ADMIN, payload: { retireOld } });
      expect(res.statusCode).toBe(201);
      return res.json<{ keys: { purpose: string; kid: string; retiring: string[] }[] }>().keys;
    };

    beforeAll(async () => {
      t = await createTestDatabase(kind);
      clock = { now: T0 };
      apps = [];
      const app = await open();
      const created = await app.inject({ method: 'POST', url: '/api/admin/stations', headers: ADMIN, payload: { id: M_STATION, name: '测试驿站', type: 'fitness-simple', capacity: 20 } });
      expect(created.statusCode).toBe(201);
      await writeServerDocs(t.db, M_STATION, 'members', MEMBERS, { writtenBy: 'test', now: T0 });
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await t.dispose();
    });

    it('refuses every desk token a database reader can forge, however long it claims to live', async () => {
      const app = apps[0]!;
      const desk = await enrollDesk(app);
      expect((await pull(app, desk.accessToken)).statusCode).toBe(200);
      // everything the database holds that could be a key, as the attacker of finding 5 read it
      const values = (await t.db.query<{ value: string }>('SELECT value FROM server_secrets')).rows.map((r) => r.value);
      const hasKeyTable = (await t.db.query<{ t: string | null }>("SELECT to_regclass('token_keys')::text AS t")).rows[0]?.t;
      const kids = ['legacy'];
      if (hasKeyTable) {
        const rows = (await t.db.query<{ kid: string; wrapped: string }>('SELECT kid, wrapped FROM token_keys')).rows;
        values.push(...rows.map((r) => r.wrapped));
        kids.push(...rows.map((r) => r.kid));
      }
      expect(values.length).toBeGreaterThan(0);
      const claims = { deviceId: desk.deviceId, stationId: desk.stationId, iat: clock.now, exp: YEAR_2100 };
      let tried = 0;
      for (const value of values) {
        for (const secret of [Buffer.from(value, 'base64'), Buffer.from(value, 'utf8')]) {
          for (const signed of [`sd1.${b64(claims)}`, ...kids.map((kid) => `sd1.${kid}.${b64(claims)}`)]) {
            const forged = `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
            const res = await pull(app, forged);
            expect(res.statusCode, `forged with a database value as the key: ${res.body}`).toBe(401);
            expect(code(res)).toBe('TOKEN_INVALID');
            tried++;
          }
        }
      }
      expect(tried).toBeGreaterThan(0);
    });

    it('accepts a desk or member token in exactly one spelling', async () => {
      const app = apps[0]!;
      const desk = await enrollDesk(app);
      const member = await signInMember(app);
      const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const respell = (token: string): [string, string][] => {
        const cut = token.lastIndexOf('.');
        const [head, sig] = [token.slice(0, cut), token.slice(cut + 1)];
        const variants: [string, string][] = [
          ['padded with =', `${sig}=`],
          ['padded with ==', `${sig}==`],
          ['standard base64', Buffer.from(sig, 'base64url').toString('base64')],
          ['non-zero trailing bits', sig.slice(0, -1) + ALPHABET[ALPHABET.indexOf(sig.at(-1)!) ^ 1]!],
          ['in the standard alphabet', sig.replaceAll('-', '+').replaceAll('_', '/')],
        ];
        return variants.filter(([, s]) => s !== sig).map(([name, s]) => [name, `${head}.${s}`]);
      };
      expect((await pull(app, desk.accessToken)).statusCode).toBe(200);
      expect((await asMember(app, member)).statusCode).toBe(200);
      for (const [name, token] of respell(desk.accessToken)) {
        const res = await pull(app, token);
        expect([name, res.statusCode, code(res)]).toEqual([name, 401, 'TOKEN_INVALID']);
      }
      for (const [name, token] of respell(member)) {
        const res = await asMember(app, token);
        expect([name, res.statusCode, code(res)]).toEqual([name, 401, 'TOKEN_INVALID']);
      }
    });

    it('rotates keys without signing anyone out, on every app instance sharing the database', async () => {
      const [one] = apps as [FastifyInstance];
      const two = await open();
      const desk = await enrollDesk(one);
      const member = await signInMember(one);
      expect((await pull(two, desk.accessToken)).statusCode).toBe(200);

      const keys = await rotate(one);
      expect(keys.map((k) => k.purpose).sort()).toEqual(['access', 'member']);
      const newKid = keys.find((k) => k.purpose === 'access')!.kid;
      expect(keys.find((k) => k.purpose === 'access')!.retiring).toContain(desk.accessToken.split('.')[1]);
      // old tokens still work on both instances
      for (const app of [one, two]) {
        expect((await pull(app, desk.accessToken)).statusCode).toBe(200);
        expect((await asMember(app, member)).statusCode).toBe(200);
      }
      // new tokens from the rotating instance carry the new key, and the other instance knows it at once
      const fresh = await enrollDesk(one);
      expect(fresh.accessToken.split('.')[1]).toBe(newKid);
      expect((await pull(two, fresh.accessToken)).statusCode).toBe(200);
      // the other instance signs with the new key from its next reload on
      clock.now += RELOAD_MS;
      const fromTwo = await enrollDesk(two);
      expect(fromTwo.accessToken.split('.')[1]).toBe(newKid);
      expect((await pull(one, fromTwo.accessToken)).statusCode).toBe(200);

      // a suspected leak: old keys end now; a genuine old token is "expired", so the desk refreshes instead of re-enrolling
      const beforeLeak = await enrollDesk(one);
      const memberBefore = await signInMember(one);
      await rotate(one, true);
      const refused = await pull(one, beforeLeak.accessToken);
      expect([refused.statusCode, code(refused)]).toEqual([401, 'TOKEN_EXPIRED']);
      expect(code(await asMember(one, memberBefore))).toBe('TOKEN_EXPIRED');
      clock.now += RELOAD_MS;
      expect(code(await pull(two, beforeLeak.accessToken))).toBe('TOKEN_EXPIRED');
      const refreshed = await one.inject({ method: 'POST', url: '/api/devices/refresh', headers: PROTOCOL, payload: { deviceId: beforeLeak.deviceId, refreshToken: beforeLeak.refreshToken } });
      expect(refreshed.statusCode).toBe(200);
      expect((await pull(two, refreshed.json<DeviceTokens>().accessToken)).statusCode).toBe(200);
    });

    it('wraps a plain key left by an older server on start; the tokens it signed work until they expire', async () => {
      const plain = Buffer.alloc(32, 7);
      await t.db.query("INSERT INTO server_secrets (name, value) VALUES ('access-token-hmac', $1) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", [plain.toString('base64')]);
      const desk = await enrollDesk(apps[0]!);
      const signed = `sd1.${b64({ deviceId: desk.deviceId, stationId: desk.stationId, exp: clock.now + ACCESS_TOKEN_TTL_MS })}`;
      const legacyToken = `${signed}.${createHmac('sha256', plain).update(signed).digest('base64url')}`;
      const upgraded = await open();
      expect((await pull(upgraded, legacyToken)).statusCode).toBe(200);
      const rows = await t.db.query<{ name: string }>("SELECT name FROM server_secrets WHERE name = 'access-token-hmac'");
      expect(rows.rows).toEqual([]);
      const wrapped = (await t.db.query<{ kid: string; wrapped: string }>("SELECT kid, wrapped FROM token_keys WHERE purpose = 'access'")).rows;
      expect(wrapped.map((r) => r.kid)).toContain('legacy');
      for (const r of wrapped) expect(r.wrapped).not.toContain(plain.toString('base64'));
      // new tokens are not signed with the legacy key, and it stops verifying once its tokens have expired
      expect((await enrollDesk(upgraded)).accessToken.split('.')[1]).not.toBe('legacy');
      clock.now += ACCESS_TOKEN_TTL_MS + 2 * RELOAD_MS + 60_000;
      const late = `sd1.${b64({ deviceId: desk.deviceId, stationId: desk.stationId, exp: clock.now + 60_000 })}`;
      const lateToken = `${late}.${createHmac('sha256', plain).update(late).digest('base64url')}`;
      const late401 = await pull(upgraded, lateToken);
      expect([late401.statusCode, code(late401)]).toEqual([401, 'TOKEN_EXPIRED']);
    });
  });
};
