// Scanner edge cases found at the desk (issue: the desk as staff live in it), through the real key
// handler and decoder with a fake focused field: two cards sent back to back without a suffix, a
// member pass the scanner stalls in the middle of, a second Enter after a scan, letters typed by
// hand. What the check-in screen then does with each is tested beside it (features/check-in).
import { describe, expect, it } from 'vitest';
import { assemblePass, passSigningInput } from '../../../shared/passes/index';
import { pausesIn, splitScan } from './burst-split';
import { createFakeDesk } from './fake-desk.test-util';
import { isPassPrefix, isPassRemainder } from './pass-prefix';
import { STALLED_CODE_GAP_MS } from './wedge-decoder';
import { after, burst, enter, typing } from './wedge-events.test-util';

const CARD_A = '310000000001';
const CARD_B = '310000000002';
/** A whole member pass (~200 characters; its signature is not checked here). */
const PASS = assemblePass(
  passSigningInput({ p: 'P-0001', m: '01J9X7Q2M4Z8K3N6R5T0W1Y9A2', c: 'U', v: 2_000_000_000, k: 'K-2025', i: 1_700_000_000 }),
  Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256),
);
const roster = new Set([CARD_A, CARD_B]);
const knownCard = (text: string) => Promise.resolve(roster.has(text));

describe('two cards sent less than the pause apart, without a suffix', () => {
  const twoCards = (gapMs: number) => {
    const first = burst(CARD_A, 1000, 4);
    return [...first, ...burst(CARD_B, after(first, gapMs), 4)];
  };

  it('reach the check-in screen as one run, which is cut where the first card ends', async () => {
    const desk = createFakeDesk();
    desk.play(twoCards(60));
    desk.idle();
    expect(desk.scans.map((s) => s.text)).toEqual([CARD_A + CARD_B]);
    expect(desk.field.value).toBe('');
    expect(await splitScan(desk.scans[0]!, knownCard)).toEqual([CARD_A, CARD_B]);
  });

  it('a scanner that hiccups in the middle of one card stays one card', async () => {
    const desk = createFakeDesk();
    const head = burst('310000', 1000, 6);
    desk.play([...head, ...burst('000001', after(head, 90), 6)]);
    desk.idle();
    expect(desk.scans.map((s) => s.text)).toEqual([CARD_A]);
    expect(await splitScan(desk.scans[0]!, knownCard)).toEqual([CARD_A]);
  });

  it('nothing is cut without a clear pause, nor where the text before the pause is no whole code', async () => {
    const steady = createFakeDesk();
    steady.play(burst(CARD_A + CARD_B, 1000, 4));
    steady.idle();
    expect(pausesIn(steady.scans[0]!.text, steady.scans[0]!.timings.intervals)).toEqual([]);
    const asked: string[] = [];
    expect(await splitScan(steady.scans[0]!, (text) => (asked.push(text), knownCard(text)))).toEqual([CARD_A + CARD_B]);
    expect(asked, 'a run without a pause costs no lookup').toEqual([]);

    const unknownHead = createFakeDesk();
    const first = burst('399999999999', 1000, 4);
    unknownHead.play([...first, ...burst(CARD_B, after(first, 60), 4)]);
    unknownHead.idle();
    expect(await splitScan(unknownHead.scans[0]!, knownCard)).toEqual(['399999999999' + CARD_B]);
  });

  it('three cards in one run come apart in order', async () => {
    const desk = createFakeDesk();
    const a = burst(CARD_A, 1000, 3);
    const b = burst(CARD_B, after(a, 50), 3);
    desk.play([...a, ...b, ...burst(CARD_A, after(b, 70), 3), enter(after(b, 70 + 12 * 3))]);
    expect(await splitScan(desk.scans[0]!, knownCard)).toEqual([CARD_A, CARD_B, CARD_A]);
  });
});

describe('a member pass the scanner stalls in the middle of', () => {
  const stalled = (stallMs: number, withEnter = true) => {
    const head = burst(PASS.slice(0, 90), 1000, 3);
    const tail = burst(PASS.slice(90), after(head, stallMs), 3);
    return withEnter ? [...head, ...tail, enter(after(tail, 3))] : [...head, ...tail];
  };

  it('a stall of a few hundred ms: the rest joins it, one whole pass', () => {
    for (const withEnter of [true, false]) {
      const desk = createFakeDesk();
      desk.play(stalled(400, withEnter));
      desk.idle();
      expect(desk.scans.map((s) => s.text)).toEqual([PASS]);
      expect(desk.field.value).toBe('');
    }
  });

  it('a longer stall: two pieces, the start a cut pass and the rest no card number', () => {
    const desk = createFakeDesk();
    desk.play(stalled(STALLED_CODE_GAP_MS + 200));
    desk.idle();
    const [head, tail] = desk.scans.map((s) => s.text);
    expect(desk.scans).toHaveLength(2);
    expect(head).toBe(PASS.slice(0, 90));
    expect(isPassPrefix(head!)).toBe(true);
    expect(tail).toBe(PASS.slice(90));
    expect(isPassRemainder(tail!)).toBe(true);
    expect(desk.field.value).toBe('');
  });

  it('a card burst that stops is still ended by the usual pause', () => {
    const desk = createFakeDesk();
    const keys = burst(CARD_A, 1000, 4);
    desk.play([...keys, ...typing('5', after(keys, 300), 100)]);
    desk.idle();
    expect(desk.scans.map((s) => [s.text, s.timings.terminator])).toEqual([[CARD_A, 'timeout']]);
    expect(desk.field.value).toBe('5');
  });

  it('tells a pass piece from a card number', () => {
    expect(isPassPrefix(PASS)).toBe(false);
    expect(isPassPrefix('SD1.eyJwIjoiUC0w')).toBe(true);
    expect(isPassPrefix(CARD_A)).toBe(false);
    expect(isPassRemainder(CARD_A)).toBe(false);
    expect(isPassRemainder('AB-12')).toBe(false);
    expect(isPassRemainder('310000000001.5')).toBe(false);
    expect(isPassRemainder('3100<script>alert(1)</script>')).toBe(false);
  });
});

describe('Enter and letters by hand', () => {
  it('a second Enter after a scan reaches the field empty (the screen ignores an empty Enter)', () => {
    const desk = createFakeDesk();
    const keys = burst(CARD_A, 1000, 4);
    desk.play([...keys, enter(after(keys, 4)), enter(after(keys, 400))]);
    expect(desk.scans.map((s) => s.text)).toEqual([CARD_A]);
    expect(desk.submitted).toEqual(['']);
  });

  it('letters typed by hand are typing, never a scan; a scanner’s letters are a scan', () => {
    const desk = createFakeDesk();
    const keys = typing('abc', 1000, 150);
    desk.play([...keys, enter(after(keys, 150))]);
    expect(desk.scans).toEqual([]);
    expect(desk.submitted).toEqual(['abc']);
    const scanned = createFakeDesk();
    const code = burst('ABCD', 1000, 4);
    scanned.play([...code, enter(after(code, 4))]);
    expect(scanned.scans.map((s) => s.text)).toEqual(['ABCD']);
  });
});
