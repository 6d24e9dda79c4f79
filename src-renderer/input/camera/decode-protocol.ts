/** Messages between the camera component and its decode worker. */
import type { DecodedCode, RgbaFrame } from './decode-frame';

export type DecodeRequest = { id: number; bitmap: ImageBitmap } | { id: number; frame: RgbaFrame };

export interface DecodeResponse {
  id: number;
  result: DecodedCode | null;
  /** An unexpected decoder failure (not "nothing found"). */
  error?: string;
}
