/**
 * The member-pass suite, run on PGlite (passes.test.ts) and PostgreSQL (passes.pg.test.ts).
 * Member passes on the server, through the admin API and the sync API exactly as the CLI and a
 * desk use them: issue → a desk pulls the key → the pass verifies with it; rotation; revocation
 * as a replicated trust document; refusals; admin auth; and no private key anywhere it could leak.
 */
import { createPublicKey, verify } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideCheckIn } from '../../../shared/domain/check-in';
import { DEMO_STATION_ID, demoMemberId } from '../../../shared/demo/members';
import { parsePass, passStatus, type ParsedPass } from '../../../shared/passes/index';
import type { DeviceTokens, PullResponse } from '../../../shared/protocol/messages';
import { DEFAULT_STATION_RULES, type MemberDoc, type TrustDoc } from '../../../shared/schemas/index';
import { buildApp } from '../../app';
import { seedDemoStation } from '../demo/seed';
import { getOrCreateSecret } from '../../repositories/secrets';
import { docProblem } from '../sync/doc-validation';
import { ADMIN, createAuthFixture, errorCode, PROTOCOL, type AuthFixture } from '../../testing/auth-fixture';
import type { TestDbKind } from '../../testing/test-db';
import { createKeyWrapper } from '../../crypto/key-wrap';

const DAY = 86_400_000;
const OTHER_SECRET = 'a-different-secret-0123456789';

