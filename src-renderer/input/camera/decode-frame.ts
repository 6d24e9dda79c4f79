/**
 * Decodes one camera frame (RGBA pixels) with @zxing/library, looking only for the two formats
 * a desk reads: QR (member passes) and Code128 (card numbers). Hinting POSSIBLE_FORMATS cuts a
 * QR decode from ~7 ms to ~0.1 ms (docs/domain-rules.md) and keeps other symbologies from being misread.
 * Pure (no DOM, no worker API): the worker is a thin wrapper, and tests call this directly.
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  ChecksumException,
  DecodeHintType,
  FormatException,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  RGBLuminanceSource,
} from '@zxing/library';
import { installCode128StartFix } from './code128-start-fix';

export type CameraFormat = 'QR_CODE' | 'CODE_128';

export interface DecodedCode {
  text: string;
  format: CameraFormat;
}

export interface RgbaFrame {
  /** width × height × 4 bytes, as ImageData holds them. */
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface FrameDecoder {
  decode(frame: RgbaFrame): DecodedCode | null;
}

const FORMATS: Record<number, CameraFormat> = {
  [BarcodeFormat.QR_CODE]: 'QR_CODE',
  [BarcodeFormat.CODE_128]: 'CODE_128',
};

/** Rec. 601 luma in integers: what the binarizer needs, a quarter of the bytes. */
export const toLuminance = ({ data, width, height }: RgbaFrame): Uint8ClampedArray => {
  const size = width * height;
  if (data.length < size * 4) throw new RangeError(`frame has ${data.length} bytes, needs ${size * 4}`);
  const out = new Uint8ClampedArray(size);
  for (let i = 0, p = 0; i < size; i++, p += 4) {
    out[i] = ((data[p] ?? 0) * 77 + (data[p + 1] ?? 0) * 150 + (data[p + 2] ?? 0) * 29) >> 8;
  }
  return out;
};

/** "Nothing readable in this frame": the normal answer for most camera frames. */
const isNoResult = (error: unknown) =>
  error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException;

export const createFrameDecoder = (): FrameDecoder => {
  installCode128StartFix();
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128]]]);
  reader.setHints(hints);
  return {
    decode(frame) {
      if (frame.width <= 0 || frame.height <= 0) return null;
      const source = new RGBLuminanceSource(toLuminance(frame), frame.width, frame.height);
      try {
        const result = reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source)));
        const format = FORMATS[result.getBarcodeFormat()];
        return format ? { text: result.getText(), format } : null;
      } catch (error) {
        if (isNoResult(error)) return null;
        throw error;
      }
    },
  };
};
