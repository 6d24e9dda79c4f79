import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ADMIN_TOKEN, createAuthFixture, PROTOCOL, type AuthFixture } from '../testing/auth-fixture';
import { runCli } from './index';

let f: AuthFixture;
let url: string;
let closedPort: number;
const dir = mkdtempSync(join(tmpdir(), 'sd-cli-'));
beforeAll(async () => {
  f = await createAuthFixture();
  url = await f.app.listen({ host: '127.0.0.1', port: 0 });
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => f.dispose());

const run = async (argv: string[], env: Record<string, string> = {}) => {
  const out: string[] = [];
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  try {
    const code = await runCli(argv, { STATION_DESK_SERVER: url, ADMIN_TOKEN, STATION_DESK_DATA: dir, ...env }, (line = '') => out.push(line));
    return { code, out: out.join('\n'), err: errors.join('\n') };
  } finally {
    spy.mockRestore();
  }
};

describe('admin CLI against a running server', () => {
  test('create a station, enroll a desk, list and revoke it', async () => {
    const created = await run(['create-station', '--id', 'CLI-1', '--name', '长宁区司机之家', '--type', 'driver-home', '--capacity', '8', '--hours', '00:00-24:00']);
    expect(created.code, created.err).toBe(0);
    expect(created.out).toContain('Created station CLI-1');
    expect((await run(['stations'])).out).toMatch(/CLI-1\s+driver-home/);

    const enrolled = await run(['enroll', '--station', 'CLI-1', '--ttl-hours', '2']);
    expect(enrolled.code).toBe(0);
    const code = /([0-9A-Z]) ([0-9A-Z]) ([0-9A-Z]) ([0-9A-Z]) - ([0-9A-Z]) ([0-9A-Z]) ([0-9A-Z]) ([0-9A-Z])/.exec(enrolled.out)!.slice(1).join('');
    const desk = await f.app.inject({ method: 'POST', url: '/api/devices/enroll', headers: PROTOCOL, payload: { code, deskName: '一号台' } });
    expect(desk.statusCode).toBe(201);
    const { deviceId } = desk.json<{ deviceId: string }>();

    expect((await run(['devices', '--station', 'CLI-1'])).out).toContain(deviceId);
    const revoked = await run(['revoke', deviceId, '--reason', 'test']);
    expect(revoked.out).toContain(`Revoked desk ${deviceId}`);
    expect((await run(['devices', '--station', 'CLI-1'])).out).toContain('REVOKED');
  });

  test('import members from a file; rejected rows make the exit code 1', async () => {
    const file = join(dir, 'roster.csv');
    writeFileSync(file, 'cardNo,name,phone,category,status,validUntil\n1001,周杰,13900001111,driver,active,2027-12-31\n1002,,13900002222,driver,active,2027-12-31\n');
    const result = await run(['import-members', '--station', 'CLI-1', file]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('1 new, 0 updated, 0 unchanged, 1 rejected');
    expect(result.out).toContain('line 3: name');
  });

  test('rotate-token-keys makes new desk and member keys; a desk signed in before keeps working unless --retire-old', async () => {
    const desk = await f.enrollDesk('CLI-1');
    const rotated = await run(['rotate-token-keys']);
    expect(rotated.code, rotated.err).toBe(0);
    expect(rotated.out).toMatch(/Desk access tokens: new signing key T[0-9A-Z]{10}; old key T[0-9A-Z]{10} verifies until /);
    expect(rotated.out).toContain('Nobody is signed out.');
    expect((await f.pull(desk.accessToken)).statusCode).toBe(200);
    const retired = await run(['rotate-token-keys', '--retire-old']);
    expect(retired.code, retired.err).toBe(0);
    expect(retired.out).toContain('members sign in again');
    expect((await f.pull(desk.accessToken)).json()).toMatchObject({ error: { code: 'TOKEN_EXPIRED' } });
    expect((await run(['rotate-token-keys', '--retire-old', 'yes'])).err).toMatch(/takes no value/);
  });

  test.each([
    ['an unknown command', ['frobnicate'], {}, 2, /unknown command/],
    ['a missing flag', ['enroll'], {}, 2, /needs --station/],
    ['an unknown flag', ['devices', '--station', 'X', '--color', 'red'], {}, 2, /unknown option --color/],
    ['a bad station type', ['create-station', '--id', 'X', '--name', 'x', '--type', 'spa', '--capacity', '1'], {}, 2, /--type must be one of/],
    ['a wrong token', ['stations'], { ADMIN_TOKEN: 'nope' }, 4, /refused the admin token/],
    ['no token anywhere', ['stations'], { ADMIN_TOKEN: '' }, 4, /No admin token/],
    ['a server error code', ['create-station', '--id', 'CLI-1', '--name', 'x', '--type', 'childcare', '--capacity', '1'], {}, 1, /ID_TAKEN/],
    ['an unknown station', ['enroll', '--station', 'NOPE'], {}, 1, /NOT_FOUND/],
    ['an unreachable server', ['stations'], { STATION_DESK_SERVER: 'closed' }, 3, /Cannot reach the server .*connection refused/],
    ['a bad server address', ['stations', '--server', 'ftp://x'], {}, 2, /http/],
  ] as const)('%s is explained, with its exit code', async (_name, argv, env, exit, message) => {
    const overrides: Record<string, string> = { ...env };
    if ('STATION_DESK_SERVER' in overrides) overrides.STATION_DESK_SERVER = `http://127.0.0.1:${closedPort}`;
    const result = await run([...argv], overrides);
    expect(result.code).toBe(exit);
    expect(result.err).toMatch(message);
  });

  test('help prints the commands', async () => {
    const result = await run(['help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('import-members');
  });

  test('the token is read from <dataDir>/admin-token when ADMIN_TOKEN is unset', async () => {
    writeFileSync(join(dir, 'admin-token'), `${ADMIN_TOKEN}\n`, { mode: 0o600 });
    expect((await run(['stations'], { ADMIN_TOKEN: '' })).code).toBe(0);
  });
});
