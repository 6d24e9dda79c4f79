/**
 * The bookings and sessions repositories' suite, run on memory and on Dexie like
 * `repositories.suite.ts`: slot and time-range queries, the release candidates, the live list of
 * unacknowledged server verdicts, and batch writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cst, makeBooking, makeSession, MONDAY } from '../../tests/support/builders/fixed';
import { createDatabase, type DeskDatabase } from './database';
import { createRepositories, type Repositories } from './repositories/index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const bookingRepositorySuite = (storageName: string, makeStorage: () => any) => {
  describe(`bookings repository on ${storageName}`, () => {
    let db: DeskDatabase;
    let repos: Repositories;
    let n = 0;

    beforeEach(async () => {
      db = await createDatabase({ storage: makeStorage(), name: `bookings-${storageName}-${Date.now()}-${n++}`, devChecks: true });
      repos = createRepositories(db);
    });
    afterEach(async () => {
      await db.remove();
    });

    const at = (hhmm: string) => cst(`${MONDAY} ${hhmm}`);
    const slot = (hhmm: string) => `venue:v-1:${at(hhmm)}`;
    const b = (id: string, hhmm: string, over: Parameters<typeof makeBooking>[0] = {}) =>
      makeBooking({ id, memberId: `m-${id}`, startsAt: at(hhmm), slotKey: slot(hhmm), ...over });
    const day = { from: at('00:00'), to: cst('2026-03-03 00:00') };

    it('finds bookings by slot, by start time and by member', async () => {
      await repos.bookings.saveMany([b('late', '15:00'), b('early', '09:00'), b('wait', '09:00', { status: 'waitlisted' }), b('tue', '09:00', { startsAt: cst('2026-03-03 09:00') })]);
      expect((await repos.bookings.forSlots([slot('09:00')])).map((x) => x.id).sort()).toEqual(['early', 'tue', 'wait']);
      expect(await repos.bookings.forSlots([])).toEqual([]);
      expect((await repos.bookings.startingBetween(day)).map((x) => x.startsAt)).toEqual([at('09:00'), at('09:00'), at('15:00')]);
      expect((await repos.bookings.forMember('m-late')).map((x) => x.id)).toEqual(['late']);
      expect((await repos.bookings.get('wait'))?.status).toBe('waitlisted');
      expect(await repos.bookings.get('none')).toBeNull();
    });

    it('lists the confirmed bookings of a range for the no-show release', async () => {
      await repos.bookings.saveMany([b('c', '09:00'), b('a', '09:00', { status: 'attended' }), b('w', '09:00', { status: 'waitlisted' }), b('next', '11:00')]);
      const started = await repos.bookings.confirmedStartingBetween({ from: at('00:00'), to: at('10:00') });
      expect(started.map((x) => x.id)).toEqual(['c']);
    });

    it('keeps the documents a rule returned, as they are', async () => {
      const doc = b('x', '09:00', { status: 'no-show', reason: 'NO_SHOW_RELEASED', updatedAt: at('09:16') });
      await repos.bookings.saveMany([doc]);
      await repos.bookings.saveMany([{ ...doc, status: 'attended', updatedAt: at('09:20') }]);
      expect(await repos.bookings.get('x')).toMatchObject({ status: 'attended', updatedAt: at('09:20'), serverRev: 0 });
    });

    it('streams the server’s unacknowledged verdicts, live', async () => {
      const seen: string[][] = [];
      const unsubscribe = repos.bookings.subscribeUnacknowledgedVerdicts((docs) => seen.push(docs.map((x) => x.id).sort()));
      const full = b('full', '09:00', { status: 'waitlisted', reason: 'SLOT_FULL', decidedBy: 'server' });
      await repos.bookings.saveMany([full, b('mine', '09:00'), b('ok', '10:00', { decidedBy: 'server' })]);
      await expect.poll(() => seen.at(-1)).toEqual(['full', 'ok']);
      await repos.bookings.saveMany([{ ...full, ack: { staffId: 's-1', at: at('08:00'), note: '已告知' } }]);
      await expect.poll(() => seen.at(-1)).toEqual(['ok']);
      unsubscribe();
    });

    it('lists the classes of a range by start time, live', async () => {
      await db.sessions.bulkInsert([
        makeSession({ id: 's-eve', startsAt: at('19:00'), endsAt: at('20:00') }),
        makeSession({ id: 's-am', startsAt: at('07:00'), endsAt: at('08:00') }),
        makeSession({ id: 's-tue', startsAt: cst('2026-03-03 07:00'), endsAt: cst('2026-03-03 08:00') }),
      ]);
      expect((await repos.sessions.between(day)).map((s) => s.id)).toEqual(['s-am', 's-eve']);
      expect((await repos.sessions.get('s-tue'))?.title).toBe('太极');
      const seen: number[] = [];
      const unsubscribe = repos.sessions.subscribeBetween(day, (docs) => seen.push(docs.length));
      await expect.poll(() => seen.at(-1)).toBe(2);
      unsubscribe();
    });
  });
};
