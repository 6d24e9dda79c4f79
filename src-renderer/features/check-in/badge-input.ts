/**
 * Validates what staff typed (or a scanner wedged) into the check-in field before anything is
 * looked up or recorded. Bad input gets a reason the UI translates, and changes nothing.
 */
import { foldFullWidth, stripControlChars } from '../../../shared/text';

export const BADGE_MAX_LENGTH = 40;

export type BadgeInput = { ok: true; value: string } | { ok: false; error: 'empty' | 'tooLong' | 'chars' };

export const parseBadgeInput = (raw: string): BadgeInput => {
  const value = stripControlChars(foldFullWidth(raw)).trim().replace(/\s+/g, '');
  if (value === '') return { ok: false, error: 'empty' };
  if (value.length > BADGE_MAX_LENGTH) return { ok: false, error: 'tooLong' };
  if (!/^[0-9A-Za-z-]+$/.test(value)) return { ok: false, error: 'chars' };
  return { ok: true, value: value.toUpperCase() };
};

/**
 * What Enter in the card field means, before anything is looked up: nothing (an empty field — a
 * second Enter after a scan, or a stray key — leaves the last result on screen), a search, or a
 * card number or pass to check. Union card numbers are digits (letters may appear beside them on
 * Code128 cards, and a scanner's reads keep going to the card rule); text typed by hand with no
 * digit at all — a name, in letters or in Chinese — is meant for the member search, and is never
 * looked up or recorded as a card (docs/domain-rules.md, check-in input).
 */
export type TypedEntry = { kind: 'nothing' } | { kind: 'search'; query: string } | { kind: 'check'; text: string };

export const typedEntry = (raw: string): TypedEntry => {
  const value = stripControlChars(foldFullWidth(raw)).trim();
  if (value === '') return { kind: 'nothing' };
  if (!/[0-9]/.test(value)) return { kind: 'search', query: value };
  return { kind: 'check', text: raw };
};
