// Fault photos are shrunk to fit the schema's limit: dimensions first, then quality, then size.
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_LENGTH } from '../../../../shared/schemas/index';
import { encodeWithinLimit, fitWithin, isStorablePhoto, PhotoTooLargeError, type Size } from './photo-fit';

/** A fake encoder whose output grows with pixels × quality, like JPEG does. */
const fakeEncoder = (bytesPerPixelAtFull: number) => {
  const calls: [Size, number][] = [];
  const encode = (size: Size, quality: number) => {
    calls.push([size, quality]);
    return `data:image/jpeg;base64,${'A'.repeat(Math.round(size.width * size.height * bytesPerPixelAtFull * quality))}`;
  };
  return { encode, calls };
};

describe('fitWithin', () => {
  it.each<[Size, Size]>([
    [{ width: 4032, height: 3024 }, { width: 1280, height: 960 }],
    [{ width: 3024, height: 4032 }, { width: 960, height: 1280 }],
    [{ width: 1280, height: 720 }, { width: 1280, height: 720 }],
    [{ width: 640, height: 480 }, { width: 640, height: 480 }],
    [{ width: 20000, height: 10 }, { width: 1280, height: 1 }],
  ])('%o → %o', (input, output) => {
    expect(fitWithin(input)).toEqual(output);
  });
  it('refuses an empty image', () => {
    expect(() => fitWithin({ width: 0, height: 100 })).toThrow(RangeError);
    expect(() => fitWithin({ width: Number.NaN, height: 100 })).toThrow(RangeError);
  });
});

describe('encodeWithinLimit', () => {
  it('keeps the first encoding that fits, at the best quality', async () => {
    const { encode, calls } = fakeEncoder(0.1);
    const result = await encodeWithinLimit({ width: 4032, height: 3024 }, encode);
    expect(result.size).toEqual({ width: 1280, height: 960 });
    expect(result.quality).toBe(0.85);
    expect(calls).toHaveLength(1);
  });

  it('lowers the quality before the size', async () => {
    const { encode, calls } = fakeEncoder(0.4); // 1280×960×0.4×q ≤ 300 000 → q ≤ 0.61
    const result = await encodeWithinLimit({ width: 1280, height: 960 }, encode);
    expect(result).toMatchObject({ size: { width: 1280, height: 960 }, quality: 0.55 });
    expect(result.dataUrl.length).toBeLessThanOrEqual(PHOTO_MAX_LENGTH);
    expect(calls.map(([, q]) => q)).toEqual([0.85, 0.75, 0.65, 0.55]);
  });

  it('then shrinks the sides step by step', async () => {
    const { encode } = fakeEncoder(1);
    const result = await encodeWithinLimit({ width: 1280, height: 960 }, encode);
    expect(result.size.width).toBeLessThan(1280);
    expect(result.dataUrl.length).toBeLessThanOrEqual(PHOTO_MAX_LENGTH);
  });

  it('gives up below the smallest useful size instead of cutting the photo', async () => {
    await expect(encodeWithinLimit({ width: 1280, height: 960 }, fakeEncoder(100).encode)).rejects.toBeInstanceOf(PhotoTooLargeError);
  });
});

describe('isStorablePhoto', () => {
  it.each([
    ['', true],
    ['data:image/jpeg;base64,/9j/4AAQSkZJRg==', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['data:image/svg+xml;base64,PHN2Zz4=', false],
    ['data:image/jpeg;base64,<script>', false],
    ['javascript:alert(1)', false],
    [`data:image/jpeg;base64,${'A'.repeat(PHOTO_MAX_LENGTH)}`, false],
  ])('%s → %s', (photo, ok) => {
    expect(isStorablePhoto(photo)).toBe(ok);
  });
});
