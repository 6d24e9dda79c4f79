/**
 * Keyboard-wedge decoder: a pure state machine over keydown-like events (no DOM, no timers).
 *
 * Scanners type a code in a fast burst plus a suffix (CR, LF, CR+LF, sometimes Tab or nothing).
 * On Chinese desks an active IME turns those keys into 'Process' events and composition junk, and
 * non-US layouts remap symbols. So characters come only from the physical key (`event.code` +
 * Shift, see us-keymap.ts); `event.key`, keyCode 229 and composition text never add a character.
 *
 * A *run* is a sequence of character keys with no pause longer than `maxGapMs`. A run becomes a
 * *burst* once it has `minLength` characters at an average interval ≤ `maxAvgIntervalMs`; from
 * then on its keys are swallowed. When the run ends (terminator, pause, or an editing key) it is
 * judged once: a scan, a duplicate of the last scan, or human typing. Human keys are never
 * swallowed, so typing in a field works as usual; the few leading characters of a burst that
 * reached a field before it was recognised are removed by restoring the field (`restoreField`).
 *
 * A member pass is ~220 characters: a scanner's buffer (Bluetooth especially) may stall in the
 * middle of one for longer than `maxGapMs`. While a burst's text is the start of a pass that is
 * not yet whole (`isPartial`), a pause up to `STALLED_CODE_GAP_MS` does not end it, so the rest
 * joins it instead of becoming a second, meaningless scan (docs/domain-rules.md, scanner input).
 */
import { isPassPrefix } from './pass-prefix';
import { createSameCodeFilter } from './same-code-filter';
import { isPrintableAscii, usCharForCode } from './us-keymap';
import { normalizeScannerOptions, type ScannerOptions } from './wedge-options';

/** What the decoder reads from a KeyboardEvent; a real event satisfies it. */
export interface WedgeKeyEvent {
  code: string;
  key: string;
  shiftKey: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  keyCode?: number;
  /** ms, on the same clock as `tick(now)` (performance.now() in a browser). */
  timeStamp: number;
}

export type TerminatorKind = 'enter' | 'lf' | 'tab' | 'timeout';

export interface WedgeTimings {
  /** ms between consecutive characters of the run. */
  intervals: number[];
  avgIntervalMs: number;
  maxIntervalMs: number;
  terminator: TerminatorKind;
}

export interface ScannerScan {
  text: string;
  method: 'scanner';
  /** When the scan ended (the terminator's timeStamp, or the pause that ended it). */
  at: number;
  timings: WedgeTimings;
  /** An IME was active during the burst (its junk may have reached the field). */
  ime: boolean;
}

export type SequenceVerdict = 'scanner' | 'duplicate' | 'too-short' | 'too-slow' | 'key-repeat' | 'no-terminator';

/** Every run that ended, whatever the verdict (the scanner test page shows these). */
export interface WedgeSequence {
  text: string;
  verdict: SequenceVerdict;
  timings: WedgeTimings;
  ime: boolean;
}

export interface RunEnd {
  sequence: WedgeSequence;
  /** Set when the verdict is 'scanner'. */
  scan: ScannerScan | null;
  /** The run was read as a scan (kept or duplicate): put the focused field back as it was when the run started. */
  restoreField: boolean;
  /** Characters swallowed during a burst that turned out not to be a scan: type them into the field. */
  release: string;
}

export interface WedgeStep {
  /** preventDefault + stopPropagation: the key is part of a burst or its terminator. */
  swallow: boolean;
  /** This key starts a run: remember the focused field as it is now, before the key types into it. */
  runStarted: boolean;
  /** A run ended at (or just before) this key. */
  ended: RunEnd | null;
}

export interface WedgeDecoder {
  onKeyDown(event: WedgeKeyEvent): WedgeStep;
  /** Composition events only mark the run as IME-affected; their text is never used. */
  onCompositionStart(): void;
  onCompositionEnd(): void;
  /** Ends a run whose pause has passed `maxGapMs`; call it at `nextDeadline()`. */
  tick(now: number): RunEnd | null;
  /** When `tick` should next be called, or null when no run is open. */
  nextDeadline(): number | null;
  setOptions(options: ScannerOptions): void;
  reset(): void;
}

interface Run {
  chars: string[];
  times: number[];
  state: 'pending' | 'burst' | 'human';
  repeat: boolean;
  swallowed: string;
  ime: boolean;
}

