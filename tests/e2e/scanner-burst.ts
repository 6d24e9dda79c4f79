// Scanner bursts for E2E tests, as a USB keyboard-wedge scanner sends them: one keydown/keyup per
// character by physical key (`code`), ~3 ms apart, then a terminator (Enter, or CR+LF = Enter +
// Ctrl+J); and the same burst as Chromium delivers it while a Chinese IME is active (keydown
// 'Process' / keyCode 229 with the right `code`, composition events, composition junk written
// into the field).
//
// Why not `page.keyboard`: it waits for the page to handle each key before sending the next, so
// on a busy machine the first keys (which reach the input and re-render the screen) arrive
// 100+ ms apart and the burst looks like a person typing. A real scanner's keys are stamped by
// the OS when they happen and queue up while the page is busy; Chromium's input domain does the
// same when each key carries its `timestamp`, so the keys are sent that way, through Playwright's
// CDP session, all at once.
import type { Page } from '@playwright/test';

/** The product's scanner defaults, except `debounceMs: 0`: a second scan of the same card then
 *  reaches the check-in rule (the station's duplicate window) instead of being dropped by the
 *  decoder, however fast the test runs. */
export const E2E_SCANNER_OPTIONS = { debounceMs: 0 };

export const useE2eScannerOptions = async (page: Page) => {
  await page.evaluate((options) => localStorage.setItem('station-desk.scanner', JSON.stringify(options)), E2E_SCANNER_OPTIONS);
};

/** The physical key (and Shift) a US-emulating scanner sends for a card character. */
const keyOf = (ch: string): { code: string; shift: boolean } => {
  if (/^[0-9]$/.test(ch)) return { code: `Digit${ch}`, shift: false };
  if (/^[a-z]$/.test(ch)) return { code: `Key${ch.toUpperCase()}`, shift: false };
  if (/^[A-Z]$/.test(ch)) return { code: `Key${ch}`, shift: true };
  if (ch === '-') return { code: 'Minus', shift: false };
  // member passes: base64url segments joined by '.'
  if (ch === '_') return { code: 'Minus', shift: true };
  if (ch === '.') return { code: 'Period', shift: false };
  throw new Error(`no scanner key for ${JSON.stringify(ch)}`);
};

const SHIFT = 8;
const CTRL = 2;
const KEY_INTERVAL_S = 0.003;

interface CdpKey {
  type: 'keyDown' | 'rawKeyDown' | 'keyUp';
  code: string;
  key: string;
  windowsVirtualKeyCode: number;
  modifiers?: number;
  text?: string;
}

const charKeys = (ch: string): CdpKey[] => {
  const { code, shift } = keyOf(ch);
  const vk = ch === '-' || ch === '_' ? 189 : ch === '.' ? 190 : ch.toUpperCase().charCodeAt(0);
  const modifiers = shift ? SHIFT : 0;
  const keys: CdpKey[] = [
    { type: 'keyDown', code, key: ch, text: ch, windowsVirtualKeyCode: vk, modifiers },
    { type: 'keyUp', code, key: ch, windowsVirtualKeyCode: vk, modifiers },
  ];
  if (!shift) return keys;
  const shiftKey = { code: 'ShiftLeft', key: 'Shift', windowsVirtualKeyCode: 16 };
  return [{ type: 'rawKeyDown', ...shiftKey, modifiers: SHIFT }, ...keys, { type: 'keyUp', ...shiftKey }];
};

const ENTER: CdpKey[] = [
  { type: 'keyDown', code: 'Enter', key: 'Enter', text: '\r', windowsVirtualKeyCode: 13 },
  { type: 'keyUp', code: 'Enter', key: 'Enter', windowsVirtualKeyCode: 13 },
];
const CTRL_J: CdpKey[] = [
  { type: 'rawKeyDown', code: 'ControlLeft', key: 'Control', windowsVirtualKeyCode: 17, modifiers: CTRL },
  { type: 'rawKeyDown', code: 'KeyJ', key: 'j', windowsVirtualKeyCode: 74, modifiers: CTRL },
  { type: 'keyUp', code: 'KeyJ', key: 'j', windowsVirtualKeyCode: 74, modifiers: CTRL },
  { type: 'keyUp', code: 'ControlLeft', key: 'Control', windowsVirtualKeyCode: 17 },
];

export interface BurstOptions {
  /** Send each key at its own time instead of all at once, stamped (the benchmark). */
  paced?: boolean;
  /** Extra pauses inside the burst: before the character at `at`, `ms` longer (a stalled scanner, or a second code). */
  pauses?: { at: number; ms: number }[];
}

