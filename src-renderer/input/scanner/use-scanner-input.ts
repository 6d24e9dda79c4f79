/**
 * `useScannerInput(onScan)`: while the component is mounted, reads keyboard-wedge scans from
 * every keydown in the window (capture phase, so it works wherever focus is on the screen and
 * before any field or shortcut sees the keys). Burst keys are swallowed and a field that caught
 * the first few is put back; human typing reaches fields as usual. Elements inside
 * `[data-scanner-ignore]` (e.g. a dialog's note field) are left alone.
 */
import { useEffect, useRef } from 'react';
import { domField } from './dom-field';
import { createKeyHandler } from './key-handler';
import { useScannerSettings } from './scanner-settings';
import { createWedgeDecoder, type ScannerScan, type WedgeDecoder, type WedgeSequence } from './wedge-decoder';
import type { ScannerOptions } from './wedge-options';

export interface UseScannerInputOptions {
  /** Default true; false detaches the listener. */
  enabled?: boolean;
  /** Tuning; defaults to this desk's saved scanner settings. */
  options?: ScannerOptions;
  /** Every run of keys that ended, with its verdict and timings (the scanner test page). */
  onSequence?: (sequence: WedgeSequence) => void;
}

/** Chromium's `navigator.scheduling` (not in TypeScript's DOM types). */
type NavigatorWithScheduling = Navigator & { scheduling?: { isInputPending?: () => boolean } };

const ignored = (target: EventTarget | null) => target instanceof Element && target.closest('[data-scanner-ignore]') !== null;

export const useScannerInput = (onScan: (scan: ScannerScan) => void, { enabled = true, options, onSequence }: UseScannerInputOptions = {}): void => {
  const saved = useScannerSettings();
  const effective = options ?? saved;
  const callbacks = useRef({ onScan, onSequence });
  const decoderRef = useRef<WedgeDecoder | null>(null);

  useEffect(() => {
    callbacks.current = { onScan, onSequence };
  });

  useEffect(() => {
    decoderRef.current?.setOptions(effective);
  }, [effective]);

  useEffect(() => {
    if (!enabled) return;
    const decoder = createWedgeDecoder(effective);
    decoderRef.current = decoder;
    const handler = createKeyHandler({
      decoder,
      field: domField,
      now: () => performance.now(),
      schedule: (callback, delayMs) => {
        const id = window.setTimeout(callback, delayMs);
        return () => window.clearTimeout(id);
      },
      onScan: (scan) => callbacks.current.onScan(scan),
      onSequence: (sequence) => callbacks.current.onSequence?.(sequence),
      inputPending: () => (navigator as NavigatorWithScheduling).scheduling?.isInputPending?.() ?? false,
    });
    const keydown = (event: KeyboardEvent) => {
      if (!ignored(event.target)) handler.keydown(event);
    };
    const compositionstart = (event: CompositionEvent) => {
      if (!ignored(event.target)) handler.compositionstart();
    };
    const compositionend = (event: CompositionEvent) => {
      if (!ignored(event.target)) handler.compositionend();
    };
    window.addEventListener('keydown', keydown, true);
    window.addEventListener('compositionstart', compositionstart, true);
    window.addEventListener('compositionend', compositionend, true);
    return () => {
      window.removeEventListener('keydown', keydown, true);
      window.removeEventListener('compositionstart', compositionstart, true);
      window.removeEventListener('compositionend', compositionend, true);
      handler.dispose();
      decoderRef.current = null;
    };
    // The decoder is created once per mount; option changes go through setOptions above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);
};
