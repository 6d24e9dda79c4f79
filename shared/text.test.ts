import { describe, expect, it } from 'vitest';
import { foldFullWidth, hasControlChars, isStorableText, replaceControlChars, SINGLE_LINE_PATTERN, stripControlChars, truncateText, unstorableTextPath } from './text';

describe('storable text', () => {
  it('truncates without splitting a character', () => {
    expect(truncateText('ab😀cd', 3)).toBe('ab');
    expect(truncateText('ab😀cd', 4)).toBe('ab😀');
    expect(truncateText('短文本', 10)).toBe('短文本');
    expect(isStorableText(truncateText('x'.repeat(59) + '😀', 60))).toBe(true);
  });

  it.each([
    ['plain', true],
    ['中文与 emoji 😀', true],
    ['nul \u0000 inside', false],
    ['lone high \uD83D', false],
    ['lone low \uDE00 here', false],
  ])('%j storable: %s', (text, ok) => expect(isStorableText(text)).toBe(ok));

  it('finds the first bad string in a document', () => {
    expect(unstorableTextPath({ a: 'ok', b: ['fine', { c: 'bad\u0000' }] })).toBe('/b/1/c');
    expect(unstorableTextPath({ a: 1, b: null, c: ['x'] })).toBeNull();
  });
});

describe('control characters', () => {
  const control = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'];
  const printable = ['a', ' ', '中', '😀', '\u00a0', '\u00e9', '\u3000', '\uff21'];
  const invisible = ['\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2060', '\u2066', '\ufeff'];

  it('refuses C0, DEL, C1 and line separators in one line of text, and nothing printable', () => {
    for (const ch of control) expect(hasControlChars(`desk${ch}name`), JSON.stringify(ch)).toBe(true);
    for (const ch of [...printable, ...invisible]) expect(hasControlChars(`desk${ch}name`), JSON.stringify(ch)).toBe(false);
  });

  it('gives JSON Schema the same rule as a pattern', () => {
    const pattern = new RegExp(SINGLE_LINE_PATTERN, 'u');
    for (const ch of control) expect(pattern.test(`a${ch}b`), JSON.stringify(ch)).toBe(false);
    for (const ch of [...printable, ...invisible]) expect(pattern.test(`a${ch}b`), JSON.stringify(ch)).toBe(true);
    expect(pattern.test('')).toBe(true);
  });

  it('replaces each control character one for one (a server message shown on one line)', () => {
    expect(replaceControlChars('desk\nname\u0007 taken')).toBe('desk name  taken');
    expect(replaceControlChars('x\n\u001b[31m', '?')).toBe('x??[31m');
    expect(replaceControlChars('第一行\u2028第二行\u0085')).toBe('第一行 第二行 ');
    expect(replaceControlChars('\u200bkept\ufeff')).toBe('\u200bkept\ufeff');
  });

  it('folds full-width ASCII typed with a Chinese IME', () => {
    expect(foldFullWidth('３１０００\u3000ＡＢｃ－１')).toBe('31000 ABc-1');
    expect(foldFullWidth('中文，不变')).toBe('中文,不变');
  });

  it('strips control and invisible characters from scanned or pasted codes', () => {
    expect(stripControlChars('31000\u200b0001')).toBe('310000001');
    expect(stripControlChars('\u0000\u0007')).toBe('');
    expect(stripControlChars('\ufeffEQ-001\r\n')).toBe('EQ-001');
    expect(stripControlChars('\u202eABC\u202c\u2066D\u2069')).toBe('ABCD');
    expect(stripControlChars('a\u0085b\u2028c')).toBe('abc');
    expect(stripControlChars('中 文 😀\u00a0')).toBe('中 文 😀\u00a0');
  });
});
