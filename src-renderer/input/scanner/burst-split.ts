/**
 * Two codes in one run: a scanner set up without a suffix (or one emptying its buffer) can send a
 * second code less than `maxGapMs` after the first, and the decoder reads both as one run of keys
 * — a card number nobody owns. The decoder cannot tell that from a scanner that hiccups in the
 * middle of one code; whoever knows the codes can. `splitScan` cuts a scan at a pause clearly
 * longer than its own key intervals where the text before the pause is a whole code and the whole
 * text is not (docs/domain-rules.md, scanner input).
 */
import type { ScannerScan } from './wedge-decoder';

/** A pause must be this many times the run's typical (median) key interval... */
export const SPLIT_GAP_FACTOR = 4;
/** ...and at least this long, to be where one code ended and the next began. */
export const SPLIT_MIN_GAP_MS = 25;
/** At most this many codes are looked for in one run. */
const MAX_PIECES = 4;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Where a run of `text` with these key intervals may be cut (after character i), longest pause first. */
export const pausesIn = (text: string, intervals: readonly number[]): number[] => {
  if (intervals.length < 2 || text.length !== intervals.length + 1) return [];
  const threshold = Math.max(SPLIT_MIN_GAP_MS, SPLIT_GAP_FACTOR * median(intervals));
  return intervals
    .map((gap, i) => ({ gap, i }))
    .filter(({ gap }) => gap > threshold)
    .sort((a, b) => b.gap - a.gap || a.i - b.i)
    .map(({ i }) => i);
};

/** Pieces of `scan.text`: itself when it is whole or has no pause where a whole code ends. */
export const splitScan = async (
  scan: Pick<ScannerScan, 'text' | 'timings'>,
  isWhole: (text: string) => Promise<boolean>,
  limit = MAX_PIECES,
): Promise<string[]> => {
  const { text, timings } = scan;
  // A run without a clear pause is one code, asked nothing (the usual scan costs no extra lookup).
  const pauses = pausesIn(text, timings.intervals);
  if (limit <= 1 || pauses.length === 0 || (await isWhole(text))) return [text];
  for (const i of pauses) {
    const head = text.slice(0, i + 1);
    if (!(await isWhole(head))) continue;
    const tail = { text: text.slice(i + 1), timings: { ...timings, intervals: timings.intervals.slice(i + 1) } };
    return [head, ...(await splitScan(tail, isWhole, limit - 1))];
  }
  return [text];
};
