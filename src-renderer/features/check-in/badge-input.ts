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