const MODIFIERS = new Set([
  'ShiftLeft', 'ShiftRight', 'ControlLeft', 'ControlRight', 'AltLeft', 'AltRight', 'MetaLeft', 'MetaRight',
  'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'FnLock', 'OSLeft', 'OSRight',
]);
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'OS']);

/** Keys a person uses to edit: they end a run that is not (yet) a burst. */
const EDIT_KEYS = new Set([
  'Backspace', 'Delete', 'Escape', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Insert',
]);

const noCode = (event: WedgeKeyEvent) => event.code === '' || event.code === 'Unidentified';
const isImeKey = (event: WedgeKeyEvent) => event.key === 'Process' || event.keyCode === 229 || event.isComposing === true;
const isModifier = (event: WedgeKeyEvent) => MODIFIERS.has(event.code) || (noCode(event) && MODIFIER_KEYS.has(event.key));

const terminatorOf = (event: WedgeKeyEvent, options: ScannerOptions): TerminatorKind | null => {
  const chord = event.altKey === true || event.metaKey === true;
  if (event.code === 'Enter' || event.code === 'NumpadEnter') return 'enter';
  if (noCode(event) && (event.key === 'Enter' || event.keyCode === 13)) return 'enter';
  // Scanners that send ASCII control characters as Ctrl+letter: CR = Ctrl+M, LF = Ctrl+J.
  if (event.ctrlKey === true && !chord && event.code === 'KeyM') return 'enter';
  if (event.ctrlKey === true && !chord && event.code === 'KeyJ') return 'lf';
  if (options.tabTerminates && event.code === 'Tab' && event.ctrlKey !== true && !chord) return 'tab';
  return null;
};

/** The US character for this key, or null (chords with Ctrl/Alt/Meta are control characters: stripped). */
const charOf = (event: WedgeKeyEvent): string | null => {
  if (event.ctrlKey === true || event.altKey === true || event.metaKey === true) return null;
  const fromCode = usCharForCode(event.code, event.shiftKey);
  if (fromCode !== null) return fromCode;
  // A device that sends no key position: fall back to `key`, but only plain ASCII and never IME output.
  if (noCode(event) && !isImeKey(event) && isPrintableAscii(event.key)) return event.key;
  return null;
};

const timingsOf = (run: Run, terminator: TerminatorKind): WedgeTimings => {
  const intervals = run.times.slice(1).map((t, i) => t - (run.times[i] ?? t));
  const total = intervals.reduce((sum, value) => sum + value, 0);
  return {
    intervals,
    avgIntervalMs: intervals.length > 0 ? total / intervals.length : 0,
    maxIntervalMs: intervals.length > 0 ? Math.max(...intervals) : 0,
    terminator,
  };
};

/** How long a burst that is the start of a longer code (a pass cut short) may pause and still go on. */
export const STALLED_CODE_GAP_MS = 1000;

export interface WedgeDecoderHooks {
  /** The burst's text so far is the start of a code that is not whole yet (default: a member pass). */
  isPartial?(text: string): boolean;
}

const averageInterval = (times: number[]) => (times.length < 2 ? 0 : ((times.at(-1) ?? 0) - (times[0] ?? 0)) / (times.length - 1));

