import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEMO_STATION_ID, demoCardNo, demoMemberId } from '../../shared/demo/members';
import { parsePass } from '../../shared/passes/index';
import { seedDemoStation } from '../services/demo/seed';
import { ADMIN_TOKEN, createAuthFixture, type AuthFixture } from '../testing/auth-fixture';
import { runCli } from './index';

let f: AuthFixture;
let url: string;
const dir = mkdtempSync(join(tmpdir(), 'sd-cli-passes-'));
beforeAll(async () => {
  f = await createAuthFixture();
  await seedDemoStation(f.db, { now: f.clock.now, memberCount: 60, passKeys: f.app.passKeys });
  url = await f.app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);
afterAll(() => f.dispose());

const run = async (argv: string[]) => {
  const out: string[] = [];
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  try {
    const code = await runCli(argv, { STATION_DESK_SERVER: url, ADMIN_TOKEN, STATION_DESK_DATA: dir }, (line = '') => out.push(line));
    return { code, out: out.join('\n'), err: errors.join('\n') };
  } finally {
    spy.mockRestore();
  }
};

describe('admin CLI: member passes', () => {
  test('the demo seed made a key; issue, revoke and rotate print what happened', async () => {
    const keys = await run(['keys']);
    expect(keys.out).toMatch(/^K[0-9A-Z]{7} {2}from /);

    const issued = await run(['issue-pass', demoMemberId(1), '--valid-days', '30']);
    expect(issued.code, issued.err).toBe(0);
    const passText = issued.out.split('\n').at(-1)!;
    const parsed = parsePass(passText);
    expect(parsed.ok && parsed.payload.m).toBe(demoMemberId(1));
    expect(issued.out).toContain(`card ${demoCardNo(1)}`);

    const passId = parsed.ok ? parsed.payload.p : '';
    expect((await run(['revoke-pass', passId])).out).toContain(`Revoked pass ${passId}`);
    expect((await run(['revoke-pass', passId])).out).toContain('already revoked');
    expect((await run(['revoke-pass', '--member', demoMemberId(2)])).out).toContain(`every pass of member ${demoMemberId(2)}`);

    const rotated = await run(['rotate-keys']);
    expect(rotated.out).toMatch(/New pass-signing key K[0-9A-Z]{7}/);
    expect(rotated.out).toContain('Older keys keep verifying');
    expect((await run(['keys'])).out.split('\n')).toHaveLength(2);
  });

  test('demo-passes writes a self-contained printable page and prints its path', async () => {
    const out = join(dir, 'sheet', 'demo.html');
    const result = await run(['demo-passes', '--out', out]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(DEMO_STATION_ID);
    expect(html.match(/<svg /g)).toHaveLength(8 + 9); // QR passes (member 9 has none) + card barcodes
    for (const n of [1, 5, 6, 7, 8, 9]) expect(html).toContain(demoCardNo(n));
    for (const text of ['会员码已过期', '会员码已被吊销', '会员资格已暂停', '签名无效', '会员资格已过期']) expect(html).toContain(text);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    const passes = [...html.matchAll(/<code>(SD1\.[^<]+)<\/code>/g)].map((m) => m[1]!);
    expect(passes).toHaveLength(8);
    for (const p of passes) expect(parsePass(p).ok).toBe(true);
  });

  test.each([
    ['issue-pass without a member', ['issue-pass'], 2, /usage: admin issue-pass/],
    ['revoke-pass with both', ['revoke-pass', 'X', '--member', 'Y'], 2, /usage: admin revoke-pass/],
    ['rotate-keys with a value', ['rotate-keys', '--retire-old', 'yes'], 2, /takes no value/],
    ['a suspended member', ['issue-pass', demoMemberId(7)], 1, /suspended/],
    ['an unknown pass', ['revoke-pass', 'NOPE'], 1, /NOT_FOUND/],
  ])('%s is explained', async (_name, argv, exit, message) => {
    const result = await run(argv);
    expect(result.code).toBe(exit);
    expect(result.err).toMatch(message);
  });
});
