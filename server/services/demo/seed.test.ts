import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoMembers, DEMO_FIXED_MEMBERS, DEMO_MEMBER_COUNT, DEMO_STATION_ID } from '../../../shared/demo/members';
import type { DeviceTokens, PullResponse } from '../../../shared/protocol/messages';
import { deriveEquipmentStatus, groupLogsByEquipment, repairStats } from '../../../shared/domain/index';
import { COLLECTION_NAMES, type EquipmentDoc, type EquipmentLogDoc, type StaffDoc } from '../../../shared/schemas/index';
import { docProblem } from '../sync/doc-validation';
import { isDocId } from '../../../shared/ids';
import { ADMIN, createAuthFixture, PROTOCOL, T0, type AuthFixture } from '../../testing/auth-fixture';
import { checkPin } from './pin-verifier';
import { demoSessions } from './seed';

let f: AuthFixture;
let first: { stationId: string; created: boolean; enrollmentCode: string };
beforeAll(async () => {
  f = await createAuthFixture();
  const res = await f.app.inject({ method: 'POST', url: '/api/admin/demo', headers: ADMIN });
  expect(res.statusCode, res.body).toBe(201);
  first = res.json();
}, 120_000);
afterAll(() => f.dispose());

const docs = async (collection: string) =>
  (await f.db.query<{ data: Record<string, unknown>; deleted: boolean }>(`SELECT data, deleted FROM sync_docs WHERE station_id = $1 AND collection = $2`, [DEMO_STATION_ID, collection])).rows;

describe('demo station seed', () => {
  test('creates the demo station with venues, classes, equipment, staff and 3000 members', async () => {
    expect(first).toMatchObject({ stationId: DEMO_STATION_ID, created: true });
    expect(first.enrollmentCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [station] = await docs('stations');
    expect(station!.data).toMatchObject({ name: '静安区职工健身驿站（演示）', type: 'fitness-regular', capacity: 60, utcOffsetMinutes: 480 });
    expect(station!.data.openingHours).toHaveLength(7);
    expect((await docs('venues')).map((v) => v.data.name).sort()).toEqual(['乒乓球室', '健身区', '瑜伽室', '羽毛球场'].sort());
    const equipment = (await docs('equipment')).map((e) => e.data);
    expect(equipment.map((e) => e.assetTag)).toEqual(expect.arrayContaining(['JA-TM-01', 'JA-TM-03', 'JA-BK-04', 'JA-VR-01', 'JA-MR-01', 'JA-BP-01', 'JA-AED-01']));
    const venueIds = new Set((await docs('venues')).map((v) => v.data.id));
    for (const e of equipment) expect(venueIds.has(e.venueId)).toBe(true);
    const sessions = (await docs('sessions')).map((s) => s.data);
    expect(new Set(sessions.map((s) => s.title))).toEqual(new Set(['减脂塑形', '街舞', '太极']));
    expect(sessions.length).toBe(demoSessions(T0).length);
    expect((await docs('members')).length).toBe(DEMO_MEMBER_COUNT);
  }, 60_000);

  test('equipment has a closed repair history: all in service, MTTR has numbers', async () => {
    const equipment = (await docs('equipment')).map((e) => e.data as unknown as EquipmentDoc);
    const logs = (await docs('equipmentLogs')).map((l) => l.data as unknown as EquipmentLogDoc);
    const byItem = groupLogsByEquipment(logs);
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) expect(equipment.some((e) => e.id === log.equipmentId), log.id).toBe(true);
    for (const item of equipment) expect(deriveEquipmentStatus(byItem.get(item.id) ?? []), item.assetTag).toBe('ok');
    const stats = repairStats(byItem.values(), T0 - 30 * 86_400_000, T0);
    expect(stats.repaired).toBe(3);
    expect(stats.mttrMs).toBeGreaterThan(0);
  });

  test('every seeded document passes the shared schema the desks use', async () => {
    for (const collection of COLLECTION_NAMES) {
      for (const row of await docs(collection)) expect(docProblem(collection, { ...row.data, _deleted: row.deleted }), `${collection} ${String(row.data.id)}`).toBeNull();
    }
  }, 60_000);

  test('every seeded id and station id has the one id shape (docs/sync-protocol.md, "Ids")', async () => {
    const { rows } = await f.db.query<{ station_id: string; id: string; data: { stationId: string } }>('SELECT station_id, id, data FROM sync_docs');
    expect(rows.length).toBeGreaterThan(DEMO_MEMBER_COUNT);
    for (const row of rows) expect([row.id, row.station_id, row.data.stationId].filter((id) => !isDocId(id)), row.id).toEqual([]);
  });

  test("the first 50 members are the desk's offline demo members", async () => {
    const byId = new Map((await docs('members')).map((m) => [m.data.id, m.data]));
    for (const member of demoMembers(new Date(T0), DEMO_FIXED_MEMBERS)) {
      const { serverRev: _s, updatedAt: _u, ...fields } = member;
      expect(byId.get(member.id)).toMatchObject(fields);
    }
  });

  test('staff PINs are PBKDF2 verifiers of 1234 and 9999', async () => {
    const staff = (await docs('staff')).map((s) => s.data as unknown as StaffDoc);
    const desk = staff.find((s) => s.role === 'desk')!;
    const manager = staff.find((s) => s.role === 'manager')!;
    expect([desk.name, manager.name]).toEqual(['李前台', '王站长']);
    expect(desk.pin.iterations).toBe(100_000);
    expect(Buffer.from(desk.pin.salt, 'base64')).toHaveLength(16);
    expect(await checkPin('1234', desk.pin)).toBe(true);
    expect(await checkPin('9999', manager.pin)).toBe(true);
    expect(await checkPin('0000', desk.pin)).toBe(false);
  });

  test('is idempotent: a second call seeds nothing and issues a new code', async () => {
    const seqBefore = (await f.db.query<{ seq: string }>('SELECT seq::text FROM station_clock WHERE station_id = $1', [DEMO_STATION_ID])).rows[0]!.seq;
    const res = await f.app.inject({ method: 'POST', url: '/api/admin/demo', headers: ADMIN });
    expect(res.statusCode).toBe(200);
    const second = res.json<typeof first>();
    expect(second).toMatchObject({ stationId: DEMO_STATION_ID, created: false });
    expect(second.enrollmentCode).not.toBe(first.enrollmentCode);
    const seqAfter = (await f.db.query<{ seq: string }>('SELECT seq::text FROM station_clock WHERE station_id = $1', [DEMO_STATION_ID])).rows[0]!.seq;
    expect(seqAfter).toBe(seqBefore);
    expect((await docs('members')).length).toBe(DEMO_MEMBER_COUNT);
  });

  test('a desk enrolled with the code pulls the demo roster', async () => {
    const enrolled = await f.enroll(first.enrollmentCode);
    expect(enrolled.statusCode).toBe(201);
    const { accessToken } = enrolled.json<DeviceTokens>();
    const res = await f.app.inject({ method: 'GET', url: '/api/sync/members/pull?seq=0&limit=10', headers: { ...PROTOCOL, authorization: `Bearer ${accessToken}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json<PullResponse>().documents).toHaveLength(10);
  });
});
