/**
 * How a fault photo is shrunk on the desk before it is stored and synced (pure: no DOM, so it is
 * unit-tested in Node). A phone or webcam frame is several MB; the log schema takes a JPEG data
 * URL of at most PHOTO_MAX_LENGTH characters, because photos replicate to every desk of the
 * station and ride in pull pages. So: fit within 1280 px, then lower the JPEG quality step by
 * step, then the size, until the data URL fits. A photo that cannot fit is refused, not cut.
 */
import { PHOTO_MAX_LENGTH } from '../../../../shared/schemas/index';

export const PHOTO_MAX_SIDE = 1280;
/** Below this the photo shows nothing useful: give up instead. */
export const PHOTO_MIN_SIDE = 320;
export const JPEG_QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45] as const;
/** Each further round shrinks the sides by this factor. */
export const SHRINK_STEP = 0.75;

export interface Size {
  width: number;
  height: number;
}

/** Scales (width, height) down to fit `maxSide` on the longer side; never scales up. */
export const fitWithin = (size: Size, maxSide: number = PHOTO_MAX_SIDE): Size => {
  if (!(size.width > 0 && size.height > 0)) throw new RangeError(`invalid image size ${size.width}×${size.height}`);
  const scale = Math.min(1, maxSide / Math.max(size.width, size.height));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
};

/** Draws the image at `size` and encodes it as a JPEG data URL with `quality`. */
export type JpegEncoder = (size: Size, quality: number) => Promise<string> | string;

export class PhotoTooLargeError extends Error {
  constructor() {
    super('The photo cannot be made small enough to store');
    this.name = 'PhotoTooLargeError';
  }
}

/**
 * The first encoding that fits `limit`: for each size (1280 px, then ×0.75 …, down to
 * PHOTO_MIN_SIDE) every quality from high to low. The encoder does the drawing, so this runs
 * with a canvas in the app and with a fake in tests.
 */
export const encodeWithinLimit = async (source: Size, encode: JpegEncoder, limit: number = PHOTO_MAX_LENGTH): Promise<{ dataUrl: string; size: Size; quality: number }> => {
  let size = fitWithin(source);
  for (;;) {
    for (const quality of JPEG_QUALITIES) {
      const dataUrl = await encode(size, quality);
      if (dataUrl.length <= limit) return { dataUrl, size, quality };
    }
    const longer = Math.max(size.width, size.height);
    if (longer * SHRINK_STEP < PHOTO_MIN_SIDE) throw new PhotoTooLargeError();
    size = fitWithin(size, Math.floor(longer * SHRINK_STEP));
  }
};

/** A JPEG/PNG/WebP data URL as the log schema accepts it (what the desk stores and sends). */
export const isStorablePhoto = (photo: string): boolean =>
  photo === '' || (photo.length <= PHOTO_MAX_LENGTH && /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/.test(photo));
