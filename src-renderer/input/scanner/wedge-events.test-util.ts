/**
 * Synthetic keydown streams for the scanner tests: what a US-emulating scanner or a person
 * produces on a US, French or German desk, with or without a Chinese IME active.
 */
import { usCharForCode } from './us-keymap';
import type { WedgeKeyEvent } from './wedge-decoder';

const CODES = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `Key${l}`),
  ...'0123456789'.split('').map((d) => `Digit${d}`),
  'Backquote', 'Minus', 'Equal', 'BracketLeft', 'BracketRight', 'Backslash', 'Semicolon', 'Quote', 'Comma', 'Period', 'Slash', 'Space',
];

/** US character → the physical key (and Shift) a scanner sends for it. */
const US_KEYS = new Map<string, { code: string; shift: boolean }>();
for (const code of CODES) {
  for (const shift of [false, true]) {
    const ch = usCharForCode(code, shift);
    if (ch !== null && !US_KEYS.has(ch)) US_KEYS.set(ch, { code, shift });
  }
}

export type Layout = 'us' | 'fr' | 'de';

/** What `event.key` says for a key position on other layouts (only the positions the tests use). */
const LAYOUT_KEYS: Record<Exclude<Layout, 'us'>, Record<string, [string, string]>> = {
  // AZERTY: digits need Shift; A/Q and Z/W swapped; M sits on Semicolon; '.' is Shift+Semicolon-row Comma.
  fr: {
    Digit1: ['&', '1'], Digit2: ['é', '2'], Digit3: ['"', '3'], Digit4: ["'", '4'], Digit5: ['(', '5'],
    Digit6: ['-', '6'], Digit7: ['è', '7'], Digit8: ['_', '8'], Digit9: ['ç', '9'], Digit0: ['à', '0'],
    KeyQ: ['a', 'A'], KeyA: ['q', 'Q'], KeyW: ['z', 'Z'], KeyZ: ['w', 'W'], KeyM: [',', '?'], Semicolon: ['m', 'M'],
    Minus: [')', '°'], Period: [':', '/'], Comma: [';', '.'], Slash: ['!', '§'],
  },
  // QWERTZ: Y/Z swapped; symbols move; Minus is ß.
  de: {
    KeyY: ['z', 'Z'], KeyZ: ['y', 'Y'], Minus: ['ß', '?'], Period: ['.', ':'], Slash: ['-', '_'], Semicolon: ['ö', 'Ö'],
    Equal: ['Dead', 'Dead'], Digit7: ['7', '/'],
  },
};

export interface KeyOptions {
  layout?: Layout;
  ime?: boolean;
  repeat?: boolean;
}

export const keyFor = (ch: string, timeStamp: number, { layout = 'us', ime = false, repeat = false }: KeyOptions = {}): WedgeKeyEvent => {
  const pos = US_KEYS.get(ch);
  if (!pos) throw new Error(`no US key for ${JSON.stringify(ch)}`);
  const mapped = layout === 'us' ? undefined : LAYOUT_KEYS[layout][pos.code];
  const key = ime ? 'Process' : mapped ? mapped[pos.shift ? 1 : 0] : ch;
  return { code: pos.code, key, shiftKey: pos.shift, timeStamp, keyCode: ime ? 229 : key.toUpperCase().charCodeAt(0), isComposing: ime, repeat };
};

export const special = (code: string, timeStamp: number, extra: Partial<WedgeKeyEvent> = {}): WedgeKeyEvent => ({
  code,
  key: code === 'NumpadEnter' ? 'Enter' : code,
  shiftKey: false,
  timeStamp,
  ...extra,
});

export const shiftDown = (timeStamp: number): WedgeKeyEvent => ({ code: 'ShiftLeft', key: 'Shift', shiftKey: true, timeStamp });

/** A scanner burst: one key every `stepMs`, Shift pressed around capitals as real scanners do. */
export const burst = (text: string, start: number, stepMs: number, options: KeyOptions = {}): WedgeKeyEvent[] => {
  const events: WedgeKeyEvent[] = [];
  [...text].forEach((ch, i) => {
    const t = start + i * stepMs;
    const ev = keyFor(ch, t, options);
    if (ev.shiftKey) events.push(shiftDown(t - 0.5));
    events.push(ev);
  });
  return events;
};

/** Slow typing by a person: one key every `stepMs` (≥ 80 ms). */
export const typing = (text: string, start: number, stepMs: number, options: KeyOptions = {}) => burst(text, start, stepMs, options);

export const enter = (timeStamp: number, options: { ime?: boolean } = {}): WedgeKeyEvent =>
  options.ime
    ? { code: 'Enter', key: 'Process', keyCode: 229, isComposing: true, shiftKey: false, timeStamp }
    : { code: 'Enter', key: 'Enter', keyCode: 13, shiftKey: false, timeStamp };

/** LF as scanners type it: Ctrl+J. */
export const lineFeed = (timeStamp: number): WedgeKeyEvent => ({ code: 'KeyJ', key: 'j', ctrlKey: true, shiftKey: false, timeStamp });

/** An ASCII control character typed as Ctrl+letter (e.g. GS = Ctrl+], SOH = Ctrl+A). */
export const control = (code: string, timeStamp: number): WedgeKeyEvent => ({ code, key: 'x', ctrlKey: true, shiftKey: false, timeStamp });

/** Time after the last event of a stream. */
export const after = (events: WedgeKeyEvent[], ms: number) => (events.at(-1)?.timeStamp ?? 0) + ms;
