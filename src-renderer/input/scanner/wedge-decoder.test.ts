// Table-driven synthetic keydown streams through the real decoder and key handler, with a fake
// focused field: every failure mode of keyboard-wedge scanning that docs/domain-rules.md names.
import { describe, expect, it } from 'vitest';
import { createFakeDesk, type DeskEvent } from './fake-desk.test-util';
import { createWedgeDecoder } from './wedge-decoder';
import { after, burst, control, enter, keyFor, lineFeed, special, typing } from './wedge-events.test-util';
import type { ScannerOptions } from './wedge-options';

const CARD = '310000000001';
/** A member pass: base64url segments joined by '.', plus ':' — every character a pass may use. */
const PASS = 'SD1:eyJtIjoiMzEwIn0.Ab-_9zQx';

const scanThenEnter = (text: string, start = 1000, step = 4, opts: Parameters<typeof burst>[3] = {}) => {
  const keys = burst(text, start, step, opts);
  return [...keys, enter(after(keys, step), opts)];
};

interface Case {
  name: string;
  events: () => DeskEvent[];
  options?: Partial<ScannerOptions>;
  initial?: string;
  scans: string[];
  /** The field after everything (human keys land there, burst keys do not stay). */
  field: string;
  submitted?: string[];
  verdicts?: string[];
}

