/** Keyboard-wedge scanner input: the public API of this folder. */
export { useScannerInput, type UseScannerInputOptions } from './use-scanner-input';
export { createWedgeDecoder } from './wedge-decoder';
export type { ScannerScan, SequenceVerdict, TerminatorKind, WedgeDecoder, WedgeKeyEvent, WedgeSequence, WedgeStep, WedgeTimings, RunEnd } from './wedge-decoder';
export { DEFAULT_SCANNER_OPTIONS, SCANNER_OPTION_LIMITS, normalizeScannerOptions, type ScannerOptions } from './wedge-options';
export { scannerSettings, useScannerSettings } from './scanner-settings';
export { createSameCodeFilter, type SameCodeFilter } from './same-code-filter';
