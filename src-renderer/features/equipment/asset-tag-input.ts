/**
 * What a label scan or a typed asset tag becomes before it is looked up. A keyboard-wedge scanner
 * types the QR's text + Enter; with a Chinese IME active the characters may arrive full-width,
 * and some scanners add control characters. Tags are [0-9A-Za-z-], at most 40 (the schema's
 * rule), and printed upper-case.
 */
import { foldFullWidth, stripControlChars } from '../../../shared/text';

export const ASSET_TAG_MAX = 40;

export type AssetTagInput = { ok: true; tag: string } | { ok: false; error: 'empty' | 'bad' };

export const parseAssetTag = (raw: string): AssetTagInput => {
  const tag = stripControlChars(foldFullWidth(raw)).trim();
  if (tag === '') return { ok: false, error: 'empty' };
  if (tag.length > ASSET_TAG_MAX || !/^[0-9A-Za-z-]+$/.test(tag)) return { ok: false, error: 'bad' };
  return { ok: true, tag: tag.toUpperCase() };
};
