import { describe, expect, it } from 'vitest';
import { isPrintableAscii, usCharForCode } from './us-keymap';

describe('US physical key map', () => {
  it('covers every character a card number or member pass uses (base64url, ".", ":")', () => {
    const typed = new Set<string>();
    const codes = [
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `Key${l}`),
      ...'0123456789'.split('').map((d) => `Digit${d}`),
      'Minus', 'Period', 'Semicolon', 'Slash', 'Equal', 'Comma', 'Quote', 'Backquote', 'BracketLeft', 'BracketRight', 'Backslash',
    ];
    for (const code of codes) for (const shift of [false, true]) typed.add(usCharForCode(code, shift) ?? '');
    for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:') expect(typed.has(ch), ch).toBe(true);
  });

  it.each([
    ['KeyA', false, 'a'],
    ['KeyA', true, 'A'],
    ['Digit2', true, '@'],
    ['Minus', true, '_'],
    ['Semicolon', true, ':'],
    ['Period', false, '.'],
    ['Numpad7', true, '7'],
    ['NumpadDecimal', false, '.'],
  ])('%s (shift %s) → %j', (code, shift, ch) => {
    expect(usCharForCode(code, shift)).toBe(ch);
  });

  it.each(['Enter', 'Tab', 'ShiftLeft', 'F1', 'ArrowUp', 'IntlRo', 'Lang1', '', 'Unidentified'])('%j types no character', (code) => {
    expect(usCharForCode(code, false)).toBeNull();
  });

  it('accepts printable ASCII only', () => {
    expect(['a', '~', ' '].every(isPrintableAscii)).toBe(true);
    expect(['\u0007', '\u007f', '３', '中', 'ab', ''].some(isPrintableAscii)).toBe(false);
  });
});
