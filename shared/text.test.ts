import { describe, expect, it } from 'vitest';
import { isStorableText, truncateText, unstorableTextPath } from './text';

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
