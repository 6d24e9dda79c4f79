/**
 * Whether scanned text is the start of a member pass that has not been read to its end, and
 * whether it looks like the rest of one: the decoder lets a burst that is a pass cut short pause
 * longer (a scanner stalled mid-pass), and the check-in screen asks for a rescan for either,
 * never taking pass text for a card number (docs/domain-rules.md, member passes).
 */
import { CARD_PATTERN, parsePass } from '../../../shared/passes/index';

/** `SD1.…` cut short: the version prefix is there, the signature is not whole yet. */
export const isPassPrefix = (text: string): boolean => {
  const parsed = parsePass(text);
  return !parsed.ok && parsed.reason === 'truncated';
};

/** A piece of pass text no card carries: the pass alphabet, and a '.' or '_' or longer than any card. */
const PASS_PIECE = /^[A-Za-z0-9_.-]+$/;
const PASS_PIECE_MIN_LENGTH = 16;

/** The end of a pass whose start was read as a separate scan (it does not start with `SD1.`). */
export const isPassRemainder = (text: string): boolean => {
  const value = text.trim();
  if (!PASS_PIECE.test(value) || CARD_PATTERN.test(value)) return false;
  return value.length >= PASS_PIECE_MIN_LENGTH;
};