const cases: Case[] = [
  { name: 'clean burst + Enter', events: () => scanThenEnter(CARD), scans: [CARD], field: '', submitted: [], verdicts: ['scanner'] },
  {
    name: 'burst + CR+LF (Enter, Ctrl+J) is one scan and submits nothing',
    events: () => {
      const keys = scanThenEnter(CARD);
      return [...keys, lineFeed(after(keys, 4))];
    },
    scans: [CARD],
    field: '',
    submitted: [],
  },
  {
    name: 'burst + CR+LF typed as two Enters is one scan',
    events: () => {
      const keys = scanThenEnter(CARD);
      return [...keys, enter(after(keys, 3))];
    },
    scans: [CARD],
    field: '',
    submitted: [],
  },
  {
    name: 'burst + LF only (Ctrl+J)',
    events: () => {
      const keys = burst(CARD, 1000, 4);
      return [...keys, lineFeed(after(keys, 4))];
    },
    scans: [CARD],
    field: '',
    submitted: [],
  },
  {
    name: 'burst + NumpadEnter',
    events: () => {
      const keys = burst(CARD, 1000, 4);
      return [...keys, special('NumpadEnter', after(keys, 4))];
    },
    scans: [CARD],
    field: '',
  },
  {
    name: 'burst without terminator: taken after the pause (flush on)',
    events: () => burst(CARD, 1000, 4),
    scans: [CARD],
    field: '',
    verdicts: ['scanner'],
  },
  {
    name: 'burst without terminator, flush off: typed into the field for staff to confirm',
    options: { flushWithoutTerminator: false },
    events: () => burst(CARD, 1000, 4),
    scans: [],
    field: CARD,
    verdicts: ['no-terminator'],
  },
  {
    name: 'Tab suffix when Tab is a terminator',
    options: { tabTerminates: true },
    events: () => {
      const keys = burst(CARD, 1000, 4);
      return [...keys, special('Tab', after(keys, 4))];
    },
    scans: [CARD],
    field: '',
  },
  {
    name: 'IME active: Process keys, keyCode 229, composition with Chinese text',
    events: () => {
      const keys = burst(PASS, 1000, 5, { ime: true });
      return [
        { composition: 'start', timeStamp: 999 },
        ...keys,
        enter(after(keys, 5), { ime: true }),
        { composition: 'end', data: '山东一：额呀集团', timeStamp: after(keys, 7) },
      ];
    },
    scans: [PASS],
    field: '',
    submitted: [],
  },
  {
    name: 'IME active, composition still open when the scan ends: field restored after it commits',
    events: () => {
      const keys = burst(CARD, 1000, 5, { ime: true });
      return [{ composition: 'start', timeStamp: 999 }, ...keys, enter(after(keys, 5)), { composition: 'end', data: '三一〇', timeStamp: after(keys, 150) }];
    },
    scans: [CARD],
    field: '',
  },
  { name: 'French AZERTY layout: event.key differs, event.code is right', events: () => scanThenEnter(PASS, 1000, 4, { layout: 'fr' }), scans: [PASS], field: '' },
  { name: 'German QWERTZ layout', events: () => scanThenEnter('ZyZy-_.:90', 1000, 4, { layout: 'de' }), scans: ['ZyZy-_.:90'], field: '' },
  { name: 'Shift-letters keep their case', events: () => scanThenEnter('AbCdEfGh12'), scans: ['AbCdEfGh12'], field: '' },
  {
    name: 'CapsLock on: the scanner’s Shift decides the case, not event.key',
    events: () => {
      const keys = burst('abc123', 1000, 4).map((e) => ({ ...e, key: e.key.toUpperCase() }));
      return [...keys, enter(after(keys, 4))];
    },
    scans: ['abc123'],
    field: '',
  },
  {
    name: 'control characters (Ctrl+letter, GS) inside a burst are stripped',
    events: () => {
      const head = burst('3100', 1000, 4);
      const tail = burst('00001', after(head, 8), 4);
      return [...head, control('BracketRight', after(head, 4)), ...tail, control('KeyB', after(tail, 2)), enter(after(tail, 4))];
    },
    scans: ['310000001'],
    field: '',
  },
  {
    name: 'keys without a code fall back to plain ASCII `key`, never to full-width IME output',
    events: () => {
      const keys = ['3', '1', '０', '0', '0', '1', '２'].map((key, i) => ({ code: '', key, shiftKey: false, timeStamp: 1000 + i * 4 }));
      return [...keys, { code: '', key: 'Enter', keyCode: 13, shiftKey: false, timeStamp: 1040 }];
    },
    scans: ['31001'],
    field: '',
  },
  {
    name: 'same code twice inside the debounce window: the second is dropped (and not submitted)',
    events: () => {
      const first = scanThenEnter(CARD, 1000);
      return [...first, ...scanThenEnter(CARD, after(first, 400))];
    },
    scans: [CARD],
    field: '',
    submitted: [],
    verdicts: ['scanner', 'duplicate'],
  },
  {
    name: 'same code twice outside the debounce window: both kept',
    events: () => {
      const first = scanThenEnter(CARD, 1000);
      return [...first, ...scanThenEnter(CARD, after(first, 1200))];
    },
    scans: [CARD, CARD],
    field: '',
  },
  {
    name: 'two different codes back to back: both kept',
    events: () => {
      const first = scanThenEnter(CARD, 1000);
      return [...first, ...scanThenEnter('310000000002', after(first, 150))];
    },
    scans: [CARD, '310000000002'],
    field: '',
  },
  {
    name: 'human typing interleaved with a burst: human keys go to the field, the burst is read intact',
    events: () => {
      const before = typing('ab', 1000, 180);
      const scan = scanThenEnter(CARD, after(before, 250));
      const more = typing('cd', after(scan, 300), 200);
      return [...before, ...scan, ...more, enter(after(more, 200))];
    },
    scans: [CARD],
    field: '',
    submitted: ['abcd'],
  },
  {
    name: 'a burst while the badge input holds half-typed text: the text stays, typing goes on',
    initial: '3100',
    events: () => {
      const scan = scanThenEnter(PASS, 1000);
      const more = typing('07', after(scan, 400), 150);
      return [...scan, ...more, enter(after(more, 150))];
    },
    scans: [PASS],
    field: '',
    submitted: ['310007'],
  },
  {
    name: 'a person types a card number and Enter: manual path, no scan',
    events: () => {
      const keys = typing(CARD, 1000, 120);
      return [...keys, enter(after(keys, 150))];
    },
    scans: [],
    field: '',
    submitted: [CARD],
    // Each key comes after more than maxGapMs: every run is a single character.
    verdicts: Array<string>(CARD.length).fill('too-short'),
  },
  {
    name: 'a fast typist (60 ms a key) makes one run, judged too slow',
    events: () => {
      const keys = typing(CARD, 1000, 60);
      return [...keys, enter(after(keys, 60))];
    },
    scans: [],
    field: '',
    submitted: [CARD],
    verdicts: ['too-slow'],
  },
  {
    name: 'a fast human roll of two keys is too short to be a scan',
    events: () => {
      const keys = typing('ab', 1000, 15);
      return [...keys, enter(after(keys, 200))];
    },
    scans: [],
    field: '',
    submitted: ['ab'],
    verdicts: ['too-short'],
  },
  {
    name: 'a held key auto-repeats fast but is never a scan',
    events: () => [keyFor('1', 1000), ...Array.from({ length: 10 }, (_, i) => keyFor('1', 1500 + i * 33, { repeat: true }))],
    scans: [],
    field: '11111111111',
  },
  {
    name: 'Backspace ends a human run and edits as usual',
    events: () => [...typing('12', 1000, 150), special('Backspace', 1400), ...typing('3', 1550, 150), enter(1700)],
    scans: [],
    field: '',
    submitted: ['13'],
  },
  {
    name: 'a slow scanner with one hiccup is still one scan',
    events: () => {
      const head = burst('310000', 1000, 6);
      const tail = burst('000001', after(head, 90), 6);
      return [...head, ...tail, enter(after(tail, 6))];
    },
    scans: [CARD],
    field: '',
  },
  {
    name: 'a wider threshold accepts a slow Bluetooth scanner',
    options: { maxAvgIntervalMs: 60, maxGapMs: 150 },
    events: () => scanThenEnter(CARD, 1000, 50),
    scans: [CARD],
    field: '',
  },
];

