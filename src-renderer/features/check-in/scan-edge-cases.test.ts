// What the check-in screen does with the scanner's edge cases (the decoder's side is
// input/scanner/scanner-edge-cases.test.ts), on real repositories (RxDB memory storage): two cards
// read as one run are recorded as two check-ins; a pass cut short — its start or its rest — asks
// for a rescan and records nothing; a pass that does not verify is "无效会员码", never
// "名册外卡号 <pass text>".
import type { TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assemblePass, passSigningInput } from '../../../shared/passes/index';
import { cst, makeMember, MONDAY } from '../../../tests/support/builders/fixed';
import { createI18n } from '../../i18n/index';
import { splitScan } from '../../input/scanner/burst-split';
import { checkInScan } from './check-in-command';
import { openTestDesk, type TestDesk } from './desk-fixture.test-util';
import { resultLabel } from './result-panel';
import { isWholeCode } from './use-check-in-desk';

const NOW = Date.parse(cst(`${MONDAY} 10:00`));
const PASS = assemblePass(
  passSigningInput({ p: 'P-0001', m: 'm-wang', c: 'U', v: 2_000_000_000, k: 'K-UNKNOWN', i: 1_700_000_000 }),
  new Uint8Array(64).fill(7),
);

let desk: TestDesk;
beforeEach(async () => {
  desk = await openTestDesk();
  await desk.repos.members.bulkInsert([makeMember({ id: 'm-wang', name: '王建国', cardNo: '310000000001' }), makeMember({ id: 'm-li', name: '李建国', cardNo: '310000000002' })]);
});
afterEach(async () => desk.close());

const recorded = () => desk.repos.checkins.between({ from: cst('2026-01-01 00:00'), to: cst('2027-01-01 00:00') });
const timings = (intervals: number[]) => ({ intervals, avgIntervalMs: 0, maxIntervalMs: 0, terminator: 'timeout' as const });

describe('scanner edge cases at the check-in screen', () => {
  it('knows a whole code: a roster card or a whole pass', async () => {
    const ctx = desk.at(NOW);
    expect(await isWholeCode(ctx, '310000000001')).toBe(true);
    expect(await isWholeCode(ctx, '3100000000')).toBe(false);
    expect(await isWholeCode(ctx, '310000000001310000000002')).toBe(false);
    expect(await isWholeCode(ctx, PASS)).toBe(true);
    expect(await isWholeCode(ctx, PASS.slice(0, 120))).toBe(false);
  });

  it('two cards read as one run are two check-ins, not one unknown card', async () => {
    const ctx = desk.at(NOW);
    const merged = { text: '310000000001310000000002', timings: timings([...Array<number>(11).fill(4), 60, ...Array<number>(11).fill(4)]) };
    const pieces = await splitScan(merged, (text) => isWholeCode(ctx, text));
    expect(pieces).toEqual(['310000000001', '310000000002']);
    for (const piece of pieces) await checkInScan(ctx, piece, 'scanner');
    expect((await recorded()).map((c) => [c.memberId, c.outcome])).toEqual(
      expect.arrayContaining([
        ['m-wang', 'admit'],
        ['m-li', 'admit'],
      ]),
    );
    expect(await recorded()).toHaveLength(2);
  });

  it('a pass cut short, its start or its rest, asks for a rescan and records nothing', async () => {
    const ctx = desk.at(NOW);
    expect(await checkInScan(ctx, PASS.slice(0, 90), 'scanner')).toEqual({ kind: 'unreadable' });
    // the rest is longer than any card and carries the pass's '.': never looked up as a card number
    expect(await checkInScan(ctx, PASS.slice(90), 'scanner')).toEqual({ kind: 'unreadable' });
    expect(await recorded()).toEqual([]);
  });

  it('a pass that does not verify is shown as an invalid pass, not as a card with its text', async () => {
    const i18n = await createI18n('zh-CN');
    const t = i18n.t.bind(i18n) as TFunction;
    const outcome = await checkInScan(desk.at(NOW), PASS, 'scanner');
    if (outcome.kind !== 'result') throw new Error(`expected a result, got ${outcome.kind}`);
    expect(outcome.result.decision).toMatchObject({ outcome: 'deny', reason: 'BAD_SIGNATURE', memberId: '' });
    expect(resultLabel(t, outcome.result)).toBe('无效会员码');
    expect(resultLabel(t, outcome.result)).not.toContain('SD1');
    // a card of nobody is still named by its number
    const unknown = await checkInScan(desk.at(NOW), '399999', 'scanner');
    if (unknown.kind !== 'result') throw new Error('expected a result');
    expect(resultLabel(t, unknown.result)).toBe('名册外卡号 399999');
  });
});
