/**
 * Member passes end to end, offline verification included: a real server (PGlite) issues passes
 * and revocations with its own code; a real desk database (RxDB, memory storage) pulls the
 * `trust` collection through the real replication; the desk's own pass module verifies with
 * Web Crypto Ed25519 and the shared check-in rule decides. No mocks: signatures, keys and
 * revocations are the server's.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideCheckIn, type CheckInDecision, type PassScan } from '../../shared/domain/check-in';
import { DEMO_STATION_ID, demoMemberId } from '../../shared/demo/members';
import { classifyScan, encodeBase64url, parsePass, type ParsedPass } from '../../shared/passes/index';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import type { DeviceTokens } from '../../shared/protocol/messages';
import type { StationDoc } from '../../shared/schemas/index';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { seedDemoStation } from '../../server/services/demo/seed';
import { issuePass } from '../../server/services/passes/issue';
import { createTestDatabase } from '../../server/testing/test-db';
import { createDatabase, createRepositories, memoryStorage, startReplication, type DeskDatabase, type Repositories, type SyncHandle } from '../../src-renderer/data/index';
import { resolvePassScan, type UnreadablePass } from '../../src-renderer/features/check-in/pass-verify';
import { WAIT_LIMIT_MS, waitUntil } from '../support/wait';

const ADMIN_TOKEN = 'passes-admin-token-0123456789abcdef';
const T0 = Date.UTC(2026, 10, 30, 2, 0, 0); // 10:00 in Shanghai: the demo station is open
const HOUR = 3_600_000;
const clock = { now: T0 };
let db: Database;
let disposeDb: () => Promise<void>;
let app: Awaited<ReturnType<typeof buildApp>>;
let url: string;
let desk: DeskDatabase;
let repos: Repositories;
let sync: SyncHandle;
let station: StationDoc;
const demo = new Map<string, string>();
/** A genuine pass scanned at the desk before its first sync. */
let beforeFirstSync: PassScan;

const admin = async <T>(path: string, payload: object = {}): Promise<T> => {
  const res = await app.inject({ method: 'POST', url: `/api/admin${path}`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload });
  if (res.statusCode >= 300) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
};

const waitFor = (what: string, check: () => Promise<boolean>) => waitUntil(`the desk getting ${what}`, check);
/** Asks the desk to pull now and waits until `check` holds. */
const synced = async (what: string, check: () => Promise<boolean>) => {
  sync.resync();
  await waitFor(what, check);
};
const trustCount = () => desk.trust.count().exec();

const scan = async (text: string, now = clock.now, on: Repositories = repos) => {
  const result = await resolvePassScan(on, text, now);
  if (result.kind !== 'pass') throw new Error(`unreadable: ${result.reason}`);
  return result;
};
const decide = (passScan: PassScan, now = clock.now): CheckInDecision =>
  decideCheckIn({ station, now, scan: passScan, online: false, recentCheckIns: [], occupancy: 0, memberBookings: [] });

beforeAll(async () => {
  ({ db, dispose: disposeDb } = await createTestDatabase('pglite'));
  app = await buildApp({ db, adminToken: ADMIN_TOKEN, now: () => clock.now });
  await seedDemoStation(db, { now: T0, memberCount: 60, passKeys: app.passKeys });
  url = await app.listen({ host: '127.0.0.1', port: 0 });

  const { code } = await admin<{ code: string }>(`/stations/${DEMO_STATION_ID}/enrollment-codes`);
  const enrolled = await app.inject({ method: 'POST', url: '/api/devices/enroll', headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }, payload: { code, deskName: '会员码测试台' } });
  const tokens = enrolled.json<DeviceTokens>();
  desk = await createDatabase({ storage: memoryStorage(), name: `passes-desk-${Date.now()}`, devChecks: true });
  repos = createRepositories(desk);
  beforeFirstSync = await scan((await issuePass(db, app.passKeys, demoMemberId(12), { now: T0, issuedBy: 'test' })).pass);
  sync = startReplication(desk, { serverUrl: url, getAccessToken: async () => ({ token: tokens.accessToken, expiresAt: tokens.accessExpiresAt }), stationId: DEMO_STATION_ID, retryTime: 200, maxBackoffMs: 1000, pollIntervalMs: 2000, now: () => clock.now });
  await waitFor('the station, its members and a pass key', async () => (await repos.station.current()) !== null && (await repos.members.count()) === 60 && (await trustCount()) > 0);
  station = (await repos.station.current())!;

  const sheet = await admin<{ entries: Array<{ memberId: string; note: string; pass: string | null }> }>('/demo/passes');
  for (const e of sheet.entries) if (e.pass) demo.set(e.note === 'valid' ? e.memberId : e.note, e.pass);
  await synced('the demo revocation', async () => (await desk.trust.find({ selector: { kind: 'revocation' } }).exec()).length > 0);
}, 2 * WAIT_LIMIT_MS + 30_000); // two waits at their limit, plus the server's start

