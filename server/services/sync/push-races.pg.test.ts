// Pushes racing each other on PostgreSQL (real concurrent transactions on a pool; PGlite runs one
// at a time and cannot race): ids are station-scoped, so one new id pushed at once from two
// stations is stored once at each, with no refusal that would tell one station about the other
// (docs/sync-protocol.md, "Ids").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushRow, WireDoc } from '../../../shared/protocol/messages';
import { ulid } from '../../../shared/ids';
import { makeCheckIn, makeStation, STATION_ID } from '../../../tests/support/builders/index';
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
});
