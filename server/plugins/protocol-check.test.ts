import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_HEADER } from '../../shared/protocol/version';
import { createAuthFixture, errorCode, type AuthFixture } from '../testing/auth-fixture';

let f: AuthFixture;
let code: string;
beforeAll(async () => {
  f = await createAuthFixture();
  await f.createStation();
  code = await f.issueCode();
});
afterAll(() => f.dispose());

const CASES: Array<[string, string | undefined, number, string | undefined]> = [
  ['missing', undefined, 426, 'CLIENT_TOO_OLD'],
  ['not a number', 'abc', 426, 'CLIENT_TOO_OLD'],
  ['a fraction', '1.5', 426, 'CLIENT_TOO_OLD'],
  ['negative', '-1', 426, 'CLIENT_TOO_OLD'],
  ['below the minimum', '0', 426, 'CLIENT_TOO_OLD'],
  ['newer than the server', '2', 426, 'SERVER_TOO_OLD'],
  ['far newer', '999999', 426, 'SERVER_TOO_OLD'],
];

describe.each([
  ['POST', '/api/devices/enroll'],
  ['POST', '/api/devices/refresh'],
  ['GET', '/api/sync/members/pull'],
] as const)('%s %s', (method, url) => {
  test.each(CASES)('protocol header %s → %s', async (_name, value, status, expected) => {
    const headers = value === undefined ? {} : { [PROTOCOL_HEADER]: value };
    const payload = method === 'POST' ? (url.endsWith('enroll') ? { code, deskName: 'x' } : { deviceId: 'x', refreshToken: 'y' }) : undefined;
    const res = await f.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(status);
    expect(errorCode(res)).toBe(expected);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(expected === 'SERVER_TOO_OLD' ? /update the server/ : /update the desk app/);
  });
});

test('a refused old desk did not spend the enrollment code', async () => {
  expect((await f.enroll(code)).statusCode).toBe(201);
});
