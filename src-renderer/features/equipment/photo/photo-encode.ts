/**
 * Turns a picked file or a webcam frame into the stored photo: drawn on a canvas at the size
 * photo-fit.ts chooses and encoded as JPEG (which also drops EXIF data such as GPS position).
 * Browser-only glue; the decisions are in photo-fit.ts.
 */
import { encodeWithinLimit, type JpegEncoder, type Size } from './photo-fit';

export class PhotoUnreadableError extends Error {
  constructor() {
    super('The picture cannot be read');
    this.name = 'PhotoUnreadableError';
  }
}

const canvasEncoder = (source: CanvasImageSource): JpegEncoder => {
  const canvas = document.createElement('canvas');
  return (size: Size, quality: number) => {
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoUnreadableError();
    context.fillStyle = '#fff'; // a transparent PNG becomes white, not black
    context.fillRect(0, 0, size.width, size.height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(source, 0, 0, size.width, size.height);
    return canvas.toDataURL('image/jpeg', quality);
  };
};

/** A picture file (JPG, PNG, WebP…; EXIF rotation applied) → a JPEG data URL within the limit. */
export const photoFromFile = async (file: Blob): Promise<string> => {
  if (!file.type.startsWith('image/')) throw new PhotoUnreadableError();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoUnreadableError();
  }
  try {
    return (await encodeWithinLimit({ width: bitmap.width, height: bitmap.height }, canvasEncoder(bitmap))).dataUrl;
  } finally {
    bitmap.close();
  }
};

/** The video's current frame → a JPEG data URL within the limit (the frame is copied once first). */
export const photoFromVideo = async (video: HTMLVideoElement): Promise<string> => {
  const size = { width: video.videoWidth, height: video.videoHeight };
  if (!(size.width > 0 && size.height > 0)) throw new PhotoUnreadableError();
  const frame = document.createElement('canvas');
  frame.width = size.width;
  frame.height = size.height;
  frame.getContext('2d')?.drawImage(video, 0, 0);
  return (await encodeWithinLimit(size, canvasEncoder(frame))).dataUrl;
};
