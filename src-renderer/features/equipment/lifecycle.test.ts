// The lifecycle buttons offered in each status, the asset-tag input and duration texts.
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/domain/index';
import { parseAssetTag } from './asset-tag-input';
import { durationParts } from './duration-text';
import { canReportFault, lifecycleEvents } from './lifecycle';

describe('lifecycle events', () => {
  it.each([
    ['ok', ['repair-started', 'inspected', 'retired'], true],
    ['faulty', ['repair-started', 'repaired', 'inspected', 'retired'], true],
    ['out-of-service', ['repair-started', 'repaired', 'inspected', 'retired'], true],
    ['under-repair', ['repaired', 'inspected', 'retired'], true],
    ['retired', [], false],
  ] as const)('%s offers %j', (status, events, report) => {
    expect(lifecycleEvents(status)).toEqual(events);
    expect(canReportFault(status)).toBe(report);
  });
});

describe('parseAssetTag', () => {
  it.each([
    ['JA-TM-01', { ok: true, tag: 'JA-TM-01' }],
    [' ja-tm-01\r\n', { ok: true, tag: 'JA-TM-01' }],
    ['ＪＡ－ＴＭ－０１', { ok: true, tag: 'JA-TM-01' }],
    ['', { ok: false, error: 'empty' }],
    ['  \u0000 ', { ok: false, error: 'empty' }],
    ['JA TM 01', { ok: false, error: 'bad' }],
    ['<img src=x>', { ok: false, error: 'bad' }],
    ['X'.repeat(41), { ok: false, error: 'bad' }],
  ])('%j → %j', (raw, result) => {
    expect(parseAssetTag(raw)).toEqual(result);
  });
});

describe('durationParts', () => {
  it.each([
    [0, { unit: 'minutes', m: 0 }],
    [29 * 1000, { unit: 'minutes', m: 0 }],
    [45 * MINUTE_MS, { unit: 'minutes', m: 45 }],
    [90 * MINUTE_MS, { unit: 'hours', h: 1, m: 30 }],
    [23 * HOUR_MS + 59 * MINUTE_MS, { unit: 'hours', h: 23, m: 59 }],
    [DAY_MS, { unit: 'days', d: 1, h: 0 }],
    [2 * DAY_MS + 5 * HOUR_MS + 20 * MINUTE_MS, { unit: 'days', d: 2, h: 5 }],
  ])('%d ms → %j', (ms, parts) => {
    expect(durationParts(ms)).toEqual(parts);
  });
});
