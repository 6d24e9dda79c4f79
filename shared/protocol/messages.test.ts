// The protocol schemas accept what the server sends and refuse what a broken server could, and
// parsing compiles nothing (the desk's CSP forbids eval and new Function).
import { afterEach, describe, expect, it } from 'vitest';
import { makeCheckIn } from '../../tests/support/builders/index';
import {
  deviceTokensSchema,
  errorBodySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  streamHintSchema,
} from './messages';
import { check, parse, ProtocolError } from './parse';

const doc = { ...makeCheckIn(), serverRev: 3, _deleted: false };

describe('protocol schemas', () => {
  const RealFunction = globalThis.Function;
  afterEach(() => {
    globalThis.Function = RealFunction;
  });

  it('parses good messages without compiling code', () => {
    globalThis.Function = function forbidden() {
      throw new Error('new Function called');
    } as unknown as FunctionConstructor;
    expect(parse(pullResponseSchema, { documents: [doc], checkpoint: { seq: 3, epoch: 'ab12' }, remaining: 0, more: false }).documents).toHaveLength(1);
    expect(parse(pushResponseSchema, { conflicts: [doc], rejected: [{ id: doc.id, code: 'WRONG_STATION', message: 'no' }] }).rejected[0]?.code).toBe('WRONG_STATION');
    expect(parse(streamHintSchema, { collection: 'members', seq: 9 })).toEqual({ collection: 'members', seq: 9 });
    expect(parse(errorBodySchema, { error: { code: 'UNAVAILABLE', message: 'later', details: [1] } }).error.code).toBe('UNAVAILABLE');
    expect(parse(deviceTokensSchema, { deviceId: 'D', stationId: 'S', accessToken: 'a', accessExpiresAt: 1, refreshToken: '' }).refreshToken).toBe('');
  });

  const broken: [string, Parameters<typeof check>[0], unknown, string][] = [
    ['a pull without a checkpoint', pullResponseSchema, { documents: [] }, '/checkpoint'],
    ['a negative checkpoint', pullResponseSchema, { documents: [], checkpoint: { seq: -1 } }, '/checkpoint/seq'],
    ['a checkpoint epoch that is not hex', pullResponseSchema, { documents: [], checkpoint: { seq: 1, epoch: 'x y' } }, '/checkpoint/epoch'],
    ['a pulled document without the tombstone flag', pullResponseSchema, { documents: [{ ...doc, _deleted: undefined }], checkpoint: { seq: 1 } }, '/documents/0/_deleted'],
    ['a pulled document without an id', pullResponseSchema, { documents: [{ ...doc, id: '' }], checkpoint: { seq: 1 } }, '/documents/0/id'],
    ['a push answer without rejected', pushResponseSchema, { conflicts: [] }, '/rejected'],
    ['a rejected row with an unknown code', pushResponseSchema, { conflicts: [], rejected: [{ id: 'x', code: 'NOPE', message: '' }] }, '/rejected/0/code'],
    ['a hint for an unknown collection', streamHintSchema, { collection: 'passwords', seq: 1 }, '/collection'],
    ['a hint with a fractional seq', streamHintSchema, { collection: 'members', seq: 1.5 }, '/seq'],
    ['tokens without an access token', deviceTokensSchema, { deviceId: 'D', stationId: 'S', accessExpiresAt: 1, refreshToken: 'r' }, '/accessToken'],
    ['a push row with an extra property', pushRequestSchema, { rows: [{ newDocumentState: doc, assumedMasterState: null, sneaky: 1 }] }, '/rows/0'],
  ];
  for (const [name, schema, value, path] of broken) {
    it(`refuses ${name}, naming the field`, () => {
      const result = check(schema, value);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBeInstanceOf(ProtocolError);
      expect(result.error.path.startsWith(path)).toBe(true);
      expect(result.error.message).toContain(result.error.path || '/');
      expect(() => parse(schema, value)).toThrow(ProtocolError);
    });
  }

  it('lets a push row through with only an id, so the server can refuse it row by row', () => {
    expect(check(pushRequestSchema, { rows: [{ newDocumentState: { id: 'X', outcome: 'maybe' }, assumedMasterState: null }] }).ok).toBe(true);
    expect(check(pushRequestSchema, { rows: [{ newDocumentState: { badge: 'x' }, assumedMasterState: null }] }).ok).toBe(false);
  });
});
