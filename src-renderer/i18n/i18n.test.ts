// The English resources must be complete and carry the same placeholders as the Chinese ones,
// and every reason code the domain can produce must have a translation in both languages.
import { describe, expect, it } from 'vitest';
import { BOOKING_REASONS, CHECK_IN_REASONS } from '../../shared/domain/reason-codes';
import { ERROR_CODES } from '../../shared/protocol/errors';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((acc, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...acc, [path]: value } : { ...acc, ...flatten(value, path) };
  }, {});

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const zh = flatten(zhCN as unknown as Tree);
  const english = flatten(en as unknown as Tree);

  it('has the same keys in both languages', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has no empty texts and the same placeholders', () => {
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), key).not.toBe('');
      expect(english[key]?.trim(), key).not.toBe('');
      expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('translates every reason code', () => {
    for (const code of CHECK_IN_REASONS) {
      expect(zh[`reason.${code}`], code).toBeTruthy();
      expect(english[`reason.${code}`], code).toBeTruthy();
    }
    for (const code of BOOKING_REASONS) {
      expect(zh[`bookingReason.${code}`], code).toBeTruthy();
      expect(english[`bookingReason.${code}`], code).toBeTruthy();
    }
  });

  it('explains every server error code and local sync reason in a sentence', () => {
    const local = ['NETWORK', 'TIMEOUT', 'BAD_RESPONSE', 'SERVER_ERROR', 'NOT_ENROLLED', 'ALREADY_ENROLLED', 'IPC_INVALID_ARGUMENT', 'LOCAL'];
    for (const code of [...ERROR_CODES, ...local]) {
      expect(zh[`syncError.${code}`], code).toMatch(/[\u4e00-\u9fff]/);
      expect(english[`syncError.${code}`], code).toBeTruthy();
    }
  });

  it('writes Chinese in the default resources', () => {
    expect(zh['nav.checkIn']).toBe('签到');
    expect(/[\u4e00-\u9fff]/.test(zh['reason.UNKNOWN_BADGE'] ?? '')).toBe(true);
  });
});
