/**
 * The camera's decode worker: frames arrive as transferred ImageBitmaps (or raw RGBA), are
 * turned into pixels on an OffscreenCanvas, and go through the same pure decoder the tests use.
 * Decoding off the main thread keeps the check-in screen responsive while the camera runs.
 */
import { createFrameDecoder, type RgbaFrame } from './decode-frame';
import type { DecodeRequest, DecodeResponse } from './decode-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeResponse): void;
}

const scope = self as unknown as WorkerScope;
const decoder = createFrameDecoder();
let canvas: OffscreenCanvas | null = null;

const pixelsOf = (bitmap: ImageBitmap): RgbaFrame => {
  const { width, height } = bitmap;
  if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d context in the decode worker');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
};

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const frame = 'bitmap' in request ? pixelsOf(request.bitmap) : request.frame;
    scope.postMessage({ id: request.id, result: decoder.decode(frame) });
  } catch (error) {
    scope.postMessage({ id: request.id, result: null, error: error instanceof Error ? error.message : String(error) });
  }
};
