// The English resources must be complete and carry the same placeholders as the Chinese ones,
// every reason code the domain can produce must have a translation in both languages, every key
// the code names must exist, and every key must be named somewhere in the code.
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

/** The renderer's own source (not its tests, not the resources themselves), read by Vite's glob. */
const SOURCES = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.test-util.ts', '!./**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/**
 * The keys the code names: quoted dotted names ('checkIn.title', a registry's label), and the
 * fixed start of a built one (`reason.${code}`) which counts for every key under it.
 */
const namedInCode = () => {
  const literals = new Set<string>();
  const prefixes = new Set<string>();
  for (const text of Object.values(SOURCES)) {
    for (const m of text.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/g)) literals.add(m[1]!);
    for (const m of text.matchAll(/`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) prefixes.add(m[1]!);
  }
  return { literals, prefixes };
};

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

  it('has every key the code names (in a namespace of the resources)', () => {
    const { literals } = namedInCode();
    const keys = Object.keys(zh);
    const namespaces = new Set(keys.map((k) => k.split('.')[0]!));
    const missing = [...literals].filter((k) => namespaces.has(k.split('.')[0]!) && !(k in zh) && !keys.some((key) => key.startsWith(`${k}.`)));
    expect(missing, 'named in the code but not in zh-CN').toEqual([]);
  });

  it('has no key the code never names', () => {
    const { literals, prefixes } = namedInCode();
    const keys = Object.keys(zh);
    const unused = keys.filter((k) => !literals.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
    expect(unused, 'in zh-CN but named nowhere in the code').toEqual([]);
  });

  it('has one word for enrolling the desk: 登记 (the code is the 登记码), never 注册', () => {
    expect(zh['settings.enroll.code']).toBe('登记码');
    expect(Object.entries(zh).filter(([, text]) => text.includes('注册'))).toEqual([]);
  });

  it('writes Chinese in the default resources', () => {
    expect(zh['nav.checkIn']).toBe('签到');
    expect(/[\u4e00-\u9fff]/.test(zh['reason.UNKNOWN_BADGE'] ?? '')).toBe(true);
  });
});
