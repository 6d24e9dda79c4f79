/**
 * Glue between keyboard events and the wedge decoder, without React or a real DOM (so it is
 * tested with synthetic events and a fake field): swallows burst keys, puts the focused field
 * back as it was before a burst (the first few burst keys reach it before the burst is
 * recognised, and an IME may have added composition junk), types back keys that were swallowed
 * but turned out human, and runs the pause timer that ends a run without a terminator.
 *
 * The pause timer runs on the page's clock, the keys carry the time they were typed: while the
 * page is busy (the first keys of a burst reach the field and re-render the screen; a sync writes
 * a page of members), the rest of the burst waits in the input queue, and a timer that fires then
 * would see a pause that never happened and cut the scan in two (two wrong card numbers). So a
 * pause must pass on both clocks — after the last key as typed and after it as handled — and the
 * timer reads queued keys first: it waits while the browser reports pending input, and looks
 * again once when it fired late (the page was blocked, keys may be queued).
 */
import type { RunEnd, ScannerScan, WedgeDecoder, WedgeKeyEvent, WedgeSequence } from './wedge-decoder';

/** The focused text field, as far as the scanner needs it. */
export interface FieldAccess<Snapshot> {
  /** The focused editable field's value and selection, or null when focus is not in one. */
  snapshot(): Snapshot | null;
  /** Puts that field back (and tells the app it changed). */
  restore(snapshot: Snapshot): void;
  /** Types text into the focused field as if the keys had reached it. */
  insert(text: string): void;
}

export interface KeyHandlerEnv<Snapshot> {
  decoder: WedgeDecoder;
  field: FieldAccess<Snapshot>;
  now(): number;
  /** setTimeout; returns a cancel function. */
  schedule(callback: () => void, delayMs: number): () => void;
  onScan(scan: ScannerScan): void;
  onSequence?(sequence: WedgeSequence): void;
  /** Whether input events wait to be handled (Chromium: `navigator.scheduling.isInputPending`). */
  inputPending?(): boolean;
}

export interface KeyEventLike extends WedgeKeyEvent {
  preventDefault(): void;
  stopPropagation(): void;
}

export interface KeyHandler {
  keydown(event: KeyEventLike): void;
  compositionstart(): void;
  compositionend(): void;
  dispose(): void;
}

/** How long a restore waits for an open IME composition to end before restoring anyway. */
export const COMPOSITION_WAIT_MS = 300;
/** A pause timer this late (ms) means the page was blocked: keys may be queued behind it. */
export const LATE_TIMER_MS = 16;
/** When the pause timer looks again after deferring to queued input. */
export const QUEUED_INPUT_RECHECK_MS = 10;

export const createKeyHandler = <Snapshot>(env: KeyHandlerEnv<Snapshot>): KeyHandler => {
  const { decoder, field } = env;
  let snapshot: Snapshot | null = null;
  let cancelTimer: (() => void) | null = null;
  let composing = false;
  let pendingRestore: { snapshot: Snapshot; cancel: () => void } | null = null;

  const restoreNow = () => {
    if (!pendingRestore) return;
    const { snapshot: saved, cancel } = pendingRestore;
    pendingRestore = null;
    cancel();
    field.restore(saved);
  };

  const handleEnd = (end: RunEnd) => {
    const saved = snapshot;
    snapshot = null;
    if (end.restoreField && saved !== null) {
      if (composing) {
        // The IME still holds composition text: restore once it has been committed into the field.
        pendingRestore?.cancel();
        pendingRestore = { snapshot: saved, cancel: env.schedule(restoreNow, COMPOSITION_WAIT_MS) };
      } else {
        field.restore(saved);
      }
    }
    if (end.release) field.insert(end.release);
    env.onSequence?.(end.sequence);
    if (end.scan) env.onScan(end.scan);
  };

  /** The last keydown: when it was typed (its timeStamp) and when the page handled it. */
  let lastKey: { typedAt: number; handledAt: number } | null = null;

  const rearm = () => {
    cancelTimer?.();
    cancelTimer = null;
    const deadline = decoder.nextDeadline();
    if (deadline === null) return;
    // Keys handled late (the browser or the page was busy) get the same pause to follow.
    const due = lastKey ? Math.max(deadline, lastKey.handledAt + (deadline - lastKey.typedAt)) : deadline;
    const check = (rechecked: boolean) => {
      cancelTimer = null;
      const now = env.now();
      if (env.inputPending?.() || (!rechecked && now - due > LATE_TIMER_MS)) {
        // Keys typed before the deadline may still be queued: let them be read first.
        cancelTimer = env.schedule(() => check(true), QUEUED_INPUT_RECHECK_MS);
        return;
      }
      const end = decoder.tick(now);
      if (end) handleEnd(end);
      rearm();
    };
    cancelTimer = env.schedule(() => check(false), Math.max(0, due - env.now()));
  };

  return {
    keydown(event) {
      lastKey = { typedAt: event.timeStamp, handledAt: env.now() };
      const step = decoder.onKeyDown(event);
      if (step.ended) handleEnd(step.ended);
      if (step.runStarted) snapshot = field.snapshot();
      if (step.swallow) {
        event.preventDefault();
        event.stopPropagation();
      }
      rearm();
    },
    compositionstart() {
      composing = true;
      decoder.onCompositionStart();
    },
    compositionend() {
      composing = false;
      decoder.onCompositionEnd();
      // The committed text lands right after compositionend: restore after it.
      if (pendingRestore) {
        pendingRestore.cancel();
        pendingRestore = { snapshot: pendingRestore.snapshot, cancel: env.schedule(restoreNow, 0) };
      }
    },
    dispose() {
      lastKey = null;
      cancelTimer?.();
      pendingRestore?.cancel();
      pendingRestore = null;
      decoder.reset();
    },
  };
};