export const createWedgeDecoder = (initial: Partial<ScannerOptions> = {}, { isPartial = isPassPrefix }: WedgeDecoderHooks = {}): WedgeDecoder => {
  let options = normalizeScannerOptions(initial);
  /** `isPartial` of the open run, asked once per length (the deadline is read after every key). */
  let partialAt: { length: number; partial: boolean } | null = null;
  const gapOf = (current: Run): number => {
    if (current.state !== 'burst') return options.maxGapMs;
    if (partialAt?.length !== current.chars.length) partialAt = { length: current.chars.length, partial: isPartial(current.chars.join('').trim()) };
    return partialAt.partial ? Math.max(options.maxGapMs, STALLED_CODE_GAP_MS) : options.maxGapMs;
  };
  const sameCode = createSameCodeFilter(() => options.debounceMs);
  let run: Run | null = null;
  let composing = false;
  /** When the last scan's terminator came: a second terminator right after it is the LF of CR+LF. */
  let lastScanEnd = Number.NEGATIVE_INFINITY;

  const finish = (terminator: TerminatorKind, at: number): RunEnd | null => {
    const current = run;
    if (!current) return null;
    run = null;
    partialAt = null;
    const text = current.chars.join('').trim();
    const timings = timingsOf(current, terminator);
    const end = (verdict: SequenceVerdict, extra: Partial<RunEnd> = {}): RunEnd => ({
      sequence: { text, verdict, timings, ime: current.ime },
      scan: null,
      restoreField: false,
      release: '',
      ...extra,
    });
    if (current.repeat) return end('key-repeat', { release: current.swallowed });
    if (current.state !== 'burst') {
      return end(current.chars.length < options.minLength || text === '' ? 'too-short' : 'too-slow');
    }
    if (timings.avgIntervalMs > options.maxAvgIntervalMs || text === '') return end('too-slow', { release: current.swallowed });
    if (terminator === 'timeout' && !options.flushWithoutTerminator) return end('no-terminator', { release: current.swallowed });
    lastScanEnd = at;
    if (!sameCode.accept(text, at)) return end('duplicate', { restoreField: true });
    return end('scanner', { restoreField: true, scan: { text, method: 'scanner', at, timings, ime: current.ime } });
  };

  /** A pause longer than maxGapMs (a cut pass: STALLED_CODE_GAP_MS) since the run's last character ends it. */
  const endIfPaused = (now: number): RunEnd | null => {
    const last = run?.times.at(-1);
    if (!run || last === undefined) return null;
    const gap = gapOf(run);
    return now - last > gap ? finish('timeout', last + gap) : null;
  };

  const addChar = (ch: string, event: WedgeKeyEvent, ended: RunEnd | null): WedgeStep => {
    const ime = composing || isImeKey(event);
    if (!run) {
      run = { chars: [ch], times: [event.timeStamp], state: 'pending', repeat: false, swallowed: '', ime };
      return { swallow: false, runStarted: true, ended };
    }
    run.chars.push(ch);
    run.times.push(event.timeStamp);
    run.ime ||= ime;
    if (run.state === 'pending' && run.chars.length >= options.minLength) {
      // Judged once, on the first minLength keys; the key that confirms a burst is its first swallowed one.
      run.state = averageInterval(run.times) <= options.maxAvgIntervalMs ? 'burst' : 'human';
    }
    if (run.state === 'burst') {
      run.swallowed += ch;
      return { swallow: true, runStarted: false, ended };
    }
    return { swallow: false, runStarted: false, ended };
  };

  return {
    onKeyDown(event) {
      if (isModifier(event)) return { swallow: false, runStarted: false, ended: null };
      const ended = endIfPaused(event.timeStamp);
      const terminator = terminatorOf(event, options);
      if (terminator) {
        if (run) {
          const wasBurst = run.state === 'burst';
          const result = finish(terminator, event.timeStamp);
          return { swallow: wasBurst && result !== null && result.restoreField, runStarted: false, ended: result };
        }
        // CR+LF (or a doubled Enter): the second terminator belongs to the scan just read.
        const merged = event.timeStamp - lastScanEnd <= options.maxGapMs;
        return { swallow: merged, runStarted: false, ended };
      }
      if (event.repeat === true) {
        // A held key auto-repeats at ~30 ms: fast, but never a scan. It ends the run and types as usual.
        if (!run) return { swallow: false, runStarted: false, ended };
        run.repeat = true;
        return { swallow: false, runStarted: false, ended: finish('timeout', event.timeStamp) };
      }
      const ch = charOf(event);
      if (ch !== null) return addChar(ch, event, ended);
      if (run?.state === 'burst') return { swallow: true, runStarted: false, ended }; // control character inside a burst: stripped
      if (run && EDIT_KEYS.has(event.code)) return { swallow: false, runStarted: false, ended: finish('timeout', event.timeStamp) };
      return { swallow: false, runStarted: false, ended };
    },
    onCompositionStart() {
      composing = true;
      if (run) run.ime = true;
    },
    onCompositionEnd() {
      composing = false;
    },
    tick: (now) => endIfPaused(now),
    nextDeadline: () => {
      const last = run?.times.at(-1);
      return !run || last === undefined ? null : last + gapOf(run) + 1;
    },
    setOptions(next) {
      options = normalizeScannerOptions(next);
    },
    reset() {
      run = null;
      partialAt = null;
      composing = false;
      lastScanEnd = Number.NEGATIVE_INFINITY;
      sameCode.reset();
    },
  };
};
