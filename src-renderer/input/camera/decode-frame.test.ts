// The worker's decode function on QR and Code128 images generated here by an independent
// encoder (bwip-js): clean, and as a noisy webcam frame; formats the desk does not hint are
// not read; noise and blank frames give no result.
import { BitArray, NotFoundException } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { asCameraFrame, linearImage, matrixImage, noiseImage } from './barcode-images.test-util';
import { findCode128StartPattern, originalFindStartPattern } from './code128-start-fix';
import { createFrameDecoder, toLuminance } from './decode-frame';

const PASS = 'SD1.eyJtIjoiMDFKOVg3UTJNNFo4SzNONlI1VDBXMVk5QTIiLCJjIjoidW5pb24iLCJ2IjoiMjAyNy0wMS0wMSJ9.c2lnbmF0dXJlLWJ5dGVz-_Ab';
const CARD = '310000000001';

describe('camera frame decoder', () => {
  const decoder = createFrameDecoder();

  it.each([
    ['QR member pass', () => matrixImage('qrcode', PASS), { text: PASS, format: 'QR_CODE' }],
    ['QR, small modules', () => matrixImage('qrcode', 'SD1:abc-_9.xyz', 2), { text: 'SD1:abc-_9.xyz', format: 'QR_CODE' }],
    ['Code128 card number', () => linearImage('code128', CARD), { text: CARD, format: 'CODE_128' }],
    ['Code128 with letters and dashes', () => linearImage('code128', 'WK-2024-00731'), { text: 'WK-2024-00731', format: 'CODE_128' }],
    ['QR as a noisy webcam frame', () => asCameraFrame(matrixImage('qrcode', PASS, 4), 640, 480, 150, 60), { text: PASS, format: 'QR_CODE' }],
    ['Code128 as a noisy webcam frame', () => asCameraFrame(linearImage('code128', CARD, 3), 640, 480, 90, 150), { text: CARD, format: 'CODE_128' }],
  ])('reads %s', (_name, image, expected) => {
    expect(decoder.decode(image())).toEqual(expected);
  });

  it.each([
    ['random noise', () => noiseImage(320, 240)],
    ['a blank white frame', () => matrixImage('qrcode', 'x').data.fill(255) && noiseImage(1, 1, 3)],
    ['Code39 (not hinted)', () => linearImage('code39', 'CARD310000')],
    ['EAN-13 (not hinted)', () => linearImage('ean13', '6901234567892')],
    ['Data Matrix (not hinted)', () => matrixImage('datamatrix', CARD)],
  ])('finds nothing in %s', (_name, image) => {
    expect(decoder.decode(image())).toBeNull();
  });

  it('keeps reading after frames with nothing in them (one reader, reused state)', () => {
    for (let seed = 1; seed <= 5; seed++) expect(decoder.decode(noiseImage(160, 120, seed))).toBeNull();
    expect(decoder.decode(linearImage('code128', CARD))?.text).toBe(CARD);
  });

  it('computes luma from RGBA and rejects short buffers', () => {
    const data = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]);
    expect([...toLuminance({ data, width: 3, height: 1 })]).toEqual([255, 0, 76]);
    expect(() => toLuminance({ data, width: 4, height: 1 })).toThrow(RangeError);
  });
});

describe('Code128 start-pattern fix (@zxing/library 0.21.3 bug)', () => {
  // One row: dark background, white quiet zone, then a Code128 symbol.
  const rowWithDarkLeft = () => {
    const symbol = linearImage('code128', CARD, 2, 4);
    const frame = asCameraFrame(symbol, symbol.width + 40, symbol.height, 40, 0, 0);
    const luma = toLuminance(frame);
    const y = Math.floor(frame.height / 2);
    const row = new BitArray(frame.width);
    for (let x = 0; x < frame.width; x++) if ((luma[y * frame.width + x] ?? 255) < 170) row.set(x);
    return row;
  };

  it('the library’s own method misses a start pattern that follows anything dark', () => {
    const row = rowWithDarkLeft();
    let found: number[] | null = null;
    try {
      found = Array.from(originalFindStartPattern(row));
    } catch (error) {
      expect(error).toBeInstanceOf(NotFoundException);
    }
    expect(found).not.toEqual(Array.from(findCode128StartPattern(row)));
  });

  it('the fixed method finds it, at the same place the library finds it on a clean row', () => {
    const [start, end, code] = findCode128StartPattern(rowWithDarkLeft());
    expect(code).toBe(105); // START_C: a digits-only card number
    expect(start).toBeGreaterThan(40);
    expect((end ?? 0) - (start ?? 0)).toBe(11 * 2); // 11 modules × 2 px
  });
});