afterAll(async () => {
  await sync?.stop();
  await desk?.remove();
  await app?.close();
  await disposeDb?.();
});

describe('a desk verifies member passes offline with the trust data it pulled', () => {
  test('the desk recorded when its trust data last came in', async () => {
    expect(await repos.trust.updatedAt()).toBe(T0);
  });

  test('a valid pass admits its member, named from the roster', async () => {
    const s = await scan(demo.get(demoMemberId(1))!);
    expect(s).toMatchObject({ status: 'valid', memberId: demoMemberId(1), trustUpdatedAt: T0 });
    expect(s.member?.name).toBe('王建国');
    expect(s.badge).toBe((parsePass(demo.get(demoMemberId(1))!) as ParsedPass).payload.p);
    expect(decide(s)).toMatchObject({ outcome: 'admit', reason: 'OK', memberId: demoMemberId(1) });
  });

  test('a pass read with Caps Lock on, or with CR/LF, still verifies', async () => {
    const pass = demo.get(demoMemberId(2))!;
    const capsLock = pass.replace(/[a-z]/gi, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()));
    expect((await scan(capsLock)).status).toBe('valid');
    expect((await scan(`${pass}\r\n`)).status).toBe('valid');
  });

  test('a tampered payload is refused and its claimed member is not believed', async () => {
    const s = await scan(demo.get('tampered')!);
    expect(s).toMatchObject({ status: 'bad-signature', memberId: '', member: null });
    expect(decide(s)).toMatchObject({ outcome: 'deny', reason: 'BAD_SIGNATURE' });
  });

  const withKid = (pass: string, kid: string) => {
    const parsed = parsePass(pass) as ParsedPass;
    const [prefix, , signature] = pass.split('.');
    return `${prefix}.${encodeBase64url(new Uint8Array(Buffer.from(JSON.stringify({ ...parsed.payload, k: kid }))))}.${signature}`;
  };

  test('a wrong key id (another real key) fails the signature; an unknown key id cannot be verified', async () => {
    const rotated = await admin<{ key: { kid: string } }>('/keys/rotate');
    await synced('the new key', async () => (await repos.trust.forPass({ kid: rotated.key.kid, passId: '-', memberId: '-' })).length === 1);
    const pass = demo.get(demoMemberId(3))!;
    const wrong = await scan(withKid(pass, rotated.key.kid));
    expect(wrong.status).toBe('bad-signature');
    expect(decide(wrong).reason).toBe('BAD_SIGNATURE');
    const unknown = await scan(withKid(pass, 'KNOSUCH1'));
    expect(unknown.status).toBe('unknown-key');
    expect(decide(unknown).reason).toBe('BAD_SIGNATURE');
    expect((await scan(pass)).status).toBe('valid'); // rotation keeps the old pass working
  });

  test('an expired pass', async () => {
    const s = await scan(demo.get('expired-pass')!);
    expect(s.status).toBe('expired');
    expect(decide(s).reason).toBe('PASS_EXPIRED');
  });

  test('a pass revoked by its id', async () => {
    const s = await scan(demo.get('revoked-pass')!);
    expect(s.status).toBe('revoked');
    expect(decide(s)).toMatchObject({ outcome: 'deny', reason: 'PASS_REVOKED' });
  });

  test('passes revoked by member; the replacement issued afterwards is valid', async () => {
    const member = demoMemberId(10);
    const old = await admin<{ pass: string }>('/passes', { memberId: member });
    await synced('the pass key', async () => (await scan(old.pass)).status === 'valid');
    await admin('/passes/revoke', { memberId: member });
    const replacement = await admin<{ pass: string }>('/passes', { memberId: member });
    await synced('the member revocation', async () => (await scan(old.pass)).status === 'revoked');
    expect(decide(await scan(old.pass)).reason).toBe('PASS_REVOKED');
    expect(decide(await scan(replacement.pass)).reason).toBe('OK');
  });

  test('a pass not yet valid', async () => {
    const issued = await issuePass(db, app.passKeys, demoMemberId(11), { now: clock.now, issuedBy: 'test', issuedAt: clock.now + 24 * HOUR });
    const s = await scan(issued.pass);
    expect(s.status).toBe('not-yet-valid');
    expect(decide(s).reason).toBe('PASS_NOT_YET_VALID');
  });

  test('a suspended member with a genuine pass is refused for the membership', async () => {
    const s = await scan(demo.get('suspended')!);
    expect(s.status).toBe('valid');
    expect(decide(s).reason).toBe('MEMBER_SUSPENDED');
  });

  test('a valid pass of a member this desk has never seen admits (the signature vouches)', async () => {
    await admin('/stations', { id: 'ST-OTHER', name: '长宁区快递员驿站', type: 'courier-rest', capacity: 10 });
    const csv = 'cardNo,name,phone,category,status,validUntil\n7700001,赵快递,13900007777,courier,active,2027-12-31\n';
    const imported = await app.inject({ method: 'POST', url: '/api/admin/stations/ST-OTHER/members/import', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' }, payload: csv });
    expect(imported.statusCode, imported.body).toBe(200);
    const [{ id }] = (await db.query<{ id: string }>(`SELECT id FROM sync_docs WHERE station_id = 'ST-OTHER' AND collection = 'members'`)).rows as [{ id: string }];
    const issued = await admin<{ pass: string }>('/passes', { memberId: id });
    const s = await scan(issued.pass);
    expect(s).toMatchObject({ status: 'valid', memberId: id, member: null });
    expect(decide(s)).toMatchObject({ outcome: 'admit', reason: 'OK', memberId: id });
  });

  test('a truncated QR asks for a rescan and is not judged at all', async () => {
    const pass = demo.get(demoMemberId(4))!;
    for (const cut of [4, 20, pass.indexOf('.', 4), pass.indexOf('.', 4) + 1, pass.length - 1]) {
      expect(classifyScan(pass.slice(0, cut))).toBe('pass');
      expect(await resolvePassScan(repos, pass.slice(0, cut), clock.now)).toEqual<UnreadablePass>({ kind: 'unreadable', reason: 'truncated' });
    }
  });

  test('garbage input is never a valid pass', async () => {
    expect(classifyScan('会员码!!')).toBe('invalid');
    expect(classifyScan('')).toBe('invalid');
    for (const text of ['SD1.!!!.???', `SD1.${'A'.repeat(120)}.${'B'.repeat(86)}`, `SD1.${'x'.repeat(500)}`, 'SD7.abc.def']) {
      const s = await scan(text);
      expect(s).toMatchObject({ status: 'bad-signature', memberId: '', member: null });
      expect(s.badge.length).toBeLessThanOrEqual(60);
      expect(decide(s).outcome).toBe('deny');
    }
    expect(await resolvePassScan(repos, '310000000001', clock.now)).toEqual({ kind: 'unreadable', reason: 'not-a-pass' });
  });

  test('stale trust data: past 24 h the pass still verifies, with a TRUST_DATA_STALE warning', async () => {
    const later = clock.now + 25 * HOUR;
    const s = await scan(demo.get(demoMemberId(1))!, later);
    expect(s).toMatchObject({ status: 'valid', trustUpdatedAt: T0 });
    expect(decide(s, later)).toMatchObject({ outcome: 'admit-with-warning', reason: 'TRUST_DATA_STALE', warnings: ['TRUST_DATA_STALE'] });
    expect(decide(await scan(demo.get(demoMemberId(1))!, clock.now + 23 * HOUR), clock.now + 23 * HOUR).warnings).toEqual([]);
  });

  test('a desk that never synced cannot verify any pass, and says its trust data is stale', () => {
    expect(beforeFirstSync).toMatchObject({ status: 'unknown-key', trustUpdatedAt: null, memberId: '', member: null });
    expect(decide(beforeFirstSync)).toMatchObject({ outcome: 'deny', reason: 'BAD_SIGNATURE', warnings: ['TRUST_DATA_STALE'] });
  });
});
