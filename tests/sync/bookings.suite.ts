/**
 * Booking collisions between desks (real RxDB clients running the desk's booking commands, each
 * in its own worker, through fault proxies) and members' phones (the members' API over HTTP),
 * decided by the real server. Run on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingDoc, MemberDoc } from '../../shared/schemas/index';
import { writeServerDocs } from '../../server/repositories/sync-store';
import type { TestDbKind } from '../../server/testing/test-db';
import { makeMember, makeVenue } from '../support/builders/index';
import type { Desk } from './harness/desk';
import { deskFleet } from './harness/fleet';
import { createStation, serverDocs, startServer, type TestServer } from './harness/server';

const HOUR = 3_600_000;
type Created = { decision: { status: string; reason: string }; booking: BookingDoc | null };

export const bookingSyncSuite = (kind: TestDbKind) => {
  describe(`booking collisions on ${kind}`, () => {
    let server: TestServer;
    const fleet = deskFleet(() => server.url);
    let stations = 0;

    /** A station open around the clock with a one-place court, a two-place room and four members. */
    const setUp = async () => {
      const station = `ST-BK-${kind}-${++stations}`;
      await createStation(server.url, station);
      const at = new Date().toISOString();
      const venue = (id: string, capacity: number) => makeVenue({ id: `${station}-${id}`, stationId: station, updatedAt: at, name: id, nameEn: id, kind: 'court', capacity });
      const venues = [venue('ONE', 1), venue('TWO', 2)];
      const members: MemberDoc[] = [1, 2, 3, 4].map((n) => makeMember({ id: `${station}-M${n}`, stationId: station, cardNo: `${stations}0000${n}`, phoneTail: `000${n}`, name: `会员${n}` }));
      await writeServerDocs(server.db, station, 'venues', venues, { writtenBy: 'test', now: Date.now() });
      await writeServerDocs(server.db, station, 'members', members, { writtenBy: 'test', now: Date.now() });
      return { station, one: venues[0]!, two: venues[1]!, members };
    };

    const openDesk = async (station: string, name: string) => {
      const { desk, proxy } = await fleet.open(station, name);
      await desk.settle(async () => (await desk.dump('members')).length === 4 && (await desk.dump('venues')).length === 2 && (await desk.dump('stations')).length === 1);
      return { desk, proxy };
    };

    const sameAsServer = (station: string, desk: Desk) => async () => {
      const [mine, theirs] = await Promise.all([desk.dump('bookings'), serverDocs(server.db, station, 'bookings')]);
      const strip = (docs: Record<string, unknown>[]) => docs.map(({ _deleted, ...d }) => ({ ...d, _deleted: Boolean(_deleted) }));
      return JSON.stringify(strip(mine)) === JSON.stringify(strip(theirs.filter((d) => !d._deleted)));
    };

    const phone = async (station: string, member: MemberDoc) => {
      const res = await fetch(`${server.url}/api/members/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stationId: station, cardNo: member.cardNo, phoneTail: member.phoneTail }),
      });
      expect(res.status).toBe(201);
      const { accessToken } = (await res.json()) as { accessToken: string };
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${server.url}/api/members/me${path}`, {
          method,
          headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        return (await r.json()) as { booking: BookingDoc };
      };
      return { book: (slot: object) => call('POST', '/bookings', { slot }), cancel: (id: string) => call('DELETE', `/bookings/${id}`) };
    };

    /** A slot starting on the hour, two to three hours from now (always in the future, station always open). */
    const slotStart = (hoursAhead = 2) => new Date(Math.ceil(Date.now() / HOUR) * HOUR + hoursAhead * HOUR).toISOString();
    const onServer = async (station: string, id: string) => (await serverDocs(server.db, station, 'bookings')).find((d) => d.id === id) as unknown as BookingDoc;

    beforeAll(async () => {
      server = await startServer(kind);
    });
    afterAll(async () => {
      await fleet.closeAll();
      await server.close();
    });

    it('a desk offline books the last place while a phone books it online: the phone keeps it, the desk gets SLOT_FULL in its exception queue', { timeout: 120_000 }, async () => {
      const { station, one, members } = await setUp();
      const { desk, proxy } = await openDesk(station, `${kind}-phone-desk`);
      const startsAt = slotStart();
      const slot = { kind: 'venue', venueId: one.id, startsAt };

      proxy.setOffline(true);
      const offline = await desk.command<Created>('book', { memberId: members[0]!.id, slot, now: Date.now() });
      expect(offline.booking).toMatchObject({ status: 'confirmed', decidedBy: 'desk' });
      const online = await (await phone(station, members[1]!)).book(slot);
      expect(online.booking).toMatchObject({ status: 'confirmed', source: 'app' });

      proxy.setOffline(false);
      await desk.resync();
      await desk.settle(sameAsServer(station, desk));
      expect(await onServer(station, online.booking.id)).toMatchObject({ status: 'confirmed', decidedBy: 'server' });
      expect(await onServer(station, offline.booking!.id)).toMatchObject({ status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server' });
      const queue = await desk.command<BookingDoc[]>('exceptions');
      expect(queue.map((b) => [b.id, b.reason])).toEqual([[offline.booking!.id, 'SLOT_FULL']]);

      // staff acknowledge: the note reaches the server and the queue empties; the member keeps the waitlist place
      await desk.command('acknowledge', { id: offline.booking!.id, note: '已电话告知会员，保留候补', now: Date.now() });
      await desk.settle(async () => (await onServer(station, offline.booking!.id)).ack?.note === '已电话告知会员，保留候补' && (await sameAsServer(station, desk)()));
      expect(await desk.command<BookingDoc[]>('exceptions')).toEqual([]);
      expect(await onServer(station, offline.booking!.id)).toMatchObject({ status: 'waitlisted', reason: 'SLOT_FULL' });
    });

    it('two desks offline on the last place: the first to sync keeps it, the other lists SLOT_FULL', { timeout: 120_000 }, async () => {
      const { station, one, members } = await setUp();
      const a = await openDesk(station, `${kind}-last-A`);
      const b = await openDesk(station, `${kind}-last-B`);
      const slot = { kind: 'venue', venueId: one.id, startsAt: slotStart() };
      a.proxy.setOffline(true);
      b.proxy.setOffline(true);
      const fromA = (await a.desk.command<Created>('book', { memberId: members[0]!.id, slot, now: Date.now() - 60_000 })).booking!;
      const fromB = (await b.desk.command<Created>('book', { memberId: members[1]!.id, slot, now: Date.now() })).booking!;
      expect([fromA.status, fromB.status]).toEqual(['confirmed', 'confirmed']);

      b.proxy.setOffline(false);
      await b.desk.resync();
      await b.desk.settle(async () => (await onServer(station, fromB.id))?.status === 'confirmed');
      a.proxy.setOffline(false);
      await a.desk.resync();
      for (const { desk } of [a, b]) await desk.settle(sameAsServer(station, desk));

      expect(await onServer(station, fromB.id)).toMatchObject({ status: 'confirmed', decidedBy: 'server' });
      expect(await onServer(station, fromA.id)).toMatchObject({ status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server' });
      expect((await a.desk.command<BookingDoc[]>('exceptions')).map((x) => x.id)).toEqual([fromA.id]);
      expect(await b.desk.command<BookingDoc[]>('exceptions')).toEqual([]);
    });

    it('a cancellation promotes the waitlist on both desks, from a desk and from a phone', { timeout: 120_000 }, async () => {
      const { station, one, two, members } = await setUp();
      const a = await openDesk(station, `${kind}-cancel-A`);
      const b = await openDesk(station, `${kind}-cancel-B`);
      const both = () => Promise.all([a, b].map(({ desk }) => desk.settle(sameAsServer(station, desk))));

      // at the desks: A books the one place, B waitlists the next member, A cancels
      const slot = { kind: 'venue', venueId: one.id, startsAt: slotStart() };
      const first = (await a.desk.command<Created>('book', { memberId: members[0]!.id, slot, now: Date.now() })).booking!;
      await both();
      const waiting = (await b.desk.command<Created>('book', { memberId: members[1]!.id, slot, now: Date.now() })).booking!;
      expect(waiting.status).toBe('waitlisted');
      await both();
      await a.desk.command('cancel', { id: first.id, now: Date.now() });
      await both();
      for (const { desk } of [a, b]) {
        const docs = (await desk.dump('bookings')) as unknown as BookingDoc[];
        expect(docs.find((d) => d.id === waiting.id)).toMatchObject({ status: 'confirmed', reason: 'PROMOTED_FROM_WAITLIST', decidedBy: 'server' });
        expect(docs.find((d) => d.id === first.id)).toMatchObject({ status: 'cancelled' });
      }

      // from a phone: the member cancels in the app, the server promotes, both desks pull it
      const slot2 = { kind: 'venue', venueId: two.id, startsAt: slotStart(3) };
      const app = await phone(station, members[2]!);
      const mine = (await app.book(slot2)).booking;
      await b.desk.command('book', { memberId: members[3]!.id, slot: slot2, now: Date.now() });
      await both();
      const queued = (await a.desk.command<Created>('book', { memberId: members[0]!.id, slot: slot2, now: Date.now() })).booking!;
      expect(queued.status).toBe('waitlisted');
      await both();
      expect((await app.cancel(mine.id)).booking.status).toBe('cancelled');
      await both();
      for (const { desk } of [a, b]) {
        const docs = (await desk.dump('bookings')) as unknown as BookingDoc[];
        expect(docs.find((d) => d.id === queued.id)).toMatchObject({ status: 'confirmed', reason: 'PROMOTED_FROM_WAITLIST' });
        expect(docs.find((d) => d.id === mine.id)).toMatchObject({ status: 'cancelled', decidedBy: 'app' });
      }
    });

    it('two desks release the same no-show offline and converge: one no-show, one promotion; attendance elsewhere wins', { timeout: 120_000 }, async () => {
      const { station, one, two, members } = await setUp();
      const a = await openDesk(station, `${kind}-noshow-A`);
      const b = await openDesk(station, `${kind}-noshow-B`);
      const both = () => Promise.all([a, b].map(({ desk }) => desk.settle(sameAsServer(station, desk))));
      const startsAt = slotStart();
      const slot = { kind: 'venue', venueId: one.id, startsAt };
      const slot2 = { kind: 'venue', venueId: two.id, startsAt };
      const late = (await a.desk.command<Created>('book', { memberId: members[0]!.id, slot, now: Date.now() })).booking!;
      const waiting = (await b.desk.command<Created>('book', { memberId: members[1]!.id, slot, now: Date.now() + 1000 })).booking!;
      const comes = (await a.desk.command<Created>('book', { memberId: members[2]!.id, slot: slot2, now: Date.now() })).booking!;
      await both();
      expect((await b.desk.dump('bookings')).length).toBe(3);

      a.proxy.setOffline(true);
      b.proxy.setOffline(true);
      // member 3 checks in at desk A (the check-in marks the booking attended) while desk B releases it
      await a.desk.patch('bookings', comes.id, { status: 'attended', checkInId: 'CI-AT-A', decidedBy: 'desk' });
      const deadlinePassed = Date.parse(startsAt) + 16 * 60_000;
      const releasedA = await a.desk.command<BookingDoc[]>('releaseNoShows', { now: deadlinePassed });
      const releasedB = await b.desk.command<BookingDoc[]>('releaseNoShows', { now: deadlinePassed + 5000 });
      expect(releasedA.map((x) => [x.id, x.status])).toEqual([[late.id, 'no-show'], [waiting.id, 'confirmed']]);
      expect(releasedB.map((x) => [x.id, x.status]).sort()).toEqual([[comes.id, 'no-show'], [late.id, 'no-show'], [waiting.id, 'confirmed']].sort());

      // the server judges the release by its own clock: let it be past the deadline too
      server.setClockOffset(deadlinePassed + 10_000 - Date.now());
      b.proxy.setOffline(false);
      await b.desk.resync();
      await b.desk.settle();
      a.proxy.setOffline(false);
      await a.desk.resync();
      await both();
      server.setClockOffset(0);

      const docs = (await serverDocs(server.db, station, 'bookings')) as unknown as BookingDoc[];
      expect(docs).toHaveLength(3);
      expect(docs.find((d) => d.id === late.id)).toMatchObject({ status: 'no-show', reason: 'NO_SHOW_RELEASED' });
      expect(docs.find((d) => d.id === waiting.id)).toMatchObject({ status: 'confirmed', reason: 'PROMOTED_FROM_WAITLIST', decidedBy: 'server' });
      expect(docs.find((d) => d.id === comes.id)).toMatchObject({ status: 'attended', checkInId: 'CI-AT-A' });
    });
  });
};
