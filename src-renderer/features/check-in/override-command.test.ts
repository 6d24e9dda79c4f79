// Manager override on real repositories with real PBKDF2 verifiers: the denial stays, the
// override is a second record naming the manager; a desk member's PIN never gets that far.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cst, makeMember, makeStaff, MONDAY } from '../../../tests/support/builders/fixed';
import type { StaffDoc } from '../../../shared/schemas/index';
import { memoryLockoutStore } from '../../session/pin-lockout';
import { makePinVerifier } from '../../session/pin-verify';
import { authenticateManager } from '../../session/staff-auth';
import { checkInCard } from './check-in-command';
import { openTestDesk, type TestDesk } from './desk-fixture.test-util';
import { overrideDenial } from './override-command';

const NOW = cst(`${MONDAY} 10:00`);
const LATER = cst(`${MONDAY} 10:01`);
let desk: TestDesk;
let manager: StaffDoc;
let deskStaff: StaffDoc;

beforeEach(async () => {
  desk = await openTestDesk();
  await desk.repos.members.upsert(makeMember({ id: 'm-susp', cardNo: 'C0007', status: 'suspended', name: '停用' }));
  manager = await desk.repos.staff.save(makeStaff({ id: 'staff-mgr', role: 'manager', pin: await makePinVerifier('9999', 1000) }));
  deskStaff = await desk.repos.staff.save(makeStaff({ id: 'staff-desk', role: 'desk', name: '李前台', pin: await makePinVerifier('1234', 1000) }));
});
afterEach(async () => desk.close());

const all = () => desk.repos.checkins.between({ from: cst('2026-01-01 00:00'), to: cst('2027-01-01 00:00') });
const gate = { lockout: memoryLockoutStore(), now: () => Date.parse(LATER) };

describe('overrideDenial', () => {
  it('records the override as a second record; the denial stays', async () => {
    const denied = await checkInCard(desk.at(NOW), 'C0007', 'scanner');
    const auth = await authenticateManager(gate, await desk.repos.staff.active(), '9999');
    expect(auth.ok).toBe(true);
    const outcome = await overrideDenial(desk.at(LATER), denied, auth.ok ? auth.staff : manager, '  家属陪同  ');
    expect(outcome.ok).toBe(true);
    const records = await all();
    expect(records.map((c) => [c.outcome, c.reason])).toEqual([
      ['admit-with-warning', 'MANAGER_OVERRIDE'],
      ['deny', 'MEMBER_SUSPENDED'],
    ]);
    expect(records[0]).toMatchObject({
      memberId: 'm-susp',
      staffId: 'staff-desk',
      method: 'scanner',
      at: LATER,
      override: { staffId: 'staff-mgr', deniedFor: 'MEMBER_SUSPENDED', note: '家属陪同', at: LATER },
    });
    expect(outcome.ok && outcome.result.member?.name).toBe('停用');
  });

  it('refuses a desk member’s PIN on the pad, and a desk member as the overriding staff', async () => {
    const denied = await checkInCard(desk.at(NOW), 'C0007', 'scanner');
    expect(await authenticateManager(gate, await desk.repos.staff.active(), '1234')).toMatchObject({ ok: false, error: 'NOT_A_MANAGER' });
    expect(await overrideDenial(desk.at(LATER), denied, deskStaff)).toEqual({ ok: false, error: 'NOT_A_MANAGER' });
    expect(await overrideDenial(desk.at(LATER), denied, { ...manager, active: false })).toEqual({ ok: false, error: 'STAFF_INACTIVE' });
    expect(await all()).toHaveLength(1);
  });

  it('refuses to override an admission or a duplicate', async () => {
    await desk.repos.members.upsert(makeMember({ id: 'm-ok', cardNo: 'C0001' }));
    const admitted = await checkInCard(desk.at(NOW), 'C0001', 'scanner');
    expect(await overrideDenial(desk.at(LATER), admitted, manager)).toEqual({ ok: false, error: 'NOT_DENIED' });
    const duplicate = await checkInCard(desk.at(LATER), 'C0001', 'scanner');
    expect(await overrideDenial(desk.at(LATER), duplicate, manager)).toEqual({ ok: false, error: 'NOT_DENIED' });
  });

  it('lets an unknown card in provisionally, with a review ticket', async () => {
    const denied = await checkInCard(desk.at(NOW), 'C0404', 'manual');
    expect(denied.decision.reason).toBe('UNKNOWN_BADGE');
    const outcome = await overrideDenial(desk.at(LATER), denied, manager);
    const [ticket] = await desk.repos.members.provisional();
    expect(ticket?.cardNo).toBe('C0404');
    expect(outcome.ok && outcome.result.record).toMatchObject({ provisional: true, memberId: ticket!.id, reason: 'MANAGER_OVERRIDE' });
  });
});
