// The desk's conflict policies (docs/sync-protocol.md, "Conflicts"), collection by collection.
import { describe, expect, it } from 'vitest';
import { makeCheckIn, makeMember } from '../../tests/support/builders/index';
import { resolveConflict, sameDocument, sameState } from './conflicts';

const wire = <T extends object>(doc: T, over: Record<string, unknown> = {}) => ({ ...doc, _deleted: false, ...over }) as Record<string, unknown> & { _deleted: boolean };

describe('conflict resolution', () => {
  const visit = wire(makeCheckIn({ serverRev: 5 }));

  it('lets a desk edit win when the server only re-stamped what the desk knew', () => {
    const assumed = wire(visit, { serverRev: 5 });
    const master = wire(visit, { serverRev: 9 });
    const mine = wire(visit, { serverRev: 5, checkedOutAt: '2026-11-29T05:00:00.000Z', checkOutMethod: 'scan' });
    expect(resolveConflict('checkins', { assumedMasterState: assumed, realMasterState: master, newDocumentState: mine })).toMatchObject({
      serverRev: 9,
      checkedOutAt: '2026-11-29T05:00:00.000Z',
    });
  });

  it.each([
    ['the latest of two real check-outs', ['05:00', 'manual'], ['06:00', 'scan'], ['06:00', 'scan']],
    ['a real check-out over a later closing one', ['05:00', 'manual'], ['14:00', 'closing'], ['05:00', 'manual']],
    ['a real check-out over an earlier closing one', ['14:00', 'closing'], ['13:00', 'scan'], ['13:00', 'scan']],
    ['the latest of two closing ones', ['14:00', 'closing'], ['14:30', 'closing'], ['14:30', 'closing']],
  ])('check-ins keep %s', (_name, [masterAt, masterHow], [mineAt, mineHow], [at, how]) => {
    const at_ = (hhmm: string) => `2026-11-29T${hhmm}:00.000Z`;
    const master = wire(visit, { serverRev: 9, checkedOutAt: at_(masterAt!), checkOutMethod: masterHow });
    const mine = wire(visit, { checkedOutAt: at_(mineAt!), checkOutMethod: mineHow });
    expect(resolveConflict('checkins', { assumedMasterState: wire(visit), realMasterState: master, newDocumentState: mine })).toMatchObject({
      checkedOutAt: at_(at!),
      checkOutMethod: how,
    });
  });

  it.each([
    ['the later real check-out, with its staff member', ['05:00', 'manual', 'S-1'], ['06:00', 'scan', 'S-2'], ['06:00', 'scan', 'S-2']],
    ['the real check-out over a closing one, with its staff member', ['14:00', 'closing', 'system'], ['13:00', 'scan', 'S-2'], ['13:00', 'scan', 'S-2']],
    ['no one for a check-out from a desk older than checkedOutBy', ['14:00', 'closing', 'system'], ['13:00', 'scan', undefined], ['13:00', 'scan', null]],
  ])('check-ins take who checked out together with the check-out: %s', (_name, [masterAt, masterHow, masterBy], [mineAt, mineHow, mineBy], [at, how, by]) => {
    const at_ = (hhmm: string) => `2026-11-29T${hhmm}:00.000Z`;
    const master = wire(visit, { serverRev: 9, checkedOutAt: at_(masterAt!), checkOutMethod: masterHow, checkedOutBy: masterBy });
    const mine = wire(visit, { checkedOutAt: at_(mineAt!), checkOutMethod: mineHow, ...(mineBy === undefined ? {} : { checkedOutBy: mineBy }) });
    const resolved = resolveConflict('checkins', { assumedMasterState: wire(visit), realMasterState: master, newDocumentState: mine });
    expect(resolved).toMatchObject({ checkedOutAt: at_(at!), checkOutMethod: how });
    expect(resolved.checkedOutBy).toBe(by);
  });

  it('merges members field by field, the server winning on status, validity and sign-in digits', () => {
    const base = wire(makeMember({ serverRev: 3 }));
    const master = wire(base, { serverRev: 8, status: 'suspended', category: 'driver' });
    const mine = wire(base, { name: '王建国（已核实）', status: 'active', phoneTail: '0000' });
    expect(resolveConflict('members', { assumedMasterState: base, realMasterState: master, newDocumentState: mine })).toMatchObject({
      name: '王建国（已核实）',
      category: 'driver',
      status: 'suspended',
      phoneTail: base.phoneTail,
    });
  });

  it('lets the server win on server-kept collections and tombstones', () => {
    const member = wire(makeMember());
    const gone = wire(member, { _deleted: true, serverRev: 4 });
    expect(resolveConflict('members', { realMasterState: gone, newDocumentState: wire(member, { name: 'x' }) })).toBe(gone);
  });

  it('compares states with and without the server stamp', () => {
    const a = wire(visit, { serverRev: 1 });
    const b = wire(visit, { serverRev: 2 });
    expect(sameDocument(a, b)).toBe(true);
    expect(sameState(a, b)).toBe(false);
  });
});
