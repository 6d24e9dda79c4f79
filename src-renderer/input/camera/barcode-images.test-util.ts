/**
 * Barcode images for the decoder tests, drawn from bwip-js's raw symbol data (an encoder
 * independent of zxing): QR modules or Code128 bar widths → RGBA pixels with a quiet zone,
 * optionally on a grey "desk" background with deterministic sensor noise, as a webcam sees it.
 */
import bwipjs from 'bwip-js/node';
import type { RgbaFrame } from './decode-frame';

type Raw = { pixs?: number[]; pixx?: number; pixy?: number; sbs?: number[] };

const blank = (width: number, height: number, shade = 255): RgbaFrame => {
  const data = new Uint8ClampedArray(width * height * 4).fill(shade);
  return { data, width, height };
};

const paint = (frame: RgbaFrame, x0: number, y0: number, w: number, h: number, shade: number) => {
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const p = (y * frame.width + x) * 4;
      frame.data[p] = frame.data[p + 1] = frame.data[p + 2] = shade;
      frame.data[p + 3] = 255;
    }
  }
};

/** A 2D symbol (e.g. 'qrcode') with `scale` pixels per module and a 4-module quiet zone. */
export const matrixImage = (bcid: string, text: string, scale = 4): RgbaFrame => {
  const [symbol] = bwipjs.raw(bcid, text, {}) as Raw[];
  const { pixs, pixx, pixy } = symbol ?? {};
  if (!pixs || !pixx || !pixy) throw new Error(`${bcid} gave no matrix`);
  const quiet = 4 * scale;
  const frame = blank(pixx * scale + 2 * quiet, pixy * scale + 2 * quiet);
  pixs.forEach((on, i) => {
    if (on) paint(frame, quiet + (i % pixx) * scale, quiet + Math.floor(i / pixx) * scale, scale, scale, 0);
  });
  return frame;
};

/** A linear symbol (e.g. 'code128') with `scale` pixels per module, bars `height` px, 10-module quiet zones. */
export const linearImage = (bcid: string, text: string, scale = 3, height = 80): RgbaFrame => {
  const [symbol] = bwipjs.raw(bcid, text, {}) as Raw[];
  const sbs = symbol?.sbs;
  if (!sbs) throw new Error(`${bcid} gave no bars`);
  const quiet = 10 * scale;
  const modules = sbs.reduce((a, b) => a + b, 0);
  const frame = blank(modules * scale + 2 * quiet, height + 2 * quiet);
  let x = quiet;
  sbs.forEach((width, i) => {
    if (i % 2 === 0) paint(frame, x, quiet, width * scale, height, 0);
    x += width * scale;
  });
  return frame;
};

/** Deterministic PRNG (mulberry32), so "random" images are the same on every run. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Puts `symbol` on a larger grey frame at (x, y), softens contrast and adds sensor noise. */
export const asCameraFrame = (symbol: RgbaFrame, width: number, height: number, x: number, y: number, noise = 20, seed = 7): RgbaFrame => {
  const frame = blank(width, height, 128);
  const random = prng(seed);
  for (let row = 0; row < symbol.height; row++) {
    for (let col = 0; col < symbol.width; col++) {
      const v = symbol.data[(row * symbol.width + col) * 4] ?? 255;
      const p = ((row + y) * width + col + x) * 4;
      frame.data[p] = frame.data[p + 1] = frame.data[p + 2] = v === 0 ? 40 : 215;
    }
  }
  for (let p = 0; p < frame.data.length; p += 4) {
    const jitter = (random() - 0.5) * noise;
    for (let c = 0; c < 3; c++) frame.data[p + c] = (frame.data[p + c] ?? 0) + jitter;
  }
  return frame;
};

export const noiseImage = (width: number, height: number, seed = 1): RgbaFrame => {
  const random = prng(seed);
  const frame = blank(width, height);
  for (let p = 0; p < frame.data.length; p += 4) {
    const v = random() < 0.5 ? 0 : 255;
    frame.data[p] = frame.data[p + 1] = frame.data[p + 2] = v;
  }
  return frame;
};
