/**
 * One suite for the repositories, run against every storage the desk uses (memory in fast
 * tests, Dexie on IndexedDB in the app). A storage passes only if it behaves identically.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCheckIn, makeMember, makeStaff, makeStation } from '../../tests/support/builders/index';
import type { DeskDatabase } from './database';
import { createDatabase } from './database';
import type { PiiKeys } from './pii-keys';
import { createRepositories, type Repositories } from './repositories/index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const repositorySuite = (storageName: string, makeStorage: () => any, pii?: () => Promise<PiiKeys>) => {
  describe(`repositories on ${storageName}`, () => {
    let db: DeskDatabase;
    let repos: Repositories;
    let n = 0;

    beforeEach(async () => {
      db = await createDatabase({ storage: makeStorage(), name: `contract-${storageName}-${Date.now()}-${n++}`, devChecks: true, ...(pii ? { pii: await pii() } : {}) });
      repos = createRepositories(db);
    });
    afterEach(async () => {
      await db.remove();
    });

    it('stores and finds a member by card number', async () => {
      const m = makeMember({ cardNo: '310000000042' });
      await repos.members.upsert(m);
      expect((await repos.members.findByCard('310000000042'))?.id).toBe(m.id);
      expect(await repos.members.findByCard('310000000043')).toBeNull();
    });

    it('searches members by phone tail, card prefix and name', async () => {
      await repos.members.bulkInsert([
        makeMember({ name: '张三', cardNo: 'A100', phoneTail: '1111', phoneMasked: '139****1111' }),
        makeMember({ name: '李四', cardNo: 'A200', phoneTail: '2222', phoneMasked: '139****2222' }),
        makeMember({ name: '张小明', cardNo: 'B300', phoneTail: '3333', phoneMasked: '139****3333' }),
      ]);
      expect((await repos.members.search('2222')).map((m) => m.name)).toEqual(['李四']);
      expect((await repos.members.search('A')).map((m) => m.cardNo).sort()).toEqual(['A100', 'A200']);
      expect((await repos.members.search('张')).map((m) => m.name).sort()).toEqual(['张三', '张小明']);
      expect(await repos.members.search('   ')).toEqual([]);
      expect(await repos.members.count()).toBe(3);
    });

    it('records check-ins and lists a time range newest first', async () => {
      await repos.checkins.record(makeCheckIn({ at: '2026-11-29T01:00:00.000Z' }));
      await repos.checkins.record(makeCheckIn({ at: '2026-11-29T02:00:00.000Z', outcome: 'deny', reason: 'UNKNOWN_BADGE' }));
      await repos.checkins.record(makeCheckIn({ at: '2026-11-30T02:00:00.000Z' }));
      const range = { from: '2026-11-28T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' };
      const list = await repos.checkins.between(range);
      expect(list.map((c) => c.at)).toEqual(['2026-11-29T02:00:00.000Z', '2026-11-29T01:00:00.000Z']);
      expect(await repos.checkins.countBetween(range)).toBe(2);
    });

    it('stamps serverRev 0 and updatedAt on new records', async () => {
      const { serverRev: _r, updatedAt: _u, ...fields } = makeCheckIn();
      const saved = await repos.checkins.record(fields);
      expect(saved.serverRev).toBe(0);
      expect(Date.parse(saved.updatedAt)).not.toBeNaN();
    });

    it('refuses a second record with the same id (append-only, idempotent ids)', async () => {
      const c = makeCheckIn();
      await repos.checkins.record(c);
      await expect(repos.checkins.record(c)).rejects.toThrow();
      expect(await repos.checkins.countBetween({ from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' })).toBe(1);
    });

    it('finds a member’s recent attempts', async () => {
      await repos.checkins.record(makeCheckIn({ memberId: 'M1', at: '2026-11-29T01:00:00.000Z' }));
      await repos.checkins.record(makeCheckIn({ memberId: 'M1', at: '2026-11-29T01:03:00.000Z' }));
      await repos.checkins.record(makeCheckIn({ memberId: 'M2', at: '2026-11-29T01:04:00.000Z' }));
      const recent = await repos.checkins.forMemberSince('M1', '2026-11-29T01:02:00.000Z');
      expect(recent.map((c) => c.at)).toEqual(['2026-11-29T01:03:00.000Z']);
    });

    it('checks out once; a second check-out keeps the first time', async () => {
      const c = await repos.checkins.record(makeCheckIn());
      const out = await repos.checkins.checkOut(c.id, '2026-11-29T03:00:00.000Z', 'scan', 'S-1');
      expect(out.checkedOutAt).toBe('2026-11-29T03:00:00.000Z');
      const again = await repos.checkins.checkOut(c.id, '2026-11-29T04:00:00.000Z', 'manual', 'S-1');
      expect(again.checkedOutAt).toBe('2026-11-29T03:00:00.000Z');
      await expect(repos.checkins.checkOut('nope', '2026-11-29T04:00:00.000Z', 'manual', 'S-1')).rejects.toThrow(/not found/);
    });

    it('pushes live updates of a range to subscribers', async () => {
      const range = { from: '2026-11-28T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' };
      const seen: number[] = [];
      const unsubscribe = repos.checkins.subscribeBetween(range, (docs) => seen.push(docs.length));
      await repos.checkins.record(makeCheckIn());
      await expect.poll(() => seen.at(-1)).toBe(1);
      unsubscribe();
    });

    it('rejects a document that breaks the schema and stores nothing', async () => {
      await expect(repos.checkins.record({ ...makeCheckIn(), reason: 'NOT_A_REASON' as never })).rejects.toThrow();
      await expect(repos.members.upsert({ ...makeMember(), cardNo: 'bad card!' })).rejects.toThrow();
      expect(await repos.members.count()).toBe(0);
    });

    it('finds the member a card stands for: roster member before review ticket; lists and retires tickets', async () => {
      const ticket = makeMember({ id: 'T-1', cardNo: 'C404', name: '', phoneMasked: '', phoneTail: '', source: 'provisional' });
      await repos.members.upsert(ticket);
      expect((await repos.members.findByCard('C404'))?.id).toBe('T-1');
      expect((await repos.members.provisional()).map((m) => m.id)).toEqual(['T-1']);
      const seen: string[][] = [];
      const unsubscribe = repos.members.subscribeProvisional((docs) => seen.push(docs.map((m) => m.id)));
      await repos.members.upsert(makeMember({ id: 'M-1', cardNo: 'C404', source: 'server' }));
      expect((await repos.members.findByCard('C404'))?.id).toBe('M-1');
      expect((await repos.members.allByCard('C404')).map((m) => m.id).sort()).toEqual(['M-1', 'T-1']);
      await repos.members.retire('T-1');
      await repos.members.retire('not-there');
      expect(await repos.members.provisional()).toEqual([]);
      expect(await repos.members.get('T-1')).toBeNull();
      await expect.poll(() => seen.at(-1)).toEqual([]);
      unsubscribe();
    });

    it('lists open admissions since a time, and a badge’s attempts', async () => {
      await repos.checkins.record(makeCheckIn({ id: 'open', at: '2026-11-29T02:00:00.000Z' }));
      await repos.checkins.record(makeCheckIn({ id: 'warn', at: '2026-11-29T02:30:00.000Z', outcome: 'admit-with-warning', reason: 'NO_SHOW_BAN' }));
      await repos.checkins.record(makeCheckIn({ id: 'deny', at: '2026-11-29T03:00:00.000Z', outcome: 'deny', reason: 'AT_CAPACITY' }));
      await repos.checkins.record(
        makeCheckIn({ id: 'out', at: '2026-11-29T01:00:00.000Z', checkedOutAt: '2026-11-29T01:30:00.000Z', checkOutMethod: 'manual' }),
      );
      await repos.checkins.record(makeCheckIn({ id: 'old', at: '2026-11-27T02:00:00.000Z' }));
      await repos.checkins.record(makeCheckIn({ id: 'badge', at: '2026-11-29T04:00:00.000Z', badge: 'X9', outcome: 'deny', reason: 'UNKNOWN_BADGE' }));
      expect((await repos.checkins.openSince('2026-11-28T00:00:00.000Z')).map((c) => c.id)).toEqual(['warn', 'open']);
      expect((await repos.checkins.openBetween({ from: '2026-11-27T00:00:00.000Z', to: '2026-11-29T02:30:00.000Z' })).map((c) => c.id)).toEqual(['open', 'old']);
      expect((await repos.checkins.forBadgeSince('X9', '2026-11-28T00:00:00.000Z')).map((c) => c.id)).toEqual(['badge']);
      const seen: number[] = [];
      const unsubscribe = repos.checkins.subscribeOpenSince('2026-11-28T00:00:00.000Z', (docs) => seen.push(docs.length));
      await expect.poll(() => seen.at(-1)).toBe(2);
      await repos.checkins.checkOut('open', '2026-11-29T05:00:00.000Z', 'closing', 'system');
      await expect.poll(() => seen.at(-1)).toBe(1);
      unsubscribe();
    });

    it('lists active staff, live', async () => {
      const seen: string[][] = [];
      const unsubscribe = repos.staff.subscribeActive((docs) => seen.push(docs.map((s) => s.id)));
      await repos.staff.save(makeStaff({ id: 'S-1' }));
      await repos.staff.save(makeStaff({ id: 'S-2', active: false }));
      await expect.poll(() => seen.at(-1)).toEqual(['S-1']);
      expect((await repos.staff.active()).map((s) => s.id)).toEqual(['S-1']);
      unsubscribe();
    });

    it('keeps one station profile', async () => {
      expect(await repos.station.current()).toBeNull();
      await repos.station.save(makeStation());
      await repos.station.save(makeStation({ capacity: 80 }));
      expect((await repos.station.current())?.capacity).toBe(80);
    });
  });
};
