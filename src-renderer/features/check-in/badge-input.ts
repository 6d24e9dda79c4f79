/**
 * Validates what staff typed (or a scanner wedged) into the check-in field before anything is
 * looked up or recorded. Bad input gets a reason the UI translates, and changes nothing.
 */
export const BADGE_MAX_LENGTH = 40;

export type BadgeInput = { ok: true; value: string } | { ok: false; error: 'empty' | 'tooLong' | 'chars' };

/** Full-width digits/letters (typed with a Chinese IME active) are folded to ASCII. */
const foldFullWidth = (text: string) =>
  text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\ufeff]/g;

export const parseBadgeInput = (raw: string): BadgeInput => {
  const value = foldFullWidth(raw).replace(CONTROL, '').trim().replace(/\s+/g, '');
  if (value === '') return { ok: false, error: 'empty' };
  if (value.length > BADGE_MAX_LENGTH) return { ok: false, error: 'tooLong' };
  if (!/^[0-9A-Za-z-]+$/.test(value)) return { ok: false, error: 'chars' };
  return { ok: true, value: value.toUpperCase() };
};
