/**
 * What a label scan or a typed asset tag becomes before it is looked up. A keyboard-wedge scanner
 * types the QR's text + Enter; with a Chinese IME active the characters may arrive full-width,
 * and some scanners add control characters. Tags are [0-9A-Za-z-], at most 40 (the schema's
 * rule), and printed upper-case.
 */
export const ASSET_TAG_MAX = 40;

export type AssetTagInput = { ok: true; tag: string } | { ok: false; error: 'empty' | 'bad' };

const foldFullWidth = (text: string) =>
  text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\ufeff]/g;

export const parseAssetTag = (raw: string): AssetTagInput => {
  const tag = foldFullWidth(raw).replace(CONTROL, '').trim();
  if (tag === '') return { ok: false, error: 'empty' };
  if (tag.length > ASSET_TAG_MAX || !/^[0-9A-Za-z-]+$/.test(tag)) return { ok: false, error: 'bad' };
  return { ok: true, tag: tag.toUpperCase() };
};
