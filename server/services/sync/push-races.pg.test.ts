// Pushes racing each other on PostgreSQL (real concurrent transactions on a pool; PGlite runs one
// at a time and cannot race): ids are station-scoped, so one new id pushed at once from two
// stations is stored once at each, with no refusal that would tell one station about the other
// (docs/sync-protocol.md, "Ids"); one card number claimed at once by many walk-ins and a roster import
// ends with exactly one holder (docs/domain-rules.md, "Members"); photos pushed at once never get past
// the day's allowance (docs/security.md, "Quotas").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRow, WireDoc } from '../../../shared/protocol/messages';
import { ulid } from '../../../shared/ids';
import type { MemberDoc } from '../../../shared/schemas/index';
import { makeCheckIn, makeEquipmentLog, makeMember, makeStation, STATION_ID } from '../../../tests/support/builders/index';
import { upsertMembersByCard } from '../../repositories/members';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db';
import { applyPush } from './push';
import { ensureStation, pullDocs, writeServerDocs } from '../../repositories/sync-store';

const A = { deviceId: 'DEV-A', stationId: STATION_ID };
const B = { deviceId: 'DEV-B', stationId: 'ST-OTHER' };
const NOW = Date.parse('2026-11-29T02:00:00.000Z');
/** Rounds of the race: each one a new id, so a rare interleaving gets several chances to show. */
const ROUNDS = 5;
const PUSHES_PER_ROUND = 20;

const row = (doc: object): PushRow => ({ newDocumentState: { ...doc, _deleted: false } as unknown as WireDoc, assumedMasterState: null });

describe('racing pushes on PostgreSQL', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    for (const station of [A.stationId, B.stationId]) {
      await ensureStation(t.db, station);
      await writeServerDocs(t.db, station, 'stations', [makeStation({ id: station, stationId: station })], { writtenBy: 'test', now: NOW });
    }
  });
  afterAll(async () => t.dispose());

  it(`stores one new id pushed ${PUSHES_PER_ROUND} times at once from two stations once at each, refusing none`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = ulid();
      const mine = makeCheckIn({ id, stationId: A.stationId, badge: 'A-BADGE' });
      const theirs = makeCheckIn({ id, stationId: B.stationId, badge: 'B-BADGE' });
      const results = await Promise.all(
        Array.from({ length: PUSHES_PER_ROUND }, (_, i) => (i % 2 === 0 ? applyPush(t.db, A, 'checkins', [row(mine)], NOW) : applyPush(t.db, B, 'checkins', [row(theirs)], NOW))),
      );
      expect(results.flatMap((r) => [...r.rejected, ...r.conflicts])).toEqual([]);
      for (const [station, badge] of [[A.stationId, 'A-BADGE'], [B.stationId, 'B-BADGE']] as const) {
        const stored = (await pullDocs(t.db, station, 'checkins', { seq: 0 }, 1000)).documents.filter((d) => d.id === id);
        expect(stored, `round ${round}, station ${station}`).toHaveLength(1);
        expect(stored[0]).toMatchObject({ stationId: station, badge });
      }
    }
  });

  const holdersOf = async (cardNo: string) =>
    ((await pullDocs(t.db, A.stationId, 'members', { seq: 0 }, 1000)).documents as unknown as (MemberDoc & { _deleted: boolean })[]).filter(
      (d) => d.cardNo === cardNo && !d._deleted && d.source !== 'provisional',
    );
  const A2 = { deviceId: 'DEV-A2', stationId: A.stationId };

  it(`gives a new card number to exactly one of ${PUSHES_PER_ROUND} walk-ins pushed at once from two desks`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const cardNo = `RACE-${round}-${ulid().slice(-6)}`;
      const walkIns = Array.from({ length: PUSHES_PER_ROUND }, () => makeMember({ stationId: A.stationId, cardNo, source: 'walk-in', validUntil: '2026-12-31T15:59:59.000Z' }));
      const results = await Promise.all(walkIns.map((m, i) => applyPush(t.db, i % 2 === 0 ? A : A2, 'members', [row(m)], NOW)));
      const refused = results.flatMap((r) => r.rejected);
      expect(refused.map((r) => r.code), `round ${round}`).toEqual(Array.from({ length: PUSHES_PER_ROUND - 1 }, () => 'CARD_TAKEN'));
      expect((await holdersOf(cardNo)).map((d) => d.id), `round ${round}`).toEqual(walkIns.filter((m) => !refused.some((r) => r.id === m.id)).map((m) => m.id));
    }
  });

  it('keeps one holder when the roster imports a card while desks register it as walk-ins', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const cardNo = `IMPORT-${round}-${ulid().slice(-6)}`;
      const walkIns = Array.from({ length: PUSHES_PER_ROUND / 2 }, () => makeMember({ stationId: A.stationId, cardNo, source: 'walk-in', validUntil: '2026-12-31T15:59:59.000Z' }));
      const fields = { cardNo, name: '导入会员', phoneMasked: '', phoneTail: '', category: 'union-member' as const, status: 'active' as const, validUntil: '2027-12-31T15:59:59.000Z' };
      await Promise.all([
        ...walkIns.map((m, i) => applyPush(t.db, i % 2 === 0 ? A : A2, 'members', [row(m)], NOW)),
        upsertMembersByCard(t.db, A.stationId, [fields], { now: NOW, writtenBy: 'import' }),
      ]);
      const holders = await holdersOf(cardNo);
      expect(holders, `round ${round}`).toHaveLength(1);
      expect(holders[0], `round ${round}: the roster's values win`).toMatchObject({ source: 'server', validUntil: fields.validUntil });
    }
  });

  it(`stores exactly the day's allowance of photos out of ${PUSHES_PER_ROUND} pushed at once`, async () => {
    const quotas = { deskPhotosPerDay: 5, stationPhotosPerDay: 7, deskBytesPerDay: 1e9, stationBytesPerDay: 1e9 };
    const photo = `data:image/jpeg;base64,${'A'.repeat(1000)}`;
    for (let round = 0; round < ROUNDS; round++) {
      const day = NOW + round * 86_400_000;
      const logs = Array.from({ length: PUSHES_PER_ROUND }, () => makeEquipmentLog({ stationId: A.stationId, photo }));
      const outcomes = await Promise.allSettled(logs.map((log, i) => applyPush(t.db, i % 2 === 0 ? A : A2, 'equipmentLogs', [row(log)], day, { quotas })));
      const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o.reason as { code?: string }).code);
      expect(refused, `round ${round}`).toEqual(Array.from({ length: PUSHES_PER_ROUND - 7 }, () => 'QUOTA_EXCEEDED'));
      const ids = new Set(logs.map((l) => l.id));
      const stored = (await pullDocs(t.db, A.stationId, 'equipmentLogs', { seq: 0 }, 1000)).documents.filter((d) => ids.has(d.id));
      expect(stored, `round ${round}`).toHaveLength(7);
    }
  });
});
