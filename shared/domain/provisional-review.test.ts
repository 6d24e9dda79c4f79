/** Review tickets for provisional admissions: which member a card means, matched / registered / blocked. */
import { describe, expect, it } from 'vitest';
import { MEMBER_CATEGORIES, memberSchema } from '../schemas/members';
import {
  blockCard,
  endOfLocalYear,
  pickCardMember,
  provisionalTicket,
  registerWalkIn,
  reviewState,
} from './provisional-review';
import { cst, makeMember, makeStation, MONDAY } from '../../tests/support/builders/fixed';

const station = makeStation();
const NOW = cst(`${MONDAY} 15:00`);
const ticket = provisionalTicket({ id: 'T-1', stationId: 'st-1', cardNo: 'C0404', now: NOW });

describe('provisionalTicket', () => {
  it('is a provisional member doc for the card that fits the members schema', () => {
    expect(ticket).toMatchObject({ id: 'T-1', cardNo: 'C0404', source: 'provisional', name: '', updatedAt: NOW });
    for (const key of memberSchema.required ?? []) expect(ticket, key).toHaveProperty(key);
  });
});

describe('pickCardMember', () => {
  it('prefers a roster member, then a walk-in, then the oldest ticket', () => {
    const server = makeMember({ id: 'S', source: 'server' });
    const walkIn = makeMember({ id: 'W', source: 'walk-in' });
    const t2 = { ...ticket, id: 'T-2' };
    expect(pickCardMember([t2, ticket, walkIn, server])?.id).toBe('S');
    expect(pickCardMember([t2, walkIn, ticket])?.id).toBe('W');
    expect(pickCardMember([t2, ticket])?.id).toBe('T-1');
    expect(pickCardMember([])).toBeNull();
  });
});

describe('reviewState', () => {
  it('says whether the roster now knows the card', () => {
    const known = makeMember({ id: 'M', cardNo: 'C0404' });
    expect(reviewState(ticket, [ticket, known])).toEqual({ kind: 'known', member: known });
    expect(reviewState(ticket, [ticket, { ...ticket, id: 'T-2' }])).toEqual({ kind: 'unknown' });
    expect(reviewState(ticket, [makeMember({ id: 'other', cardNo: 'C9999' })])).toEqual({ kind: 'unknown' });
  });
});

describe('registerWalkIn', () => {
  it('turns the ticket into a walk-in member in place, valid to the end of the local year', () => {
    const result = registerWalkIn(ticket, { name: ' 赵  六 ', phoneTail: '4321', category: 'courier' }, station, NOW);
    expect(result).toEqual({
      ok: true,
      member: {
        ...ticket,
        name: '赵 六',
        phoneTail: '4321',
        phoneMasked: '****4321',
        category: 'courier',
        status: 'active',
        validUntil: '2026-12-31T15:59:59.000Z',
        source: 'walk-in',
        updatedAt: NOW,
      },
    });
  });
  it.each([
    [{ name: '  ', phoneTail: '', category: 'other' as const }, 'NAME_REQUIRED'],
    [{ name: '名'.repeat(61), phoneTail: '', category: 'other' as const }, 'NAME_TOO_LONG'],
    [{ name: '赵六', phoneTail: '12', category: 'other' as const }, 'BAD_PHONE_TAIL'],
    [{ name: '赵六', phoneTail: '12a4', category: 'other' as const }, 'BAD_PHONE_TAIL'],
  ])('refuses %j', (fields, error) => {
    expect(registerWalkIn(ticket, fields, station, NOW)).toEqual({ ok: false, error });
  });
  it('refuses a member that is not a ticket', () => {
    expect(registerWalkIn(makeMember(), { name: 'x', phoneTail: '', category: MEMBER_CATEGORIES[0] }, station, NOW)).toEqual({
      ok: false,
      error: 'NOT_PROVISIONAL',
    });
  });
});

describe('blockCard', () => {
  it('turns the ticket into a suspended walk-in', () => {
    const result = blockCard(ticket, NOW);
    expect(result.ok && result.member).toMatchObject({ id: 'T-1', source: 'walk-in', status: 'suspended' });
    expect(blockCard(makeMember(), NOW)).toEqual({ ok: false, error: 'NOT_PROVISIONAL' });
  });
});

describe('endOfLocalYear', () => {
  it('is 23:59:59 local on 31 December', () => {
    expect(endOfLocalYear(station, cst('2026-12-31 23:59'))).toBe('2026-12-31T15:59:59.000Z');
    expect(endOfLocalYear(station, cst('2027-01-01 00:00'))).toBe('2027-12-31T15:59:59.000Z');
  });
});
