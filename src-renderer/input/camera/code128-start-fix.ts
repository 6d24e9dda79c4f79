/**
 * Fix for a bug in @zxing/library 0.21.3's Code128Reader.findStartPattern: when the first
 * six-run window of a row is not the start pattern, it shifts its counters with
 * `counters.slice(2)`, which *shortens* the Int32Array to four entries, so no later window can
 * ever match. A Code128 symbol is then read only when nothing dark lies between the row's edge
 * and the symbol, which a webcam frame (desk, hand, card edge) rarely gives. This is a faithful
 * port of upstream ZXing's Java method (an in-place shift), installed over the static method
 * that `decodeRow` calls. `installCode128StartFix()` is idempotent.
 */
import { Code128Reader, NotFoundException, OneDReader, type BitArray } from '@zxing/library';

interface Code128Internals {
  findStartPattern(row: BitArray): Int32Array;
  CODE_PATTERNS: Int32Array[];
  MAX_AVG_VARIANCE: number;
  MAX_INDIVIDUAL_VARIANCE: number;
  CODE_START_A: number;
  CODE_START_C: number;
}

interface OneDInternals {
  patternMatchVariance(counters: Int32Array, pattern: Int32Array, maxIndividualVariance: number): number;
}

const internals = Code128Reader as unknown as Code128Internals;
const oneD = OneDReader as unknown as OneDInternals;

/** The library's own method, kept for the test that shows the bug. */
export const originalFindStartPattern = internals.findStartPattern.bind(Code128Reader);

export const findCode128StartPattern = (row: BitArray): Int32Array => {
  const width = row.getSize();
  const rowOffset = row.getNextSet(0);
  const patternLength = 6;
  const counters = new Int32Array(patternLength);
  let counterPosition = 0;
  let patternStart = rowOffset;
  let isWhite = false;
  for (let i = rowOffset; i < width; i++) {
    if (row.get(i) !== isWhite) {
      counters[counterPosition] = (counters[counterPosition] ?? 0) + 1;
      continue;
    }
    if (counterPosition === patternLength - 1) {
      let bestVariance = internals.MAX_AVG_VARIANCE;
      let bestMatch = -1;
      for (let startCode = internals.CODE_START_A; startCode <= internals.CODE_START_C; startCode++) {
        const pattern = internals.CODE_PATTERNS[startCode];
        if (!pattern) continue;
        const variance = oneD.patternMatchVariance(counters, pattern, internals.MAX_INDIVIDUAL_VARIANCE);
        if (variance < bestVariance) {
          bestVariance = variance;
          bestMatch = startCode;
        }
      }
      // Whitespace before the start pattern, at least half its width.
      if (bestMatch >= 0 && row.isRange(Math.max(0, patternStart - Math.floor((i - patternStart) / 2)), patternStart, false)) {
        return Int32Array.from([patternStart, i, bestMatch]);
      }
      patternStart += (counters[0] ?? 0) + (counters[1] ?? 0);
      counters.copyWithin(0, 2, 2 + counterPosition - 1);
      counters[counterPosition - 1] = 0;
      counters[counterPosition] = 0;
      counterPosition--;
    } else {
      counterPosition++;
    }
    counters[counterPosition] = 1;
    isWhite = !isWhite;
  }
  throw new NotFoundException();
};

export const installCode128StartFix = (): void => {
  internals.findStartPattern = findCode128StartPattern;
};
