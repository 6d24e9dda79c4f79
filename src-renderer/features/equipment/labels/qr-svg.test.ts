// The label's QR code really encodes the asset tag: the module matrix is rendered to pixels and
// read back with the same decoder family the desk's camera uses (@zxing/library).
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPath, qrSvg, QUIET_ZONE, type QrMatrix } from './qr-svg';

const decode = (matrix: QrMatrix, scale = 4): string => {
  const side = matrix.size * scale;
  const pixels = new Uint8ClampedArray(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) pixels[y * side + x] = matrix.dark[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
  }
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, side, side)));
  return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]])).getText();
};

/** The matrix drawn back from the SVG path (what a printer draws). */
const fromPath = (path: string, size: number): QrMatrix => {
  const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) dark[Number(y)]![Number(x) + i] = true;
  }
  return { size, dark };
};

describe('equipment label QR', () => {
  it.each(['JA-TM-01', 'JA-AED-01', 'A', 'X'.repeat(40)])('encodes %s so a scanner reads it back', (tag) => {
    const matrix = qrMatrix(tag);
    expect(decode(matrix)).toBe(tag);
    expect(decode(fromPath(qrPath(matrix), matrix.size))).toBe(tag);
  });

  it('keeps a quiet zone of four light modules', () => {
    const { size, dark } = qrMatrix('JA-TM-01');
    for (let i = 0; i < QUIET_ZONE; i++) {
      expect(dark[i]!.some(Boolean)).toBe(false);
      expect(dark[size - 1 - i]!.some(Boolean)).toBe(false);
      expect(dark.some((row) => row[i] || row[size - 1 - i])).toBe(false);
    }
  });

  it('is an SVG of one path made only of numbers and path commands', () => {
    const svg = qrSvg('JA-TM-01', '28mm');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+" width="28mm" height="28mm"/);
    const d = /<path fill="#000" d="([^"]*)"/.exec(svg)![1]!;
    expect(d).toMatch(/^[Mhvz0-9 -]+$/);
    expect(svg.match(/</g)).toHaveLength(4); // <svg, <rect, <path, </svg>
  });
});
