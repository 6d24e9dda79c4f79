// Adversarial, table-driven tests for the IPC argument validators: everything a compromised
// page could push through structured clone must be refused with a message naming the channel
// and the argument, and good input must come back normalised.
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from './channels';
import { IpcValidationError, IPC_VALIDATORS, normalizeEnrollmentCode, parseServerUrl, validateIpcArgs } from './validate';

const enroll = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  serverUrl: 'https://union.example.cn',
  code: 'AB12-CD34',
  deskName: '前台 1',
  ...overrides,
});

/** An object with an own property literally named `key` (as structured clone or JSON.parse make it). */
const withOwn = (base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> =>
  JSON.parse(`${JSON.stringify(base).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Record<string, unknown>;

type Case = [name: string, channel: (typeof IPC_CHANNELS)[number], args: unknown[], expected: RegExp];

const rejected: Case[] = [
  ['missing argument', 'device:enroll', [], /exactly 1 argument/],
  ['extra argument', 'device:enroll', [enroll(), 'extra'], /exactly 1 argument/],
  ['argument on a no-arg channel', 'pii:key', ['please'], /exactly 0 argument/],
  ['null instead of object', 'device:enroll', [null], /enrollment must be an object, got null/],
  ['array instead of object', 'device:enroll', [[enroll()]], /must be an object, got an array/],
  ['string instead of object', 'labels:print', ['<p>x</p>'], /labels must be an object, got a string/],
  ['extra property', 'device:enroll', [enroll({ admin: true })], /unexpected property 'admin'/],
  ['own __proto__ key', 'device:enroll', [withOwn(enroll(), '__proto__', { polluted: true })], /unexpected property '__proto__'/],
  ['own constructor key', 'device:enroll', [withOwn(enroll(), 'constructor', { prototype: {} })], /unexpected property 'constructor'/],
  ['prototype swapped through __proto__ setter', 'device:enroll', [Object.assign({}, withOwn(enroll(), '__proto__', { isAdmin: true }))], /plain object/],
  ['control characters in a property name', 'labels:print', [{ html: '<p/>', title: 't', 'x\n\u001b[31m': 1 }], /unexpected property 'x\?\?\[31m'/],
  ['prototype key', 'labels:print', [withOwn({ html: '<p/>', title: 't' }, 'prototype', {})], /unexpected property 'prototype'/],
  ['inherited instead of own property', 'device:enroll', [Object.create(enroll()) as unknown], /plain object/],
  ['class instance', 'device:enroll', [new (class Args { serverUrl = 'https://a.cn'; code = 'ABCDEF'; deskName = 'x' })()], /plain object/],
  ['accessor property', 'device:enroll', [Object.defineProperty(enroll({ code: undefined }), 'code', { get: () => 'ABCDEF', enumerable: true })], /code must be a data property/],
  ['symbol key', 'device:enroll', [{ ...enroll(), [Symbol('x')]: 1 }], /symbol keys/],
  ['missing property', 'device:enroll', [{ serverUrl: 'https://a.cn', code: 'ABCDEF' }], /enrollment.deskName is missing/],
  ['number as server URL', 'device:enroll', [enroll({ serverUrl: 42 })], /serverUrl must be a string, got a number/],
  ['javascript: URL', 'device:enroll', [enroll({ serverUrl: 'javascript:alert(1)' })], /http:\/\/ or https:\/\//],
  ['file: URL', 'device:enroll', [enroll({ serverUrl: 'file:///etc/passwd' })], /http:\/\/ or https:\/\//],
  ['data: URL', 'device:enroll', [enroll({ serverUrl: 'data:text/html,<script>alert(1)</script>' })], /http:\/\/ or https:\/\//],
  ['ftp: URL', 'device:enroll', [enroll({ serverUrl: 'ftp://union.example.cn' })], /http:\/\/ or https:\/\//],
  ['credentials in URL', 'device:enroll', [enroll({ serverUrl: 'https://admin:secret@union.example.cn' })], /user name or password/],
  ['user only in URL', 'device:enroll', [enroll({ serverUrl: 'https://evil.example@union.example.cn' })], /user name or password/],
  ['fragment', 'device:enroll', [enroll({ serverUrl: 'https://union.example.cn/#/admin' })], /fragment/],
  ['query', 'device:enroll', [enroll({ serverUrl: 'https://union.example.cn/?next=evil' })], /query/],
  ['no host', 'device:enroll', [enroll({ serverUrl: 'https://' })], /host name/],
  ['single slash', 'device:enroll', [enroll({ serverUrl: 'https:/union.example.cn' })], /http:\/\/ or https:\/\//],
  ['backslash host trick', 'device:enroll', [enroll({ serverUrl: 'https://union.example.cn\\@evil.example' })], /backslashes/],
  ['space in URL', 'device:enroll', [enroll({ serverUrl: 'https://union example.cn' })], /spaces/],
  ['port out of range', 'device:enroll', [enroll({ serverUrl: 'https://union.example.cn:99999' })], /invalid port/],
  ['dot-dot path', 'device:enroll', [enroll({ serverUrl: 'https://union.example.cn/api/../admin' })], /'\.\.' path segments/],
  ['encoded dot-dot path', 'device:enroll', [enroll({ serverUrl: 'https://union.example.cn/%2e%2E/admin' })], /'\.\.' path segments/],
  ['underscore host', 'device:enroll', [enroll({ serverUrl: 'https://bad_host.cn' })], /host name/],
  ['huge server URL', 'device:enroll', [enroll({ serverUrl: `https://a.cn/${'a'.repeat(100_000)}` })], /too long/],
  ['enrollment code too short', 'device:enroll', [enroll({ code: 'AB1' })], /6–12 letters/],
  ['enrollment code too long', 'device:enroll', [enroll({ code: 'ABCDEFGHJKLMN' })], /6–12 letters/],
  ['enrollment code with symbols', 'device:enroll', [enroll({ code: "AB'; DROP--" })], /6–12 letters/],
  ['enrollment code full-width', 'device:enroll', [enroll({ code: 'ＡＢＣＤＥＦ' })], /6–12 letters/],
  ['huge enrollment code', 'device:enroll', [enroll({ code: 'A'.repeat(1_000_000) })], /too long/],
  ['empty desk name', 'device:enroll', [enroll({ deskName: '   ' })], /deskName must not be empty/],
  ['desk name of 41 characters', 'device:enroll', [enroll({ deskName: '台'.repeat(41) })], /at most 40/],
  ['desk name with newline', 'device:enroll', [enroll({ deskName: 'Desk\nInjected' })], /control characters/],
  ['desk name with NUL', 'device:enroll', [enroll({ deskName: 'Desk\u0000' })], /control characters/],
  ['count as string', 'sync:pending', ['5'], /count must be a number, got a string/],
  ['NaN count', 'sync:pending', [Number.NaN], /got NaN/],
  ['Infinity count', 'sync:pending', [Number.POSITIVE_INFINITY], /got Infinity/],
  ['negative count', 'sync:pending', [-1], /non-negative whole number/],
  ['fractional count', 'sync:pending', [1.5], /non-negative whole number/],
  ['unsafe integer count', 'sync:pending', [2 ** 53], /non-negative whole number/],
  ['bigint count', 'sync:pending', [5n], /got a bigint/],
  ['object count', 'sync:pending', [{ valueOf: () => 3 }], /got an object/],
  ['missing count', 'sync:pending', [], /exactly 1 argument/],
  ['huge label html', 'labels:print', [{ html: 'x'.repeat(2_000_001), title: 'Labels' }], /labels.html is too long/],
  ['empty label html', 'labels:print', [{ html: '', title: 'Labels' }], /labels.html must not be empty/],
  ['label html as Uint8Array', 'labels:print', [{ html: new Uint8Array(4), title: 'Labels' }], /html must be a string, got an object/],
  ['label title with line break', 'labels:print', [{ html: '<p/>', title: 'a\u2028b' }], /control characters/],
  ['label title too long', 'labels:print', [{ html: '<p/>', title: 't'.repeat(101) }], /at most 100/],
];

describe('IPC validators: adversarial input is refused', () => {
  it.each(rejected)('%s', (_name, channel, args, expected) => {
    let error: unknown;
    try {
      validateIpcArgs(channel, args);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IpcValidationError);
    const message = (error as IpcValidationError).message;
    expect(message).toMatch(expected);
    expect(message).toContain(`'${channel}'`);
    expect(message.length).toBeLessThan(300); // never echoes a huge input back
  });

  it('has at least 25 adversarial cases', () => {
    expect(rejected.length).toBeGreaterThanOrEqual(25);
  });

  it('refuses an unknown channel', () => {
    expect(() => validateIpcArgs('shell:exec' as 'pii:key', [])).toThrow(/not a known IPC channel/);
  });

  it('does not pollute Object.prototype', () => {
    expect(() => validateIpcArgs('device:enroll', [withOwn(enroll(), '__proto__', { polluted: true })])).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('IPC validators: good input is normalised', () => {
  it('has one validator per channel', () => {
    expect(Object.keys(IPC_VALIDATORS).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('accepts no-argument channels with no arguments', () => {
    for (const channel of ['app:info', 'device:status', 'device:forget', 'pii:key'] as const) {
      expect(validateIpcArgs(channel, [])).toEqual([]);
    }
  });

  it('takes exactly the access-token options', () => {
    expect(validateIpcArgs('device:access-token', [{ forceRefresh: true }])).toEqual([{ forceRefresh: true }]);
    for (const bad of [[], [{}], [{ forceRefresh: 'yes' }], [{ forceRefresh: true, extra: 1 }], [null], [{ forceRefresh: false }, 1]]) {
      expect(() => validateIpcArgs('device:access-token', bad)).toThrow(/device:access-token/);
    }
  });

  it('normalises an enrollment', () => {
    const [args] = validateIpcArgs('device:enroll', [
      { serverUrl: '  HTTPS://Union.Example.CN:8443/desk-api/  ', code: ' ab12 cd34 ', deskName: '  一号前台 ' },
    ]);
    expect(args).toEqual({ serverUrl: 'https://union.example.cn:8443/desk-api', code: 'AB12CD34', deskName: '一号前台' });
  });

  it('returns a fresh object, not the caller’s', () => {
    const input = enroll();
    const [args] = validateIpcArgs('device:enroll', [input]);
    expect(args).not.toBe(input);
  });

  it('counts desk names in characters, not UTF-16 units', () => {
    expect(validateIpcArgs('device:enroll', [enroll({ deskName: '🏸'.repeat(40) })])[0].deskName).toHaveLength(80);
  });

  it.each([
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://192.168.1.20', 'http://192.168.1.20'],
    ['https://[::1]:8443/', 'https://[::1]:8443'],
    ['https://union.example.cn/', 'https://union.example.cn'],
  ])('accepts server URL %s', (input, url) => {
    expect(parseServerUrl(input)).toEqual({ url });
  });

  it('accepts counts 0 and large safe integers', () => {
    expect(validateIpcArgs('sync:pending', [0])).toEqual([0]);
    expect(validateIpcArgs('sync:pending', [-0])).toEqual([0]);
    expect(validateIpcArgs('sync:pending', [Number.MAX_SAFE_INTEGER])).toEqual([Number.MAX_SAFE_INTEGER]);
  });

  it('accepts label HTML with line breaks and trims the title', () => {
    const [args] = validateIpcArgs('labels:print', [{ html: '<p>\n跑步机 A-01\n</p>', title: ' 器材标签 ' }]);
    expect(args).toEqual({ html: '<p>\n跑步机 A-01\n</p>', title: '器材标签' });
  });

  it('normalises enrollment codes the same way the server should', () => {
    expect(normalizeEnrollmentCode(' k7qf-92xd ')).toBe('K7QF-92XD');
  });
});
