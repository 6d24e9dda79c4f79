// The one id shape (docs/sync-protocol.md, "Ids"): every id desks and the server make fits it, and
// the hostile shapes an outside attack stored before it existed do not.
import { describe, expect, it } from 'vitest';
import { DOC_ID_PATTERN, isDocId, ulid } from './ids';
import { DEMO_STATION_ID, demoMemberId } from './demo/members';
import { DEMO_STAFF_MEMBERS } from './demo/staff';

/** Ids made today, by their maker. */
const MADE_IDS: [string, string][] = [
  ['a desk ULID', ulid()],
  ['a web-build desk id', `LOCAL-${ulid()}`],
  ['a revocation', `rev-${ulid()}`],
  ['a pass key document', 'key-K0123456789ABCD'],
  ['the demo station', DEMO_STATION_ID],
  ['a demo member', demoMemberId(42)],
  ['demo staff', DEMO_STAFF_MEMBERS[0]!.id],
  ['a demo venue', 'DEMO-V-BADMINTON'],
  ['a demo booking', `DEMO-B-${'20261130T070000000Z'.padStart(24, '0')}-12`],
  ['a station made with the admin API', 'ST-SH-001'],
  ['lower case and an underscore', 'st_9-a'],
  ['one character', 'A'],
  ['forty characters', 'A'.repeat(40)],
];

const HOSTILE_IDS: [string, unknown][] = [
  ['a path', '../../etc/passwd'],
  ['a path with backslashes', '..\\..\\win.ini'],
  ['a line break', 'ID-1\nSet-Cookie: x'],
  ['a carriage return', 'ID-1\r'],
  ['a NUL', 'ID\u00001'],
  ['a control character', 'ID\u00071'],
  ['a bidi override', 'ID-\u202Eexe.txt'],
  ['a zero-width space', 'ID\u200B1'],
  ['all spaces', '    '],
  ['a space inside', 'ID 1'],
  ['a leading space', ' ID-1'],
  ['a trailing tab', 'ID-1\t'],
  ['empty', ''],
  ['forty-one characters', 'A'.repeat(41)],
  ['full-width letters', 'ＩＤ１'],
  ['Chinese', '会员一'],
  ['a leading dash (reads as an option)', '-rf'],
  ['a leading underscore', '_private'],
  ['a dot', 'a.b'],
  ['a colon', 'venue:V-1'],
  ['a percent escape', '%2e%2e'],
  ['a number', 42],
  ['null', null],
  ['an object', { id: 'A' }],
];

describe('document ids', () => {
  it.each(MADE_IDS)('%s (%s) fits the id shape', (_what, id) => {
    expect(isDocId(id)).toBe(true);
  });

  it.each(HOSTILE_IDS)('%s is refused', (_what, id) => {
    expect(isDocId(id)).toBe(false);
  });

  it('is one anchored pattern with no flags that could loosen it', () => {
    expect(DOC_ID_PATTERN.flags).toBe('');
    expect(DOC_ID_PATTERN.source.startsWith('^') && DOC_ID_PATTERN.source.endsWith('$')).toBe(true);
  });
});
