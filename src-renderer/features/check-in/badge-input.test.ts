import { describe, expect, it } from 'vitest';
import { BADGE_MAX_LENGTH, parseBadgeInput, typedEntry } from './badge-input';

describe('parseBadgeInput', () => {
  it.each([
    ['310000000001', '310000000001'],
    ['  310000000001 \r\n', '310000000001'],
    ['３１００００００００１', '31000000001'],
    ['ab-12', 'AB-12'],
    ['31000\u200b0001', '310000001'],
    ['3100 0000 01', '3100000001'],
  ])('accepts %j as %j', (raw, value) => {
    expect(parseBadgeInput(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   \t', 'empty'],
    ['\u0000\u0007', 'empty'],
    ['x'.repeat(BADGE_MAX_LENGTH + 1), 'tooLong'],
    ['3100<script>', 'chars'],
    ['王建国', 'chars'],
    ['310000000001;DROP', 'chars'],
    ['../../etc', 'chars'],
  ])('rejects %j as %s', (raw, error) => {
    expect(parseBadgeInput(raw)).toEqual({ ok: false, error });
  });
});

describe('typedEntry (Enter in the card field)', () => {
  it.each([
    ['', { kind: 'nothing' }],
    ['   ', { kind: 'nothing' }],
    ['\u0000', { kind: 'nothing' }],
    ['abc', { kind: 'search', query: 'abc' }],
    ['Wang Jianguo', { kind: 'search', query: 'Wang Jianguo' }],
    ['王建国', { kind: 'search', query: '王建国' }],
    ['310000000001', { kind: 'check', text: '310000000001' }],
    ['ab-12', { kind: 'check', text: 'ab-12' }],
    ['3100<script>', { kind: 'check', text: '3100<script>' }],
  ])('%j → %j', (raw, entry) => {
    expect(typedEntry(raw)).toEqual(entry);
  });
});