describe('keyboard-wedge scanning (synthetic event streams)', () => {
  it.each(cases)('$name', ({ events, options, initial, scans, field, submitted, verdicts }) => {
    const desk = createFakeDesk(options, initial);
    desk.play(events());
    desk.idle();
    expect(desk.scans.map((s) => s.text)).toEqual(scans);
    expect(desk.field.value).toBe(field);
    if (submitted) expect(desk.submitted).toEqual(submitted);
    if (verdicts) expect(desk.sequences.map((s) => s.verdict)).toEqual(verdicts);
    for (const scan of desk.scans) {
      expect(scan.method).toBe('scanner');
      expect(scan.text).toMatch(/^[\x21-\x7e]+$/);
    }
  });

  it('a burst while focus is on no field is still read and swallows its Enter', () => {
    const desk = createFakeDesk();
    desk.field.focused = false;
    desk.play(scanThenEnter(CARD));
    expect(desk.scans.map((s) => s.text)).toEqual([CARD]);
    expect(desk.swallowed).toContain('Enter');
  });

  it('reports per-key intervals, the terminator and whether an IME was active', () => {
    const desk = createFakeDesk();
    desk.play(scanThenEnter('3100', 1000, 5));
    const [scan] = desk.scans;
    expect(scan?.timings).toEqual({ intervals: [5, 5, 5], avgIntervalMs: 5, maxIntervalMs: 5, terminator: 'enter' });
    expect(scan?.ime).toBe(false);
    desk.play([{ composition: 'start', timeStamp: 5000 }, ...scanThenEnter('4100', 5001, 5, { ime: true })]);
    expect(desk.scans[1]?.ime).toBe(true);
  });

  it('swallows the keys after the burst is recognised, never a human key', () => {
    const decoder = createWedgeDecoder();
    const swallowed = burst(CARD, 1000, 4).map((e) => decoder.onKeyDown(e).swallow);
    // Shift never appears for digits; the first three characters cannot be told from typing yet.
    expect(swallowed).toEqual([false, false, false, ...Array<boolean>(CARD.length - 3).fill(true)]);
    expect(decoder.onKeyDown(enter(1100)).swallow).toBe(true);
    expect(typing('abcdef', 5000, 120).map((e) => decoder.onKeyDown(e).swallow)).toEqual(Array<boolean>(6).fill(false));
    expect(decoder.onKeyDown(enter(6000)).swallow).toBe(false);
  });

  it('tells the caller when to flush, and nothing when idle', () => {
    const decoder = createWedgeDecoder({ maxGapMs: 100 });
    expect(decoder.nextDeadline()).toBeNull();
    for (const e of burst(CARD, 1000, 4)) decoder.onKeyDown(e);
    const deadline = decoder.nextDeadline();
    expect(deadline).toBe(1000 + 11 * 4 + 101);
    expect(decoder.tick(1100)).toBeNull();
    expect(decoder.tick(deadline ?? 0)?.scan?.text).toBe(CARD);
    expect(decoder.nextDeadline()).toBeNull();
  });

  it('reset forgets the debounce memory and any open run', () => {
    const decoder = createWedgeDecoder();
    for (const e of scanThenEnter(CARD)) decoder.onKeyDown(e);
    decoder.reset();
    const ends = scanThenEnter(CARD, 1200).map((e) => decoder.onKeyDown(e).ended);
    expect(ends.at(-1)?.sequence.verdict).toBe('scanner');
  });
});
