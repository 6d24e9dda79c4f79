import { describe, expect, test } from 'vitest';
import { trustAgeText } from './trust-age-text';

const NOW = Date.UTC(2026, 10, 30, 2, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('trustAgeText', () => {
  test.each([
    ['never synced', null, 24, { unit: 'never', count: 0, stale: true }],
    ['never synced, warning off', null, 0, { unit: 'never', count: 0, stale: false }],
    ['seconds ago', NOW - 30_000, 24, { unit: 'justNow', count: 0, stale: false }],
    ['a desk clock behind the pull time', NOW + 5 * MIN, 24, { unit: 'justNow', count: 0, stale: false }],
    ['minutes ago', NOW - 42 * MIN, 24, { unit: 'minutes', count: 42, stale: false }],
    ['3 hours ago', NOW - 3 * HOUR - 5 * MIN, 24, { unit: 'hours', count: 3, stale: false }],
    ['exactly 24 hours: not yet stale', NOW - 24 * HOUR, 24, { unit: 'hours', count: 24, stale: false }],
    ['just past 24 hours: stale', NOW - 24 * HOUR - 1, 24, { unit: 'hours', count: 24, stale: true }],
    ['3 days ago', NOW - 75 * HOUR, 24, { unit: 'days', count: 3, stale: true }],
    ['a station limit of 48 h', NOW - 30 * HOUR, 48, { unit: 'hours', count: 30, stale: false }],
  ] as const)('%s', (_name, updatedAt, maxAgeHours, expected) => {
    expect(trustAgeText(updatedAt, NOW, maxAgeHours)).toEqual(expected);
  });
});
