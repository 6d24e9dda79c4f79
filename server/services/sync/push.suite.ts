/**
 * The store's contract, run on PGlite and on PostgreSQL (same SQL, same results): commit-ordered
 * pulls, idempotent and exactly-conflicting pushes, per-row rejection, station scope, server
 * authority over bookings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushRow, WireDoc } from '../../../shared/protocol/messages';
import type { BookingDoc, CollectionName, MemberDoc, VenueDoc } from '../../../shared/schemas/index';
import { GLOBAL_STATION_ID } from '../../../shared/schemas/index';
import { ulid } from '../../../shared/ids';
import { makeCheckIn, makeMember, makeStation, STATION_ID } from '../../../tests/support/builders/index';
import type { Database } from '../../db/database';
import { createTestDatabase, type TestDatabase, type TestDbKind } from '../../testing/test-db';
import { applyPush } from './push';
import { ensureStation, pullDocs, writeServerDocs } from '../../repositories/sync-store';
import { upsertMembersByCard } from '../../repositories/members';

const DESK = { deviceId: 'DEV-1', stationId: STATION_ID };
const OTHER = { deviceId: 'DEV-9', stationId: 'ST-OTHER' };
const NOW = Date.parse('2026-11-29T02:00:00.000Z');

const wire = <T extends object>(doc: T, deleted = false) => ({ ...doc, _deleted: deleted }) as unknown as WireDoc;
const row = <T extends object>(doc: T, assumed: WireDoc | null = null): PushRow => ({ newDocumentState: wire(doc), assumedMasterState: assumed });

const pullAll = async (db: Database, stationId: string, collection: CollectionName, seq = 0) => pullDocs(db, stationId, collection, { seq }, 1000);

export const pushSuite = (kind: TestDbKind) => {
  describe(`sync store on ${kind}`, () => {
    let t: TestDatabase;
    let db: Database;

    beforeEach(async () => {
      t = await createTestDatabase(kind);
      db = t.db;
      await ensureStation(db, STATION_ID);
      await ensureStation(db, OTHER.stationId);
      await writeServerDocs(db, STATION_ID, 'stations', [makeStation()], { writtenBy: 'test', now: NOW });
    });
    afterEach(async () => t.dispose());

    it('pulls pushed documents in commit order with the server stamp', async () => {
      const a = makeCheckIn({ at: '2026-11-29T01:00:00.000Z' });
      const b = makeCheckIn({ at: '2026-11-29T01:01:00.000Z' });
      const result = await applyPush(db, DESK, 'checkins', [row(a), row(b)], NOW);
      expect(result).toMatchObject({ conflicts: [], rejected: [] });
      const page = await pullAll(db, STATION_ID, 'checkins');
      expect(page.documents.map((d) => d.id)).toEqual([a.id, b.id]);
      const [first, second] = page.documents;
      expect(second!.serverRev).toBe(first!.serverRev + 1);
      expect(page.checkpoint.seq).toBe(second!.serverRev);
      expect(first!._deleted).toBe(false);
      expect(page.more).toBeUndefined();
      expect(await pullAll(db, STATION_ID, 'checkins', page.checkpoint.seq)).toEqual({ documents: [], checkpoint: page.checkpoint });
    });

    it("answers a checkpoint from another database (a restore, a fresh server) from the start", async () => {
      const docs = [makeCheckIn(), makeCheckIn()];
      await applyPush(db, DESK, 'checkins', docs.map((d) => row(d)), NOW);
      const page = await pullDocs(db, STATION_ID, 'checkins', { seq: 0 }, 100);
      expect(page.checkpoint.epoch).toMatch(/^[0-9a-f]{16}$/);
      const caughtUp = await pullDocs(db, STATION_ID, 'checkins', page.checkpoint, 100);
      expect(caughtUp.documents).toEqual([]);
      const elsewhere = await pullDocs(db, STATION_ID, 'checkins', { seq: page.checkpoint.seq + 500, epoch: 'ffffffffffffffff' }, 100);
      expect(elsewhere.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
      expect(elsewhere.checkpoint).toEqual(page.checkpoint);
    });

    it('pages by limit without skipping or repeating', async () => {
      const docs = Array.from({ length: 25 }, () => makeCheckIn());
      await applyPush(db, DESK, 'checkins', docs.map((d) => row(d)), NOW);
      const seen: string[] = [];
      const remaining: number[] = [];
      let seq = 0;
      for (;;) {
        const page = await pullDocs(db, STATION_ID, 'checkins', { seq }, 7, { count: true });
        if (page.documents.length === 0) break;
        seen.push(...page.documents.map((d) => d.id));
        remaining.push(page.remaining ?? -1);
        seq = page.checkpoint.seq;
      }
      expect(seen).toEqual(docs.map((d) => d.id));
      expect(remaining).toEqual([18, 11, 4, 0]);
    });

    it('cuts pages of large documents by size and says how many remain', async () => {
      const photo = `data:image/jpeg;base64,${'A'.repeat(290_000)}`;
      const logs = Array.from({ length: 20 }, (_, i) => ({
        id: `LOG-${String(i).padStart(2, '0')}`, stationId: STATION_ID, serverRev: 0, updatedAt: '2026-11-29T01:00:00.000Z', equipmentId: 'EQ-1',
        event: 'fault-reported', severity: 'low', description: '跑步机异响', photo, at: '2026-11-29T01:00:00.000Z', deskId: 'DEV-1', staffId: 'S-1',
      }));
      await applyPush(db, DESK, 'equipmentLogs', logs.map((l) => row(l)), NOW);
      const first = await pullDocs(db, STATION_ID, 'equipmentLogs', { seq: 0 }, 500, { count: true });
      expect(first.documents.length).toBeLessThan(20);
      expect(first.more).toBe(true);
      expect(JSON.stringify(first).length).toBeLessThan(5 * 1024 * 1024);
      expect(first.remaining).toBe(20 - first.documents.length);
      const uncounted = await pullDocs(db, STATION_ID, 'equipmentLogs', first.checkpoint, 500);
      expect(uncounted.remaining).toBeUndefined();
    });

    it('treats a retried push as a no-op', async () => {
      const c = makeCheckIn();
      await applyPush(db, DESK, 'checkins', [row(c)], NOW);
      const before = await pullAll(db, STATION_ID, 'checkins');
      const again = await applyPush(db, DESK, 'checkins', [row(c)], NOW);
      expect(again).toMatchObject({ conflicts: [], rejected: [], hints: [] });
      expect(await pullAll(db, STATION_ID, 'checkins')).toEqual(before);
    });

    it('applies an update made on the current revision and reports a stale one as a conflict', async () => {
      const c = makeCheckIn();
      await applyPush(db, DESK, 'checkins', [row(c)], NOW);
      const [master] = (await pullAll(db, STATION_ID, 'checkins')).documents;
      const out = { ...master!, checkedOutAt: '2026-11-29T03:00:00.000Z', checkOutMethod: 'scan' as const };
      expect(await applyPush(db, DESK, 'checkins', [row(out, master!)], NOW)).toMatchObject({ conflicts: [], rejected: [] });
      // another desk still believes the original revision
      const late = { ...master!, checkedOutAt: '2026-11-29T04:00:00.000Z', checkOutMethod: 'manual' as const };
      const result = await applyPush(db, DESK, 'checkins', [row(late, master!)], NOW);
      expect(result.conflicts).toHaveLength(1);
      expect(result.conflicts[0]).toMatchObject({ id: c.id, checkedOutAt: '2026-11-29T03:00:00.000Z' });
      expect(result.conflicts[0]!.serverRev).toBeGreaterThan(master!.serverRev);
    });

    it('rejects invalid rows and still applies the valid ones', async () => {
      const good = makeCheckIn();
      const bad = { ...makeCheckIn(), reason: 'NOPE' };
      const foreign = makeCheckIn({ stationId: OTHER.stationId });
      const result = await applyPush(db, DESK, 'checkins', [row(bad), row(good), row(foreign)], NOW);
      expect(result.rejected.map((r) => r.code).sort()).toEqual(['SCHEMA_VIOLATION', 'WRONG_STATION']);
      expect((await pullAll(db, STATION_ID, 'checkins')).documents.map((d) => d.id)).toEqual([good.id]);
      expect((await pullAll(db, OTHER.stationId, 'checkins')).documents).toEqual([]);
    });

    it("keeps ids station-scoped: another station's document with the same id is neither refused nor touched", async () => {
      const theirs = makeCheckIn({ stationId: OTHER.stationId, badge: 'THEIRS' });
      await applyPush(db, OTHER, 'checkins', [row(theirs)], NOW);
      const mine = { ...theirs, stationId: STATION_ID, badge: 'MINE' };
      expect(await applyPush(db, DESK, 'checkins', [row(mine)], NOW)).toMatchObject({ conflicts: [], rejected: [] });
      expect((await pullAll(db, OTHER.stationId, 'checkins')).documents).toEqual([expect.objectContaining({ id: theirs.id, stationId: OTHER.stationId, badge: 'THEIRS' })]);
      expect((await pullAll(db, STATION_ID, 'checkins')).documents).toEqual([expect.objectContaining({ id: theirs.id, stationId: STATION_ID, badge: 'MINE' })]);
    });

    const badIds: [string, unknown][] = [
      ['a path', '../../etc/passwd'],
      ['a line break', 'CI-1\nX'],
      ['a control character', 'CI\u00071'],
      ['a bidi override', 'CI-\u202Etxt'],
      ['all spaces', '     '],
      ['forty-one characters', 'C'.repeat(41)],
      ['full-width letters', 'ＣＩ１'],
      ['a number', 7],
    ];
    it('refuses every row whose id or station id is not of the id shape (BAD_ID) and applies the rest', async () => {
      const good = makeCheckIn();
      const badId = badIds.map(([what, id]) => ({ what: `id: ${what}`, doc: { ...makeCheckIn(), id }, echo: typeof id === 'string' ? id : '' }));
      const badStation = badIds.map(([what, stationId]) => {
        const doc = makeCheckIn({ stationId: stationId as string });
        return { what: `station id: ${what}`, doc, echo: doc.id };
      });
      const cases = [...badId, ...badStation];
      const result = await applyPush(db, DESK, 'checkins', [...cases.map((c) => row(c.doc)), row(good)], NOW);
      expect(result.rejected).toHaveLength(cases.length);
      cases.forEach((c, i) => {
        expect(result.rejected[i], c.what).toMatchObject({ code: 'BAD_ID', id: c.echo });
        expect(result.rejected[i]!.message, c.what).toMatch(/^(Document|Station) id "[\x20-\x7e]*" is not an id/);
      });
      expect((await pullAll(db, STATION_ID, 'checkins')).documents.map((d) => d.id)).toEqual([good.id]);
    });

    it('keeps check-ins append-only except the check-out', async () => {
      const c = makeCheckIn();
      await applyPush(db, DESK, 'checkins', [row(c)], NOW);
      const [master] = (await pullAll(db, STATION_ID, 'checkins')).documents;
      const forged = { ...master!, outcome: 'deny' as const, reason: 'UNKNOWN_BADGE' as const };
      const deleted = { ...wire(master!, true) };
      const result = await applyPush(db, DESK, 'checkins', [row(forged, master!)], NOW);
      expect(result.rejected[0]).toMatchObject({ code: 'APPEND_ONLY_VIOLATION' });
      const del = await applyPush(db, DESK, 'checkins', [{ newDocumentState: deleted, assumedMasterState: master! }], NOW);
      expect(del.rejected[0]).toMatchObject({ code: 'APPEND_ONLY_VIOLATION' });
      expect((await pullAll(db, STATION_ID, 'checkins')).documents[0]).toMatchObject({ outcome: 'admit', _deleted: false });
    });

    it("keeps a server member's status, validity and sign-in digits out of desks' reach", async () => {
      const member = makeMember({ status: 'suspended' });
      await writeServerDocs(db, STATION_ID, 'members', [member], { writtenBy: 'test', now: NOW });
      const [master] = (await pullAll(db, STATION_ID, 'members')).documents;
      const revive = { ...master!, status: 'active', validUntil: '2099-12-31T15:59:59.000Z' };
      const phone = { ...master!, phoneTail: '0000', phoneMasked: '139****0000' };
      const forged = makeMember({ cardNo: 'FORGED1', source: 'server' });
      for (const attempt of [row(revive, master!), row(phone, master!), row(forged)]) {
        expect((await applyPush(db, DESK, 'members', [attempt], NOW)).rejected.map((r) => r.code)).toEqual(['FORBIDDEN']);
      }
      const renamed = { ...master!, name: '王建国（已核实）' };
      expect((await applyPush(db, DESK, 'members', [row(renamed, master!)], NOW)).rejected).toEqual([]);
      const walkIn = makeMember({ cardNo: 'WALKIN1', source: 'walk-in' });
      expect((await applyPush(db, DESK, 'members', [row(walkIn)], NOW)).rejected).toEqual([]);
      const stored = (await pullAll(db, STATION_ID, 'members')).documents;
      expect(stored.find((d) => d.id === member.id)).toMatchObject({ status: 'suspended', phoneTail: member.phoneTail, name: '王建国（已核实）' });
      expect(stored.some((d) => d.id === forged.id)).toBe(false);
    });

    describe('desk-made members: no sequence of pushes mints a server member or doubles a card', () => {
      type Doc = MemberDoc & { _deleted?: boolean };
      interface Step {
        /** the next state, from the stored one (null before the first push) */
        write: (stored: Doc | null) => Partial<Doc>;
        /** the rejection's code, or null when the push applies */
        refused: string | null;
      }
      const ROSTER_CARD = 'ROSTER-CARD-1';
      const walkIn = (over: Partial<Doc> = {}) => (): Partial<Doc> => ({ source: 'walk-in', status: 'active', validUntil: '2026-12-31T15:59:59.000Z', ...over });
      const ticket = (over: Partial<Doc> = {}) => (): Partial<Doc> => ({ source: 'provisional', name: '', validUntil: '2026-11-29T02:00:00.000Z', ...over });
      const change = (over: Partial<Doc>) => (stored: Doc | null): Partial<Doc> => ({ ...stored!, ...over });
      const sequences: [string, Step[]][] = [
        ['walk-in, then source server', [{ write: walkIn(), refused: null }, { write: change({ source: 'server' }), refused: 'FORBIDDEN' }]],
        ['ticket, then source server', [{ write: ticket(), refused: null }, { write: change({ source: 'server', validUntil: '2030-01-01T00:00:00.000Z' }), refused: 'FORBIDDEN' }]],
        ['ticket, registered, then source server', [{ write: ticket(), refused: null }, { write: change({ source: 'walk-in', name: '张三', validUntil: '2026-12-31T15:59:59.000Z' }), refused: null }, { write: change({ source: 'server' }), refused: 'FORBIDDEN' }]],
        ['a server member from the start', [{ write: walkIn({ source: 'server' }), refused: 'FORBIDDEN' }]],
        ['a walk-in valid for decades', [{ write: walkIn({ validUntil: '2100-01-01T00:00:00.000Z' }), refused: 'FORBIDDEN' }]],
        ['walk-in, then validity for decades', [{ write: walkIn(), refused: null }, { write: change({ validUntil: '2100-01-01T00:00:00.000Z' }), refused: 'FORBIDDEN' }]],
        ['walk-in, then back to a ticket', [{ write: walkIn(), refused: null }, { write: change({ source: 'provisional' }), refused: 'FORBIDDEN' }]],
        ['walk-in retired, then back as a server member', [{ write: walkIn(), refused: null }, { write: change({ _deleted: true }), refused: null }, { write: change({ _deleted: false, source: 'server' }), refused: 'APPEND_ONLY_VIOLATION' }]],
        ['walk-in blocked (suspended) and renamed', [{ write: walkIn(), refused: null }, { write: change({ status: 'suspended', validUntil: '2026-11-29T02:00:00.000Z', name: '已停用' }), refused: null }]],
        ["a walk-in with the roster's card", [{ write: walkIn({ cardNo: ROSTER_CARD }), refused: 'CARD_TAKEN' }]],
        ["a ticket for the roster's card, then registered", [{ write: ticket({ cardNo: ROSTER_CARD }), refused: null }, { write: change({ source: 'walk-in', name: '李四', validUntil: '2026-12-31T15:59:59.000Z' }), refused: 'CARD_TAKEN' }]],
        ["walk-in, then changed to the roster's card", [{ write: walkIn(), refused: null }, { write: change({ cardNo: ROSTER_CARD }), refused: 'CARD_TAKEN' }]],
      ];

      it('refuses each step that would, and the server keeps its own state', async () => {
        await writeServerDocs(db, STATION_ID, 'members', [makeMember({ cardNo: ROSTER_CARD })], { writtenBy: 'test', now: NOW });
        for (const [name, steps] of sequences) {
          const base = makeMember({ cardNo: `C-${ulid().slice(-8)}` });
          let stored: Doc | null = null;
          for (const [i, step] of steps.entries()) {
            const next = { ...base, ...step.write(stored), id: base.id } as Doc;
            const result = await applyPush(db, DESK, 'members', [{ newDocumentState: wire(next, next._deleted === true), assumedMasterState: stored ? wire(stored, stored._deleted === true) : null }], NOW);
            expect(result.rejected.map((r) => r.code), `${name}, step ${i}`).toEqual(step.refused ? [step.refused] : []);
            const held = (await pullAll(db, STATION_ID, 'members')).documents.find((d) => d.id === base.id) as unknown as Doc | undefined;
            if (step.refused) expect(held, `${name}, step ${i}: the server keeps its own state`).toEqual(stored ?? undefined);
            else stored = held!;
          }
        }
        const holders = (await pullAll(db, STATION_ID, 'members')).documents.filter((d) => (d as unknown as Doc).cardNo === ROSTER_CARD && !d._deleted && (d as unknown as Doc).source !== 'provisional');
        expect(holders.map((d) => (d as unknown as Doc).source)).toEqual(['server']);
      });

      it('keeps one holder per card in a batch, lets review tickets share a card, and scopes cards to the station', async () => {
        const a = makeMember({ cardNo: 'NEW-CARD', source: 'walk-in', validUntil: '2026-12-31T15:59:59.000Z' });
        const b = makeMember({ cardNo: 'NEW-CARD', source: 'walk-in', validUntil: '2026-12-31T15:59:59.000Z' });
        const t1 = makeMember({ cardNo: 'UNKNOWN-CARD', source: 'provisional', name: '' });
        const t2 = makeMember({ cardNo: 'UNKNOWN-CARD', source: 'provisional', name: '' });
        const result = await applyPush(db, DESK, 'members', [row(a), row(b), row(t1), row(t2)], NOW);
        expect(result.rejected).toEqual([expect.objectContaining({ id: b.id, code: 'CARD_TAKEN' })]);
        await writeServerDocs(db, OTHER.stationId, 'members', [makeMember({ stationId: OTHER.stationId, cardNo: 'THEIR-CARD' })], { writtenBy: 'test', now: NOW });
        const mine = makeMember({ cardNo: 'THEIR-CARD', source: 'walk-in', validUntil: '2026-12-31T15:59:59.000Z' });
        expect((await applyPush(db, DESK, 'members', [row(mine)], NOW)).rejected).toEqual([]);
      });

      it("adopts a walk-in in place when the roster imports its card", async () => {
        const w = makeMember({ cardNo: 'ADOPTED-1', source: 'walk-in', name: '王五', validUntil: '2026-12-31T15:59:59.000Z' });
        await applyPush(db, DESK, 'members', [row(w)], NOW);
        const result = await upsertMembersByCard(db, STATION_ID, [{ cardNo: 'ADOPTED-1', name: '王五', phoneMasked: '', phoneTail: '', category: 'union-member', status: 'active', validUntil: '2027-12-31T15:59:59.000Z' }], { now: NOW, writtenBy: 'import' });
        expect(result).toEqual({ imported: 0, updated: 1, unchanged: 0 });
        const docs = (await pullAll(db, STATION_ID, 'members')).documents.filter((d) => (d as unknown as Doc).cardNo === 'ADOPTED-1');
        expect(docs).toEqual([expect.objectContaining({ id: w.id, source: 'server', validUntil: '2027-12-31T15:59:59.000Z' })]);
      });
    });

    it('refuses desk writes to server-kept collections', async () => {
      await expect(applyPush(db, DESK, 'stations', [row(makeStation())], NOW)).rejects.toMatchObject({ code: 'READ_ONLY_COLLECTION' });
    });

    it('replicates global trust documents to every station', async () => {
      const key = {
        id: 'KEY-1', stationId: GLOBAL_STATION_ID, serverRev: 0, updatedAt: '2026-11-29T00:00:00.000Z', kind: 'key', kid: 'k1',
        publicKey: 'abc', passId: '', memberId: '', validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-01-01T00:00:00.000Z',
      };
      await writeServerDocs(db, STATION_ID, 'trust', [key], { writtenBy: 'test', now: NOW });
      expect((await pullAll(db, STATION_ID, 'trust')).documents.map((d) => d.id)).toEqual(['KEY-1']);
      expect((await pullAll(db, OTHER.stationId, 'trust')).documents.map((d) => d.id)).toEqual(['KEY-1']);
    });

    it('assigns unique, gap-free sequence numbers under concurrent pushes', async () => {
      const batches = Array.from({ length: 12 }, () => Array.from({ length: 5 }, () => makeCheckIn()));
      await Promise.all(batches.map((b) => applyPush(db, DESK, 'checkins', b.map((d) => row(d)), NOW)));
      const seqs = (await pullAll(db, STATION_ID, 'checkins')).documents.map((d) => d.serverRev);
      expect(seqs).toHaveLength(60);
      expect(new Set(seqs).size).toBe(60);
      expect(seqs.at(-1)! - seqs[0]!).toBe(59);
    });

    describe('server authority over bookings', () => {
      const venue: VenueDoc = {
        id: 'V-COURT', stationId: STATION_ID, serverRev: 0, updatedAt: '2026-11-29T00:00:00.000Z',
        name: '羽毛球场', nameEn: 'Badminton court', kind: 'court', capacity: 2, slotMinutes: 60, active: true,
      };
      const startsAt = '2026-11-29T06:00:00.000Z';
      const booking = (member: MemberDoc, over: Partial<BookingDoc> = {}): BookingDoc => ({
        id: ulid(), stationId: STATION_ID, serverRev: 0, updatedAt: '2026-11-29T01:00:00.000Z',
        memberId: member.id, venueId: venue.id, sessionId: '', slotKey: `venue:${venue.id}:${startsAt}`,
        startsAt, endsAt: '2026-11-29T07:00:00.000Z', status: 'confirmed', reason: 'OK', decidedBy: 'desk', source: 'desk',
        requestedAt: '2026-11-29T01:00:00.000Z', deskId: 'DEV-1', staffId: 'S-1', checkInId: '', ack: null, ...over,
      });
      const members = Array.from({ length: 4 }, (_, i) => makeMember({ id: `M-${i}`, cardNo: `C${i}` }));

      beforeEach(async () => {
        await writeServerDocs(db, STATION_ID, 'venues', [venue], { writtenBy: 'test', now: NOW });
        await writeServerDocs(db, STATION_ID, 'members', members, { writtenBy: 'test', now: NOW });
      });

      it('writes SLOT_FULL into an offline confirmation that lost the last place', async () => {
        const [a, b, c] = members;
        await applyPush(db, DESK, 'bookings', [row(booking(a!, { requestedAt: '2026-11-29T01:10:00.000Z' })), row(booking(b!, { requestedAt: '2026-11-29T01:11:00.000Z' }))], NOW);
        const late = booking(c!, { requestedAt: '2026-11-29T01:05:00.000Z' });
        const result = await applyPush(db, DESK, 'bookings', [row(late)], NOW);
        expect(result.rejected).toEqual([]);
        const docs = (await pullAll(db, STATION_ID, 'bookings')).documents as unknown as BookingDoc[];
        const byMember = new Map(docs.map((d) => [d.memberId, d]));
        expect(byMember.get(c!.id)).toMatchObject({ status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server' });
        expect(docs.filter((d) => d.status === 'confirmed')).toHaveLength(2);
      });

      it('rejects a booking of a suspended member with the reason', async () => {
        await writeServerDocs(db, STATION_ID, 'members', [{ ...members[3]!, status: 'suspended' }], { writtenBy: 'test', now: NOW });
        await applyPush(db, DESK, 'bookings', [row(booking(members[3]!))], NOW);
        const [doc] = (await pullAll(db, STATION_ID, 'bookings')).documents as unknown as BookingDoc[];
        expect(doc).toMatchObject({ status: 'rejected', reason: 'MEMBER_NOT_ACTIVE', decidedBy: 'server' });
      });

      it("does not take a desk's word for the server's verdict", async () => {
        const suspended = { ...members[3]!, status: 'suspended' as const };
        await writeServerDocs(db, STATION_ID, 'members', [suspended], { writtenBy: 'test', now: NOW });
        const forged = (m: MemberDoc) => booking(m, { decidedBy: 'server' });
        await applyPush(db, DESK, 'bookings', [row(forged(members[0]!)), row(forged(members[1]!)), row(forged(members[2]!)), row(forged(suspended))], NOW);
        const docs = (await pullAll(db, STATION_ID, 'bookings')).documents as unknown as BookingDoc[];
        expect(docs.filter((d) => d.status === 'confirmed')).toHaveLength(2);
        expect(docs.find((d) => d.memberId === suspended.id)).toMatchObject({ status: 'rejected', reason: 'MEMBER_NOT_ACTIVE' });
      });

      it('keeps a booking a desk released as a no-show before the check-in deadline', async () => {
        await applyPush(db, DESK, 'bookings', [row(booking(members[0]!))], NOW);
        const [held] = (await pullAll(db, STATION_ID, 'bookings')).documents as unknown as (BookingDoc & { _deleted: boolean })[];
        const early = { ...held!, status: 'no-show' as const, reason: 'NO_SHOW_RELEASED' as const, decidedBy: 'desk' as const };
        await applyPush(db, DESK, 'bookings', [row(early, wire(held!))], Date.parse(startsAt) + 5 * 60_000);
        const [after] = (await pullAll(db, STATION_ID, 'bookings')).documents as unknown as BookingDoc[];
        expect(after).toMatchObject({ status: 'confirmed' });
        const late = { ...after!, status: 'no-show' as const, reason: 'NO_SHOW_RELEASED' as const, decidedBy: 'desk' as const };
        await applyPush(db, DESK, 'bookings', [row(late, wire(after!))], Date.parse(startsAt) + 16 * 60_000);
        const [released] = (await pullAll(db, STATION_ID, 'bookings')).documents as unknown as BookingDoc[];
        expect(released).toMatchObject({ status: 'no-show' });
      });

      it('promotes the waitlist when a booking is cancelled', async () => {
        const [a, b, c] = members;
        await applyPush(db, DESK, 'bookings', [row(booking(a!)), row(booking(b!)), row(booking(c!, { status: 'waitlisted', reason: 'WAITLISTED', requestedAt: '2026-11-29T01:30:00.000Z' }))], NOW);
        const docs = (await pullAll(db, STATION_ID, 'bookings')).documents as unknown as (BookingDoc & { _deleted: boolean })[];
        const first = docs.find((d) => d.memberId === a!.id)!;
        const cancelled = { ...first, status: 'cancelled' as const, reason: 'CANCELLED_BY_STAFF' as const, decidedBy: 'desk' as const };
        await applyPush(db, DESK, 'bookings', [row(cancelled, wire(first))], NOW);
        const after = new Map(((await pullAll(db, STATION_ID, 'bookings')).documents as unknown as BookingDoc[]).map((d) => [d.memberId, d]));
        expect(after.get(a!.id)?.status).toBe('cancelled');
        expect(after.get(c!.id)).toMatchObject({ status: 'confirmed', reason: 'PROMOTED_FROM_WAITLIST' });
      });
    });
  });
};
