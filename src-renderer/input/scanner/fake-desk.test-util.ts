/**
 * A fake browser for the scanner tests: one focused text field, a clock, timers, and the
 * default actions a real browser would take for keys nobody prevented (type the layout's
 * character, IME composition text, Enter submits the field, Backspace deletes). Events go
 * through the real key handler and decoder, so the tests see what staff would see.
 */
import { createKeyHandler, type KeyEventLike } from './key-handler';
import { createWedgeDecoder, type ScannerScan, type WedgeKeyEvent, type WedgeSequence } from './wedge-decoder';
import type { ScannerOptions } from './wedge-options';

export type DeskEvent = WedgeKeyEvent | { composition: 'start' | 'end'; data?: string; timeStamp: number };

export interface FakeDesk {
  field: { value: string; focused: boolean };
  scans: ScannerScan[];
  sequences: WedgeSequence[];
  /** What Enter submitted from the field (the manual path of the check-in screen). */
  submitted: string[];
  /** Keys whose default action was prevented, by `code`. */
  swallowed: string[];
  play(events: DeskEvent[]): void;
  /**
   * The same events handled late: each happened at its `timeStamp` but is handled at
   * `handledAt[i]`. By default a long task blocked the page: timers due meanwhile run late, first,
   * while the key waits in the input queue (reported by `inputPending` unless the desk was made
   * without it). With `late: 'browser'` the page was idle and the browser delivered the key late:
   * timers run on time and nothing is pending.
   */
  playQueued(events: DeskEvent[], handledAt: number[], late?: 'page' | 'browser'): void;
  /** Runs every timer (as if the desk sat idle). */
  idle(ms?: number): void;
}

export const createFakeDesk = (options: Partial<ScannerOptions> = {}, initial = '', browser: { inputPending: boolean } = { inputPending: true }): FakeDesk => {
  let now = 0;
  /** When the key waiting in the input queue was typed (null: nothing queued). */
  let queuedSince: number | null = null;
  let timers: { due: number; callback: () => void; id: number }[] = [];
  let nextId = 0;
  let composition = '';
  const desk: FakeDesk = {
    field: { value: initial, focused: true },
    scans: [],
    sequences: [],
    submitted: [],
    swallowed: [],
    play(events) {
      desk.playQueued(
        events,
        events.map((e) => e.timeStamp),
      );
    },
    playQueued(events, handledAt, late = 'page') {
      events.forEach((event, i) => {
        const at = handledAt[i] ?? event.timeStamp;
        runTimers(event.timeStamp);
        if (late === 'browser') {
          runTimers(at);
        } else {
          // the page is busy until `at`: timers due meanwhile run late, at `at`, with the key queued
          queuedSince = event.timeStamp;
          runTimers(at, at);
          queuedSince = null;
        }
        now = Math.max(now, at);
        if ('composition' in event) composeEvent(event.composition, event.data);
        else keyEvent(event);
      });
    },
    idle(ms = 10_000) {
      runTimers(now + ms);
    },
  };

  const handler = createKeyHandler<string>({
    decoder: createWedgeDecoder(options),
    field: {
      snapshot: () => (desk.field.focused ? desk.field.value : null),
      restore: (value) => {
        desk.field.value = value;
      },
      insert: (text) => {
        if (desk.field.focused) desk.field.value += text;
      },
    },
    now: () => now,
    schedule: (callback, delayMs) => {
      const id = nextId++;
      timers.push({ due: now + delayMs, callback, id });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
    onScan: (scan) => desk.scans.push(scan),
    onSequence: (sequence) => desk.sequences.push(sequence),
    ...(browser.inputPending ? { inputPending: () => queuedSince !== null && queuedSince <= now } : {}),
  });

  /** Runs the timers due by `until`; with `busyUntil`, none can run before that time. */
  function runTimers(until: number, busyUntil = Number.NEGATIVE_INFINITY) {
    for (;;) {
      const due = timers.filter((t) => t.due <= until).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!due) return;
      timers = timers.filter((t) => t !== due);
      now = Math.max(now, due.due, busyUntil);
      due.callback();
    }
  }

  function composeEvent(kind: 'start' | 'end', data = '') {
    if (kind === 'start') {
      composition = '';
      handler.compositionstart();
      return;
    }
    // The IME commits its text into the field, then compositionend fires.
    if (desk.field.focused) desk.field.value += data || composition;
    composition = '';
    handler.compositionend();
  }

  function keyEvent(event: WedgeKeyEvent) {
    let prevented = false;
    const live: KeyEventLike = {
      ...event,
      preventDefault: () => {
        prevented = true;
      },
      stopPropagation: () => undefined,
    };
    handler.keydown(live);
    if (prevented) {
      desk.swallowed.push(event.code);
      return;
    }
    if (!desk.field.focused) return;
    if (event.key === 'Process') {
      // The IME shows pinyin while composing: junk that must not stay in the field.
      composition += '拼';
      return;
    }
    if (event.key === 'Enter') {
      desk.submitted.push(desk.field.value);
      desk.field.value = '';
    } else if (event.key === 'Backspace') {
      desk.field.value = desk.field.value.slice(0, -1);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey) {
      desk.field.value += event.key;
    }
  }

  return desk;
};
