/**
 * Run-time validators for every IPC channel's arguments. Main calls them before any handler
 * runs: the renderer is treated as untrusted input (a compromised page can send anything the
 * structured clone algorithm can carry). Each validator is a parser: it checks the exact
 * argument count, refuses extra or inherited properties, limits string lengths, and returns the
 * arguments normalised (trimmed, canonical URL, upper-case enrollment code).
 *
 * Pure TypeScript: no DOM, no Node. Used by src-main/ipc/handle.ts, and by the web bridge if
 * it wants the same checks.
 */
import type { EnrollArgs, IpcArgs, IpcChannel, LabelPrintArgs } from './channels';
import { hasControlChars, replaceControlChars } from '../text';
import { IPC_CHANNELS } from './channels';

export const SERVER_URL_MAX = 2048;
export const DESK_NAME_MAX = 40;
export const ENROLLMENT_CODE_PATTERN = /^[A-Z0-9-]{6,12}$/;
/** What staff may type before normalisation (spaces, lower case). */
const ENROLLMENT_CODE_INPUT_MAX = 32;
export const LABEL_TITLE_MAX = 100;
/** A few pages of labels with inline SVG/PNG QR codes fit easily. */
export const LABEL_HTML_MAX = 2_000_000;

export class IpcValidationError extends Error {
  readonly code = 'IPC_INVALID_ARGUMENT';
  constructor(
    readonly channel: string,
    readonly argument: string,
    readonly problem: string,
  ) {
    super(`Invalid argument for IPC channel '${channel}': ${argument} ${problem}.`);
    this.name = 'IpcValidationError';
  }
}

/** Length in Unicode code points (a Chinese character or an emoji counts once). */
const codePoints = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff || i === 0 || (text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) count++;
  }
  return count;
};

const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
};

/** A property name safe to echo in a message: short, one line. */
const shown = (key: string): string => replaceControlChars(key.slice(0, 40), '?');

type Fail = (argument: string, problem: string) => never;

const failFor =
  (channel: string): Fail =>
  (argument, problem) => {
    throw new IpcValidationError(channel, argument, problem);
  };

const expectCount = (fail: Fail, args: readonly unknown[], count: number): void => {
  if (!Array.isArray(args)) fail('arguments', 'must be an argument list');
  if (args.length !== count) fail('arguments', `must be exactly ${count} argument(s), got ${args.length}`);
};

/**
 * Accepts only a plain data object whose own keys are exactly `keys` (no extras such as
 * `__proto__` or `constructor`, no accessors, no symbols) and returns its values.
 */
const expectRecord = <K extends string>(fail: Fail, name: string, value: unknown, keys: readonly K[]): Record<K, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(name, `must be an object, got ${kindOf(value)}`);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail(name, 'must be a plain object');
  if (Object.getOwnPropertySymbols(value).length > 0) fail(name, 'must not have symbol keys');
  const allowed: readonly string[] = keys;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (!allowed.includes(key)) fail(name, `has unexpected property '${shown(key)}'`);
  }
  const out = {} as Record<K, unknown>;
  for (const key of keys) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor) fail(`${name}.${key}`, 'is missing');
    if (!('value' in descriptor)) fail(`${name}.${key}`, 'must be a data property');
    out[key] = descriptor.value;
  }
  return out;
};

interface TextRule {
  min: number;
  max: number;
  /** Refuse control and line-separator characters (single-line text). */
  singleLine?: boolean;
  trim?: boolean;
}

const expectText = (fail: Fail, name: string, value: unknown, rule: TextRule): string => {
  if (typeof value !== 'string') fail(name, `must be a string, got ${kindOf(value)}`);
  // Length is checked before any work on the string, so a huge string costs nothing.
  if (value.length > rule.max * 2 + 64) fail(name, `is too long (at most ${rule.max} characters)`);
  const text = rule.trim ? value.trim() : value;
  const length = codePoints(text);
  if (length < rule.min) fail(name, rule.min === 1 ? 'must not be empty' : `must be at least ${rule.min} characters`);
  if (length > rule.max) fail(name, `is too long (at most ${rule.max} characters)`);
  if (rule.singleLine && hasControlChars(text)) fail(name, 'must not contain control characters or line breaks');
  return text;
};

