// The review list of provisional admissions: the roster learns the card (confirm), or staff
// register the person as a walk-in, or block the card; each changes what the next scan says.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cst, makeMember, MONDAY } from '../../../tests/support/builders/fixed';
import { checkInCard } from './check-in-command';
import { openTestDesk, type TestDesk } from './desk-fixture.test-util';
import { blockTicket, confirmMatch, loadReviewItems, registerTicket } from './provisional-review';

const NOW = cst(`${MONDAY} 10:00`);
const NEXT_DAY = cst('2026-03-03 10:00');
let desk: TestDesk;

beforeEach(async () => {
  desk = await openTestDesk();
  await checkInCard(desk.at(NOW, { online: false }), 'C0404', 'scanner');
});
afterEach(async () => desk.close());

const items = async () => loadReviewItems(desk.repos, await desk.repos.members.provisional());

describe('provisional review', () => {
  it('lists the ticket with its visits, unknown until the roster knows the card; confirming retires it', async () => {
    const [item] = await items();
    expect(item).toMatchObject({ ticket: { cardNo: 'C0404' }, state: { kind: 'unknown' } });
    expect(item!.visits.map((v) => v.reason)).toEqual(['PROVISIONAL_UNKNOWN_CARD']);
    expect(await confirmMatch(desk.repos, item!)).toBe(false);

    await desk.repos.members.upsert(makeMember({ id: 'm-roster', cardNo: 'C0404', name: '新会员', source: 'server' }));
    const [known] = await items();
    expect(known!.state).toMatchObject({ kind: 'known', member: { name: '新会员' } });
    expect(await confirmMatch(desk.repos, known!)).toBe(true);
    expect(await items()).toEqual([]);
    expect((await checkInCard(desk.at(NEXT_DAY), 'C0404', 'scanner')).decision).toMatchObject({ reason: 'OK', memberId: 'm-roster' });
  });

  it('registers the person as a walk-in in place: the next scan admits them by name', async () => {
    const [item] = await items();
    const result = await registerTicket(desk.repos, desk.station, item!.ticket, { name: '赵六', phoneTail: '4321', category: 'courier' }, Date.parse(NEXT_DAY));
    expect(result.ok).toBe(true);
    expect(await items()).toEqual([]);
    const next = await checkInCard(desk.at(NEXT_DAY), 'C0404', 'scanner');
    expect(next.decision).toMatchObject({ outcome: 'admit', reason: 'OK', memberId: item!.ticket.id });
    expect(next.member?.name).toBe('赵六');
    expect((await desk.repos.members.search('4321')).map((m) => m.name)).toEqual(['赵六']);
  });

  it('refuses a registration without a name, and blocks the card', async () => {
    const [item] = await items();
    expect(await registerTicket(desk.repos, desk.station, item!.ticket, { name: ' ', phoneTail: '', category: 'other' }, Date.parse(NEXT_DAY))).toEqual({
      ok: false,
      error: 'NAME_REQUIRED',
    });
    expect(await items()).toHaveLength(1);
    expect((await blockTicket(desk.repos, item!.ticket, Date.parse(NEXT_DAY))).ok).toBe(true);
    expect(await items()).toEqual([]);
    expect((await checkInCard(desk.at(NEXT_DAY, { online: false }), 'C0404', 'scanner')).decision.reason).toBe('MEMBER_SUSPENDED');
  });
});
