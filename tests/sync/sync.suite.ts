/**
 * Desks (real RxDB clients with the real replication, each in its own worker) against a real
 * server over real HTTP, through fault-injecting proxies. Run on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc, CheckInDoc, MemberDoc } from '../../shared/schemas/index';
import { writeServerDocs } from '../../server/repositories/sync-store';
import type { TestDbKind } from '../../server/testing/test-db';
import { makeCheckIn, makeMember, makeVenue, makeVenueBooking } from '../support/builders/index';
import type { Desk } from './harness/desk';
import { deskFleet } from './harness/fleet';
import { createStation, serverDocs, startServer, type TestServer } from './harness/server';

const sameAsServer = (server: TestServer, stationId: string, desk: Desk, collection: 'checkins' | 'bookings' | 'members') => async () => {
  const [mine, theirs] = await Promise.all([desk.dump(collection), serverDocs(server.db, stationId, collection)]);
  const strip = (docs: Record<string, unknown>[]) => docs.map(({ _deleted, ...d }) => ({ ...d, _deleted: Boolean(_deleted) }));
  return JSON.stringify(strip(mine)) === JSON.stringify(strip(theirs.filter((d) => !d._deleted)));
};

/** Between the rounds of writes in the faulty-network test (see there). */
const WRITE_SPACING_MS = 120;
/** Through a network that holds pushes 2.5 s and loses answers, settling takes a while; more when loaded. */
const FAULTY_SETTLE_LIMIT_MS = 60_000;
/** A test that waits for desks to settle, several times over. */
const MULTI_SETTLE_TEST_MS = 120_000;

