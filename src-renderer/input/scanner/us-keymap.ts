/**
 * Physical key → character, as a US keyboard types it. Keyboard-wedge scanners emulate a US
 * keyboard: they send key positions (scan codes), and the OS layout decides the character. On a
 * French or German desk, or with a Chinese IME active, `event.key` is then the wrong character
 * (or 'Process'), but `event.code` still names the key position the scanner meant. So a scan is
 * rebuilt from `event.code` + Shift only, and `event.key` is never trusted for it (CapsLock too
 * is ignored: the scanner's own Shift says what case it meant).
 */

const UNSHIFTED: Readonly<Record<string, string>> = {
  Backquote: '`',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Space: ' ',
};

const SHIFTED: Readonly<Record<string, string>> = {
  Backquote: '~',
  Digit1: '!',
  Digit2: '@',
  Digit3: '#',
  Digit4: '$',
  Digit5: '%',
  Digit6: '^',
  Digit7: '&',
  Digit8: '*',
  Digit9: '(',
  Digit0: ')',
  Minus: '_',
  Equal: '+',
  BracketLeft: '{',
  BracketRight: '}',
  Backslash: '|',
  Semicolon: ':',
  Quote: '"',
  Comma: '<',
  Period: '>',
  Slash: '?',
  Space: ' ',
};

/** The keypad types the same with or without Shift (scanners in keypad mode use it for digits). */
const NUMPAD: Readonly<Record<string, string>> = {
  NumpadDecimal: '.',
  NumpadSubtract: '-',
  NumpadAdd: '+',
  NumpadMultiply: '*',
  NumpadDivide: '/',
};

/** The character a US keyboard types for this key position, or null for a non-character key. */
export const usCharForCode = (code: string, shift: boolean): string | null => {
  if (/^Key[A-Z]$/.test(code)) {
    const letter = code.slice(3);
    return shift ? letter : letter.toLowerCase();
  }
  if (/^Digit[0-9]$/.test(code)) return shift ? (SHIFTED[code] ?? null) : code.slice(5);
  if (/^Numpad[0-9]$/.test(code)) return code.slice(6);
  if (code in NUMPAD) return NUMPAD[code] ?? null;
  return (shift ? SHIFTED[code] : UNSHIFTED[code]) ?? null;
};

/** Printable ASCII only: no control characters, no full-width or other IME output. */
export const isPrintableAscii = (ch: string): boolean => ch.length === 1 && ch >= ' ' && ch <= '~';