/** Upper-cases and drops spaces: staff type codes by hand ("ab3k 9q2x" → "AB3K9Q2X"). */
export const normalizeEnrollmentCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const AUTHORITY = new RegExp(`^(${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[0-9a-f:.]{2,45}\\])(?::(\\d{1,5}))?$`);
const PATH = /^(?:\/[A-Za-z0-9._~%!$&'()*+,;=:@-]*)*$/;

/**
 * Parses the central server's base URL: http or https, a host, optional port and path prefix;
 * no user info, query or fragment. Returns it canonical (lower-case scheme and host, no
 * trailing slash), or the reason it is not acceptable.
 */
export const parseServerUrl = (input: string): { url: string } | { problem: string } => {
  const text = input.trim();
  if (text.length === 0) return { problem: 'must not be empty' };
  if (text.length > SERVER_URL_MAX) return { problem: `is too long (at most ${SERVER_URL_MAX} characters)` };
  if (/[\s\\]/.test(text) || hasControlChars(text)) return { problem: 'must not contain spaces, backslashes or control characters' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { problem: 'must start with http:// or https://' };
  if (text.slice(scheme.length, scheme.length + 3) !== '://') return { problem: 'must start with http:// or https://' };
  const rest = text.slice(scheme.length + 3);
  const slash = rest.indexOf('/');
  const authority = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '' : rest.slice(slash);
  if (authority.includes('@')) return { problem: 'must not contain a user name or password' };
  if (text.includes('#')) return { problem: 'must not contain a fragment (#...)' };
  if (text.includes('?')) return { problem: 'must not contain a query (?...)' };
  const match = AUTHORITY.exec(authority);
  if (!match) return { problem: 'must have a valid host name' };
  const [, host = '', port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return { problem: 'has an invalid port' };
  if (!PATH.test(path)) return { problem: 'has characters that are not allowed in the path' };
  if (/%(?![0-9a-f]{2})/i.test(path)) return { problem: 'has an invalid percent-encoding' };
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path)) return { problem: "must not contain '.' or '..' path segments" };
  const portPart = port === undefined ? '' : `:${Number(port)}`;
  return { url: `${scheme}://${host}${portPart}${path.replace(/\/+$/, '')}` };
};

const expectServerUrl = (fail: Fail, name: string, value: unknown): string => {
  if (typeof value !== 'string') fail(name, `must be a string, got ${kindOf(value)}`);
  if (value.length > SERVER_URL_MAX + 64) fail(name, `is too long (at most ${SERVER_URL_MAX} characters)`);
  const parsed = parseServerUrl(value);
  if ('problem' in parsed) fail(name, parsed.problem);
  return parsed.url;
};

const expectEnrollmentCode = (fail: Fail, name: string, value: unknown): string => {
  const typed = expectText(fail, name, value, { min: 1, max: ENROLLMENT_CODE_INPUT_MAX, trim: true });
  const code = normalizeEnrollmentCode(typed);
  if (!ENROLLMENT_CODE_PATTERN.test(code)) fail(name, 'must be 6–12 letters, digits or dashes');
  return code;
};

const expectCount0 = (fail: Fail, name: string, value: unknown): number => {
  if (typeof value !== 'number') fail(name, `must be a number, got ${kindOf(value)}`);
  if (!Number.isSafeInteger(value) || value < 0) fail(name, `must be a non-negative whole number, got ${String(value)}`);
  return Object.is(value, -0) ? 0 : value;
};

type Validator<C extends IpcChannel> = (args: readonly unknown[]) => IpcArgs<C>;

const noArgs =
  (channel: IpcChannel) =>
  (args: readonly unknown[]): [] => {
    expectCount(failFor(channel), args, 0);
    return [];
  };

const enroll: Validator<'device:enroll'> = (args) => {
  const fail = failFor('device:enroll');
  expectCount(fail, args, 1);
  const raw = expectRecord(fail, 'enrollment', args[0], ['serverUrl', 'code', 'deskName'] as const);
  const value: EnrollArgs = {
    serverUrl: expectServerUrl(fail, 'enrollment.serverUrl', raw.serverUrl),
    code: expectEnrollmentCode(fail, 'enrollment.code', raw.code),
    deskName: expectText(fail, 'enrollment.deskName', raw.deskName, { min: 1, max: DESK_NAME_MAX, singleLine: true, trim: true }),
  };
  return [value];
};

const pending: Validator<'sync:pending'> = (args) => {
  const fail = failFor('sync:pending');
  expectCount(fail, args, 1);
  return [expectCount0(fail, 'count', args[0])];
};

const accessToken: Validator<'device:access-token'> = (args) => {
  const fail = failFor('device:access-token');
  expectCount(fail, args, 1);
  const raw = expectRecord(fail, 'options', args[0], ['forceRefresh'] as const);
  if (typeof raw.forceRefresh !== 'boolean') fail('options.forceRefresh', 'must be true or false');
  return [{ forceRefresh: raw.forceRefresh as boolean }];
};

const printLabels: Validator<'labels:print'> = (args) => {
  const fail = failFor('labels:print');
  expectCount(fail, args, 1);
  const raw = expectRecord(fail, 'labels', args[0], ['html', 'title'] as const);
  const value: LabelPrintArgs = {
    html: expectText(fail, 'labels.html', raw.html, { min: 1, max: LABEL_HTML_MAX }),
    title: expectText(fail, 'labels.title', raw.title, { min: 1, max: LABEL_TITLE_MAX, singleLine: true, trim: true }),
  };
  return [value];
};

/** One validator per channel; a channel missing here is a compile error. */
export const IPC_VALIDATORS = {
  'app:info': noArgs('app:info'),
  'device:status': noArgs('device:status'),
  'device:enroll': enroll,
  'device:access-token': accessToken,
  'device:forget': noArgs('device:forget'),
  'sync:pending': pending,
  'labels:print': printLabels,
  'pii:key': noArgs('pii:key'),
} satisfies { [C in IpcChannel]: Validator<C> };

export const isIpcChannel = (value: unknown): value is IpcChannel =>
  typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);

/** Validates and normalises `args` for `channel`; throws IpcValidationError. */
export const validateIpcArgs = <C extends IpcChannel>(channel: C, args: readonly unknown[]): IpcArgs<C> => {
  if (!isIpcChannel(channel)) throw new IpcValidationError(String(channel), 'channel', 'is not a known IPC channel');
  return (IPC_VALIDATORS[channel] as Validator<C>)(args);
};