/**
 * A burst of real key events in Chromium, ~3 ms per character, ending with Enter or CR+LF (or
 * nothing: a scanner set up without a suffix). By default every key is sent at once, stamped with
 * the time it was typed (the last one now), which keeps the burst intact however busy the machine
 * is (E2E tests). `paced` sends each key at its own time instead, as a scanner's keys arrive (the
 * benchmark: the page handles early keys while later ones are still being typed).
 */
export const typeBurst = async (page: Page, text: string, suffix: 'enter' | 'crlf' | 'none' = 'enter', { paced = false, pauses = [] }: BurstOptions = {}) => {
  const cdp = await page.context().newCDPSession(page);
  try {
    const perChar = [...text].map((ch, i) => charKeys(ch).map((key, k) => ({ key, pauseS: k === 0 ? (pauses.find((p) => p.at === i)?.ms ?? 0) / 1000 : 0 })));
    const suffixKeys = suffix === 'none' ? [] : [...ENTER, ...(suffix === 'crlf' ? CTRL_J : [])];
    const sequence = [...perChar.flat(), ...suffixKeys.map((key) => ({ key, pauseS: 0 }))];
    const keys = sequence.map((s) => s.key);
    // one character per interval, a keydown and its keyup 1 ms apart
    const steps = sequence.map(({ key, pauseS }) => (key.type === 'keyUp' ? 0.001 : KEY_INTERVAL_S - 0.001) + pauseS);
    const clock = () => (performance.timeOrigin + performance.now()) / 1000;
    const send = (key: CdpKey, timestamp: number) => cdp.send('Input.dispatchKeyEvent', { ...key, timestamp });
    if (paced) {
      const sends: Promise<unknown>[] = [];
      let due = clock();
      for (const [i, key] of keys.entries()) {
        due += steps[i]!;
        while (clock() < due) await new Promise((resolve) => setImmediate(resolve));
        sends.push(send(key, clock()));
      }
      await Promise.all(sends);
      return;
    }
    // a scanner's keys are stamped when typed, never in the future: the last one happens now
    let at = clock() - steps.reduce((sum, step) => sum + step, 0);
    await Promise.all(
      keys.map((key, i) => {
        at += steps[i]!;
        return send(key, at);
      }),
    );
  } finally {
    await cdp.detach();
  }
};

/**
 * A burst under an active Chinese IME, dispatched in the page at 2 ms per key (a scanner's pace):
 * every keydown says 'Process' / 229 and only `code` tells the key; the IME writes composition
 * text into the focused field and commits some of it when the composition ends.
 */
export const imeBurst = (page: Page, text: string) =>
  page.evaluate(
    ({ text, keys }) => {
      const target = document.activeElement ?? document.body;
      const field = target instanceof HTMLInputElement ? target : null;
      const setValue = (value: string) => {
        if (!field) return;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const pause = (ms: number) => {
        const until = performance.now() + ms;
        while (performance.now() < until) {
          // a scanner's inter-key gap
        }
      };
      // Each key carries the time the scanner typed it (2 ms apart from the start), as the OS
      // stamps real keys: a synthetic event is otherwise stamped when it is created, so a
      // renderer preempted mid-burst on a loaded machine would see a pause that no scanner made.
      // The busy-wait below keeps every stamp at or before the moment the key is dispatched.
      const start = performance.now();
      let typed = 0;
      const stamped = (event: KeyboardEvent, at: number) => {
        Object.defineProperty(event, 'timeStamp', { value: at });
        return event;
      };
      const key = (code: string, shiftKey: boolean) => {
        const at = start + typed * 2;
        typed += 1;
        const init = { code, key: 'Process', keyCode: 229, shiftKey, bubbles: true, cancelable: true, isComposing: true };
        target.dispatchEvent(stamped(new KeyboardEvent('keydown', init), at));
        target.dispatchEvent(stamped(new KeyboardEvent('keyup', init), at + 1));
      };
      target.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      let junk = field?.value ?? '';
      for (const [i, ch] of [...text].entries()) {
        key(keys[i]!.code, keys[i]!.shift);
        junk += ch === '-' ? '—' : '拼';
        setValue(junk);
        pause(2);
      }
      key('Enter', false);
      setValue(`${junk}山东`);
      target.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '山东' }));
    },
    { text, keys: [...text].map(keyOf) },
  );
