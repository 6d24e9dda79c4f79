/**
 * Tuning of the keyboard-wedge decoder. Defaults fit common USB scanners (1–20 ms per
 * character) against human typing (80–250 ms per key); a desk with a slow Bluetooth scanner
 * widens them on the scanner test page in settings. Every value read from storage passes
 * `normalizeScannerOptions`, so a broken or hostile stored value cannot disable scanning.
 */

export interface ScannerOptions {
  /** A run is a scan only if its average interval between characters is at most this. */
  maxAvgIntervalMs: number;
  /** ...and it has at least this many characters. */
  minLength: number;
  /** A pause longer than this ends a run (keys closer together belong to one run; also the CR+LF merge window). */
  maxGapMs: number;
  /** A confirmed burst that stops without Enter is taken as a scan after `maxGapMs` (scanners set up without a suffix). */
  flushWithoutTerminator: boolean;
  /** Tab ends a scan too (scanners set up with a Tab suffix). Outside a run, Tab always moves focus as usual. */
  tabTerminates: boolean;
  /** The same code again within this window (counted from when it was last read) is dropped. */
  debounceMs: number;
}

export const DEFAULT_SCANNER_OPTIONS: Readonly<ScannerOptions> = Object.freeze({
  maxAvgIntervalMs: 35,
  minLength: 4,
  maxGapMs: 100,
  flushWithoutTerminator: true,
  tabTerminates: false,
  debounceMs: 800,
});

/** Allowed ranges (inclusive); the settings form uses the same bounds. */
export const SCANNER_OPTION_LIMITS = {
  maxAvgIntervalMs: { min: 5, max: 200 },
  minLength: { min: 2, max: 40 },
  maxGapMs: { min: 20, max: 1000 },
  debounceMs: { min: 0, max: 10_000 },
} as const;

type NumericOption = keyof typeof SCANNER_OPTION_LIMITS;

const clampInt = (value: unknown, key: NumericOption): number => {
  const { min, max } = SCANNER_OPTION_LIMITS[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SCANNER_OPTIONS[key];
  return Math.min(max, Math.max(min, Math.round(value)));
};

/** Any input (stored JSON, form values) → complete, in-range options. */
export const normalizeScannerOptions = (raw: unknown): ScannerOptions => {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const maxAvgIntervalMs = clampInt(source.maxAvgIntervalMs, 'maxAvgIntervalMs');
  return {
    maxAvgIntervalMs,
    minLength: clampInt(source.minLength, 'minLength'),
    // A gap shorter than the allowed average would split every slow-but-valid burst.
    maxGapMs: Math.max(clampInt(source.maxGapMs, 'maxGapMs'), maxAvgIntervalMs),
    flushWithoutTerminator:
      typeof source.flushWithoutTerminator === 'boolean' ? source.flushWithoutTerminator : DEFAULT_SCANNER_OPTIONS.flushWithoutTerminator,
    tabTerminates: typeof source.tabTerminates === 'boolean' ? source.tabTerminates : DEFAULT_SCANNER_OPTIONS.tabTerminates,
    debounceMs: clampInt(source.debounceMs, 'debounceMs'),
  };
};
