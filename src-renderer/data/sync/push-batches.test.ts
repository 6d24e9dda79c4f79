// A push never exceeds the server's body or batch limits, whatever RxDB hands over.
import { describe, expect, it } from 'vitest';
import { splitPushRows } from './push-batches';

describe('push batches', () => {
  it('splits by bytes (UTF-8) and by row count, keeping order', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ id: i, text: '驿'.repeat(100) })); // ~320 bytes each
    const batches = splitPushRows(rows, 1000, 100);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 3, 1]);
    expect(batches.flat()).toEqual(rows);
    expect(splitPushRows(rows, 1_000_000, 4).map((b) => b.length)).toEqual([4, 4, 2]);
  });

  it('sends a row larger than the limit alone', () => {
    const batches = splitPushRows([{ a: 'x'.repeat(50) }, { a: 'y'.repeat(5000) }, { a: 'z' }], 1000);
    expect(batches.map((b) => b.length)).toEqual([1, 1, 1]);
  });
});
