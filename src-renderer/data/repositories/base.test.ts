// Desk writes keep the one id shape (docs/sync-protocol.md, "Ids"): a document the server would
// refuse (BAD_ID) is never written locally.
import { describe, expect, it } from 'vitest';
import { makeCheckIn } from '../../../tests/support/builders/index';
import { stampNew } from './base';

describe('stampNew', () => {
  it('stamps a desk-made document with a ULID and a station id', () => {
    const doc = makeCheckIn();
    expect(stampNew(doc)).toMatchObject({ id: doc.id, stationId: doc.stationId, serverRev: 0 });
  });

  it.each([
    ['a path', { id: '../../etc/passwd' }],
    ['a line break', { id: 'CI-1\nX' }],
    ['a bidi override', { id: 'CI-\u202Etxt' }],
    ['all spaces', { id: '    ' }],
    ['an empty id', { id: '' }],
    ['a station id with a control character', { stationId: 'ST\u0007' }],
    ['a station id of spaces', { stationId: '  ' }],
  ])('refuses %s', (_what, over) => {
    expect(() => stampNew({ ...makeCheckIn(), ...over })).toThrow(/BAD_ID/);
  });
});