export const passesSuite = (kind: TestDbKind) => {
  let f: AuthFixture;
  let desk: DeviceTokens;
  const responses: string[] = [];

  beforeAll(async () => {
    f = await createAuthFixture(kind);
    await seedDemoStation(f.db, { now: f.clock.now, memberCount: 60 });
    desk = await f.enrollDesk(DEMO_STATION_ID);
  }, 60_000);
  afterAll(() => f.dispose());

  const admin = async (method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse> => {
    const res = await f.app.inject({ method, url: `/api/admin${url}`, headers: ADMIN, ...(payload ? { payload } : {}) });
    responses.push(res.body);
    return res;
  };
  const issue = async (memberId: string, extra: object = {}) => {
    const res = await admin('POST', '/passes', { memberId, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ pass: string; id: string; kid: string; validUntil: string; issuedAt: string; stationId: string; name: string }>();
  };

  /** What the desk holds: every trust document, pulled over the sync API (refreshing its token as a desk does). */
  const deskTrust = async (): Promise<TrustDoc[]> => {
    if (f.clock.now >= desk.accessExpiresAt) desk = (await f.refresh(desk.deviceId, desk.refreshToken)).json<DeviceTokens>();
    const res = await f.app.inject({ method: 'GET', url: '/api/sync/trust/pull?seq=0&limit=1000', headers: { ...PROTOCOL, authorization: `Bearer ${desk.accessToken}` } });
    expect(res.statusCode, res.body).toBe(200);
    const docs = res.json<PullResponse>().documents as unknown as Array<TrustDoc & { _deleted: boolean }>;
    for (const doc of docs) expect(docProblem('trust', doc)).toBeNull();
    return docs.filter((d) => !d._deleted);
  };

  /** The desk's verdict, with the public key from its trust documents. */
  const judge = async (pass: string, now = f.clock.now) => {
    const parsed = parsePass(pass) as ParsedPass;
    expect(parsed.ok).toBe(true);
    const trust = await deskTrust();
    const key = trust.find((d) => d.kind === 'key' && d.kid === parsed.payload.k);
    const verified = key
      ? verify(null, parsed.signedBytes, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey }, format: 'jwk' }), parsed.signature)
      : false;
    return passStatus(parsed, trust, now, verified);
  };

  describe('issuing', () => {
    test('a pass for an active member verifies at the desk with the key from its trust documents', async () => {
      const issued = await issue(demoMemberId(1), { validDays: 30 });
      expect(issued).toMatchObject({ stationId: DEMO_STATION_ID, name: '王建国' });
      const parsed = parsePass(issued.pass) as ParsedPass;
      expect(parsed.payload).toMatchObject({ m: demoMemberId(1), c: 'U', k: issued.kid, p: issued.id, i: Math.floor(f.clock.now / 1000) });
      expect(parsed.payload.v).toBe(Math.floor(f.clock.now / 1000) + 30 * 86_400);
      expect(await judge(issued.pass)).toBe('valid');
      expect(await judge(issued.pass, f.clock.now + 31 * DAY)).toBe('expired');
      const audit = await f.db.query<{ details: { passId: string } }>(`SELECT details FROM audit_log WHERE action = 'pass.issue'`);
      expect(audit.rows.map((r) => r.details.passId)).toContain(issued.id);
    });

    test('the same key signs until rotated; the category code follows the member', async () => {
      const a = await issue(demoMemberId(2));
      const b = await issue(demoMemberId(3));
      expect(a.kid).toBe(b.kid);
      expect((parsePass(b.pass) as ParsedPass).payload.c).toBe('C');
    });

    test('a pass never outlives the membership', async () => {
      await f.db.query(`UPDATE sync_docs SET data = jsonb_set(data, '{validUntil}', to_jsonb($2::text)) WHERE collection = 'members' AND id = $1`, [
        demoMemberId(11),
        new Date(f.clock.now + 10 * DAY).toISOString(),
      ]);
      const issued = await issue(demoMemberId(11), { validDays: 365 });
      expect(Date.parse(issued.validUntil)).toBe(Math.floor((f.clock.now + 10 * DAY) / 1000) * 1000);
    });

    test.each([
      ['an unknown member', { memberId: 'NO-SUCH-MEMBER' }, 404, 'NOT_FOUND', /No member/],
      ['a suspended member', { memberId: demoMemberId(7) }, 409, 'BAD_REQUEST', /suspended/],
      ['an expired member', { memberId: demoMemberId(9) }, 409, 'BAD_REQUEST', /expired/],
      ['a member of another station', { memberId: demoMemberId(1), stationId: 'ST-OTHER' }, 404, 'NOT_FOUND', /No member/],
      ['too many days', { memberId: demoMemberId(1), validDays: 400 }, 400, 'SCHEMA_VIOLATION', /./],
      ['a bad member id', { memberId: 'a b' }, 400, 'SCHEMA_VIOLATION', /./],
      ['an extra field', { memberId: demoMemberId(1), privateKey: 'x' }, 400, 'SCHEMA_VIOLATION', /./],
    ])('refuses %s', async (_name, payload, status, code, message) => {
      const before = (await f.db.query('SELECT id FROM member_passes')).rows.length;
      const res = await admin('POST', '/passes', payload);
      expect(res.statusCode, res.body).toBe(status);
      expect([code, 'BAD_REQUEST']).toContain(errorCode(res));
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
      expect((await f.db.query('SELECT id FROM member_passes')).rows.length).toBe(before);
    });
  });

  describe('keys', () => {
    test('rotation: new passes use the new key, passes already issued keep working', async () => {
      const old = await issue(demoMemberId(4));
      f.clock.now += DAY;
      const rotated = await admin('POST', '/keys/rotate', {});
      expect(rotated.statusCode, rotated.body).toBe(201);
      const { key, retired } = rotated.json<{ key: { kid: string }; retired: string[] }>();
      expect(retired).toEqual([]);
      const fresh = await issue(demoMemberId(5));
      expect(fresh.kid).toBe(key.kid);
      expect(fresh.kid).not.toBe(old.kid);
      expect(await judge(old.pass)).toBe('valid');
      expect(await judge(fresh.pass)).toBe('valid');
      const listed = (await admin('GET', '/keys')).json<{ keys: Array<{ kid: string }> }>().keys.map((k) => k.kid);
      expect(listed).toEqual(expect.arrayContaining([old.kid, fresh.kid]));
      expect(listed[0]).toBe(fresh.kid);
    });

    test('rotation with retireOld (a leak): passes of the old keys are refused, new ones work', async () => {
      const old = await issue(demoMemberId(6));
      f.clock.now += 1000;
      const res = await admin('POST', '/keys/rotate', { retireOld: true });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ retired: string[] }>().retired).toContain(old.kid);
      f.clock.now += 1000;
      expect(await judge(old.pass)).toBe('unknown-key');
      expect(await judge((await issue(demoMemberId(6))).pass)).toBe('valid');
    });

    test('without the wrapping secret another server cannot sign; after a rotation it can', async () => {
      const other = await buildApp({ db: f.db, adminToken: 'other-admin-token-0123456789', passKeySecret: OTHER_SECRET, now: () => f.clock.now });
      try {
        const headers = { authorization: 'Bearer other-admin-token-0123456789' };
        const refused = await other.inject({ method: 'POST', url: '/api/admin/passes', headers, payload: { memberId: demoMemberId(12) } });
        expect(refused.statusCode).toBe(503);
        expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/cannot be unlocked.*rotate-keys/);
        expect((await other.inject({ method: 'POST', url: '/api/admin/keys/rotate', headers, payload: {} })).statusCode).toBe(201);
        const issued = await other.inject({ method: 'POST', url: '/api/admin/passes', headers, payload: { memberId: demoMemberId(12) } });
        expect(issued.statusCode, issued.body).toBe(201);
        expect(await judge(issued.json<{ pass: string }>().pass)).toBe('valid');
        // …and now this server is the one that cannot unlock the newest key, until it rotates too.
        expect((await admin('POST', '/passes', { memberId: demoMemberId(12) })).statusCode).toBe(503);
        expect((await admin('POST', '/keys/rotate', {})).statusCode).toBe(201);
      } finally {
        await other.close();
      }
    });
  });

  describe('revocation', () => {
    test('by pass id: a trust document every desk pulls; the pass is refused, others are not', async () => {
      const lost = await issue(demoMemberId(13));
      const kept = await issue(demoMemberId(14));
      const res = await admin('POST', '/passes/revoke', { passId: lost.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ alreadyRevoked: false, passes: 1 });
      const revocation = (await deskTrust()).find((d) => d.kind === 'revocation' && d.passId === lost.id);
      expect(revocation).toMatchObject({ stationId: 'global', memberId: demoMemberId(13), kid: lost.kid, publicKey: '' });
      expect(await judge(lost.pass)).toBe('revoked');
      expect(await judge(kept.pass)).toBe('valid');
      const again = await admin('POST', '/passes/revoke', { passId: lost.id });
      expect(again.json()).toMatchObject({ alreadyRevoked: true });
      expect((await deskTrust()).filter((d) => d.passId === lost.id)).toHaveLength(1);
    });

    test('by member: every pass issued before is refused; one issued the same second after is valid', async () => {
      const a = await issue(demoMemberId(15));
      const b = await issue(demoMemberId(15));
      const res = await admin('POST', '/passes/revoke', { memberId: demoMemberId(15) });
      expect(res.json()).toMatchObject({ alreadyRevoked: false, passes: 2 });
      const replacement = await issue(demoMemberId(15)); // same clock, same second
      expect(await judge(a.pass)).toBe('revoked');
      expect(await judge(b.pass)).toBe('revoked');
      expect(await judge(replacement.pass)).toBe('valid');
      // A second revocation moves the same document forward instead of adding one.
      f.clock.now += 5000;
      await admin('POST', '/passes/revoke', { memberId: demoMemberId(15) });
      expect(await judge(replacement.pass)).toBe('revoked');
      expect((await deskTrust()).filter((d) => d.kind === 'revocation' && d.passId === '' && d.memberId === demoMemberId(15))).toHaveLength(1);
    });

    test.each([
      ['an unknown pass id', { passId: 'NOPE' }, 404],
      ['an unknown member', { memberId: 'NOPE' }, 404],
      ['both at once', { passId: 'A', memberId: 'B' }, 400],
      ['neither', {}, 400],
    ])('refuses %s', async (_name, payload, status) => {
      expect((await admin('POST', '/passes/revoke', payload)).statusCode).toBe(status);
    });
  });

  describe('the demo sheet', () => {
    test('every entry gets the result the sheet promises from the shared decision rule', async () => {
      const res = await admin('POST', '/demo/passes');
      expect(res.statusCode, res.body).toBe(200);
      const { entries } = res.json<{ entries: Array<{ memberId: string; pass: string | null; passExpect: string | null; cardExpect: string }> }>();
      expect(entries.map((e) => e.passExpect)).toEqual(expect.arrayContaining(['OK', 'PASS_EXPIRED', 'PASS_REVOKED', 'MEMBER_SUSPENDED', 'BAD_SIGNATURE', null]));
      const station = { utcOffsetMinutes: 480, openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '06:00', close: '22:00' })), capacity: 60, rules: DEFAULT_STATION_RULES };
      for (const entry of entries) {
        const { rows } = await f.db.query<{ data: MemberDoc }>(`SELECT data FROM sync_docs WHERE collection = 'members' AND id = $1`, [entry.memberId]);
        const member = rows[0]!.data;
        const decide = (scan: Parameters<typeof decideCheckIn>[0]['scan']) =>
          decideCheckIn({ station, now: f.clock.now, scan, online: true, recentCheckIns: [], occupancy: 0, memberBookings: [] }).reason;
        expect(decide({ kind: 'card', badge: member.cardNo, member }), entry.memberId).toBe(entry.cardExpect);
        if (!entry.pass) continue;
        const status = await judge(entry.pass);
        const scan = { kind: 'pass' as const, badge: '', status, memberId: entry.memberId, member, trustUpdatedAt: f.clock.now };
        expect(decide(scan), entry.memberId).toBe(entry.passExpect);
      }
    });
  });

  describe('security', () => {
    test('every pass route requires the admin token', async () => {
      for (const [method, url] of [['POST', '/passes'], ['POST', '/passes/revoke'], ['GET', '/keys'], ['POST', '/keys/rotate'], ['POST', '/demo/passes']] as const) {
        for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${desk.accessToken}` }]) {
          const res = await f.app.inject({ method, url: `/api/admin${url}`, headers, payload: { memberId: demoMemberId(1) } });
          expect(res.statusCode, `${method} ${url}`).toBe(401);
        }
      }
    });

    test('no private key in any response, trust document or audit entry; stored only wrapped', async () => {
      const wrappers = [createKeyWrapper(await getOrCreateSecret(f.db, 'pass-key-wrap')), createKeyWrapper(OTHER_SECRET)];
      const unwrap = (kid: string, value: string) => {
        for (const w of wrappers) {
          try {
            return w.unwrap(kid, value);
          } catch {
            // the other server's secret
          }
        }
        throw new Error(`${kid} unwraps with neither secret`);
      };
      const { rows } = await f.db.query<{ name: string; value: string }>(`SELECT name, value FROM server_secrets WHERE name LIKE 'pass-key:%'`);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      const audit = (await f.db.query<{ details: unknown }>('SELECT details FROM audit_log')).rows.map((r) => JSON.stringify(r.details));
      const everything = [...responses, JSON.stringify(await deskTrust()), ...audit].join('\n');
      for (const { name, value } of rows) {
        const der = unwrap(name.slice('pass-key:'.length), value);
        const seed = der.subarray(der.length - 32); // PKCS#8 Ed25519: the 32-byte private seed ends it
        for (const secret of [der, seed]) {
          for (const encoding of ['base64', 'base64url', 'hex'] as const) {
            const text = secret.toString(encoding).replace(/=+$/, '');
            expect(everything.includes(text), `${name} (${encoding})`).toBe(false);
            expect(value.includes(text), `${name} stored in the clear (${encoding})`).toBe(false);
          }
        }
      }
    });

    test('a wrapped key is bound to its key id and to the secret', () => {
      const wrapper = createKeyWrapper('a-secret-of-enough-length');
      const stored = wrapper.wrap('K1', Buffer.from('private key bytes'));
      expect(wrapper.unwrap('K1', stored).toString()).toBe('private key bytes');
      expect(() => wrapper.unwrap('K2', stored)).toThrow();
      expect(() => createKeyWrapper('another-secret-of-enough-length').unwrap('K1', stored)).toThrow();
      expect(() => createKeyWrapper('short')).toThrow();
    });
  });
};