export const syncSuite = (kind: TestDbKind) => {
  describe(`desks ⇄ server on ${kind}`, () => {
    let server: TestServer;
    const fleet = deskFleet(() => server.url);
    const openDesk = fleet.open;

    beforeAll(async () => {
      server = await startServer(kind);
    });
    afterAll(async () => {
      await fleet.closeAll();
      await server.close();
    });

    it('three desks write offline, come back in different orders, and converge exactly', { timeout: MULTI_SETTLE_TEST_MS }, async () => {
      const station = `ST-CONV-${kind}`;
      await createStation(server.url, station);
      const desks = await Promise.all(['A', 'B', 'C'].map((n) => openDesk(station, `${kind}-conv-${n}`)));
      const shared = makeCheckIn({ stationId: station, deskId: 'C' });
      await desks[2]!.desk.insert('checkins', [shared]);
      for (const { desk } of desks) await desk.settle(async () => (await desk.dump('checkins')).length === 1);

      desks.forEach(({ proxy }) => proxy.setOffline(true));
      const written = new Map<string, CheckInDoc[]>();
      for (const [i, { desk }] of desks.entries()) {
        const docs = Array.from({ length: 30 }, (_, j) =>
          makeCheckIn({ stationId: station, deskId: `D${i}`, at: new Date(Date.UTC(2026, 10, 29, 2, i, j)).toISOString() }),
        );
        written.set(`D${i}`, docs);
        await desk.insert('checkins', docs);
      }
      // desks A and B check the shared visitor out offline, at different times
      await desks[0]!.desk.patch('checkins', shared.id, { checkedOutAt: '2026-11-29T05:00:00.000Z', checkOutMethod: 'manual' });
      await desks[1]!.desk.patch('checkins', shared.id, { checkedOutAt: '2026-11-29T06:00:00.000Z', checkOutMethod: 'scan' });
      expect((await desks[0]!.desk.status()).pending).toBeGreaterThan(0);

      // one after the other, in this order: each desk's offline writes have reached the server
      // (nothing pending) before the next desk comes back
      for (const index of [2, 0, 1]) {
        desks[index]!.proxy.setOffline(false);
        await desks[index]!.desk.resync();
        await desks[index]!.desk.settle();
      }
      for (const { desk } of desks) await desk.settle(sameAsServer(server, station, desk, 'checkins'));

      const onServer = await serverDocs(server.db, station, 'checkins');
      expect(onServer).toHaveLength(91);
      expect(new Set(onServer.map((d) => d.id)).size).toBe(91);
      for (const docs of written.values()) for (const d of docs) expect(onServer.some((s) => s.id === d.id)).toBe(true);
      // append-only with latest check-out winning
      expect(onServer.find((d) => d.id === shared.id)).toMatchObject({ checkedOutAt: '2026-11-29T06:00:00.000Z', checkOutMethod: 'scan' });
    });

    it('resolves conflicting edits by each collection’s policy', { timeout: MULTI_SETTLE_TEST_MS }, async () => {
      const station = `ST-POLICY-${kind}`;
      await createStation(server.url, station);
      const venue = makeVenue({
        id: `V-${kind}`, stationId: station, updatedAt: '2026-11-29T00:00:00.000Z', name: '乒乓球室', nameEn: 'Table tennis', kind: 'room', capacity: 1,
      });
      const members = [makeMember({ stationId: station, id: `M1-${kind}`, cardNo: 'P1' }), makeMember({ stationId: station, id: `M2-${kind}`, cardNo: 'P2' })];
      await writeServerDocs(server.db, station, 'venues', [venue], { writtenBy: 'test', now: Date.now() });
      await writeServerDocs(server.db, station, 'members', members, { writtenBy: 'test', now: Date.now() });
      const [a, b] = await Promise.all([openDesk(station, `${kind}-pol-A`), openDesk(station, `${kind}-pol-B`)]);
      for (const { desk } of [a, b]) await desk.settle(async () => (await desk.dump('members')).length === 2);

      a.proxy.setOffline(true);
      b.proxy.setOffline(true);
      // bookings: both desks give the last place of the same slot, offline
      const startsAt = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 14) + '00:00.000Z';
      const endsAt = new Date(Date.parse(startsAt) + 3600_000).toISOString();
      const booking = (member: MemberDoc, requestedAt: string): BookingDoc =>
        makeVenueBooking(venue.id, member.id, startsAt, { stationId: station, updatedAt: requestedAt, endsAt, requestedAt, deskId: 'X', staffId: 'S' });
      const early = booking(members[0]!, new Date(Date.now() - 60_000).toISOString());
      const late = booking(members[1]!, new Date().toISOString());
      await b.desk.insert('bookings', [late]);
      await a.desk.insert('bookings', [early]);
      // members: field merge — A corrects the name, B the category, offline; B also tries to
      // re-activate a suspended member, which only the server may do
      await a.desk.patch('members', members[0]!.id, { name: '王建国（已核实）' });
      await b.desk.patch('members', members[0]!.id, { category: 'courier' });

      b.proxy.setOffline(false);
      await b.desk.resync();
      await b.desk.settle(async () => (await serverDocs(server.db, station, 'bookings')).length === 1);
      a.proxy.setOffline(false);
      await a.desk.resync();
      for (const { desk } of [a, b]) {
        await desk.settle(async () => (await sameAsServer(server, station, desk, 'bookings')()) && (await sameAsServer(server, station, desk, 'members')()));
      }
      const bookings = await serverDocs(server.db, station, 'bookings');
      // b's booking reached the server first and was confirmed; a's, although asked earlier, lost the place
      expect(bookings.find((x) => x.id === late.id)).toMatchObject({ status: 'confirmed', decidedBy: 'server' });
      expect(bookings.find((x) => x.id === early.id)).toMatchObject({ status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server' });
      const merged = (await serverDocs(server.db, station, 'members')).find((m) => m.id === members[0]!.id);
      expect(merged).toMatchObject({ name: '王建国（已核实）', category: 'courier', status: 'active' });
    });

    it('survives lost responses, duplicated and reordered requests: nothing lost, nothing twice', { timeout: MULTI_SETTLE_TEST_MS }, async () => {
      const station = `ST-FAULT-${kind}`;
      await createStation(server.url, station);
      const { desk, proxy } = await openDesk(station, `${kind}-fault`);
      proxy.dropPushResponses = 3;
      proxy.duplicatePushes = 3;
      proxy.delayPushesMs = 150;
      proxy.holdPushes = 2;
      proxy.holdMs = 2500;
      const docs: CheckInDoc[] = [];
      for (let round = 0; round < 6; round++) {
        const batch = Array.from({ length: 10 }, () => makeCheckIn({ stationId: station }));
        docs.push(...batch);
        await desk.insert('checkins', batch);
        // Part of the workload, not a wait: writes spread over time so that later pushes meet
        // earlier ones still delayed, held or retried. Whatever the timing, the checks below hold.
        await new Promise((r) => setTimeout(r, WRITE_SPACING_MS));
      }
      await desk.settle(sameAsServer(server, station, desk, 'checkins'), FAULTY_SETTLE_LIMIT_MS);
      const onServer = await serverDocs(server.db, station, 'checkins');
      expect(onServer.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
      expect(proxy.counters.dropped).toBe(3);
      expect(proxy.counters.duplicated).toBe(3);
      expect(proxy.counters.held).toBe(2);
      expect((await desk.status()).rejected ?? []).toEqual([]);
    });
  });
};
