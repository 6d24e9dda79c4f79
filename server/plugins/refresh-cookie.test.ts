import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeviceTokens } from '../../shared/protocol/messages';
import { createAuthFixture, errorCode, type AuthFixture } from '../testing/auth-fixture';
import { readRefreshCookie, setRefreshCookie } from './refresh-cookie';

let f: AuthFixture;
beforeAll(async () => {
  f = await createAuthFixture();
  await f.createStation();
});
afterAll(() => f.dispose());

const COOKIE_MODE = { 'x-token-delivery': 'cookie' };
const cookieOf = (setCookie: string | string[] | undefined): string => {
  const value = Array.isArray(setCookie) ? setCookie[0]! : (setCookie ?? '');
  return /^sd_refresh=([^;]*)/.exec(value)?.[1] ?? '';
};

describe('web build: refresh token in an HttpOnly cookie', () => {
  test('enroll sets the cookie and answers refreshToken ""', async () => {
    const res = await f.enroll(await f.issueCode(), 'tablet', COOKIE_MODE);
    expect(res.statusCode).toBe(201);
    expect(res.json<DeviceTokens>().refreshToken).toBe('');
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/^sd_refresh=[A-Za-z0-9_-]{43}; /);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/api/devices');
    expect(header).not.toContain('Secure'); // plain http in this test
  });

  test('refresh reads the cookie, rotates it, and reuse clears it', async () => {
    const enrolled = await f.enroll(await f.issueCode(), 'tablet', COOKIE_MODE);
    const { deviceId } = enrolled.json<DeviceTokens>();
    const first = cookieOf(enrolled.headers['set-cookie']);
    const refreshed = await f.refresh(deviceId, '', { ...COOKIE_MODE, cookie: `other=1; sd_refresh=${first}` });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<DeviceTokens>().refreshToken).toBe('');
    const second = cookieOf(refreshed.headers['set-cookie']);
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect((await f.pull(refreshed.json<DeviceTokens>().accessToken)).statusCode).toBe(200);

    await f.refresh(deviceId, '', { ...COOKIE_MODE, cookie: `sd_refresh=${second}` });
    const reused = await f.refresh(deviceId, '', { ...COOKIE_MODE, cookie: `sd_refresh=${first}` });
    expect(errorCode(reused)).toBe('REFRESH_TOKEN_REUSED');
    expect(String(reused.headers['set-cookie'])).toMatch(/^sd_refresh=; Max-Age=0; /);
  });

  test('without the delivery header, tokens travel in the body as for the Electron desk', async () => {
    const res = await f.enroll(await f.issueCode());
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.json<DeviceTokens>().refreshToken).not.toBe('');
  });

  test('the cookie is Secure on https and malformed cookies are ignored', () => {
    const headers: Record<string, string> = {};
    const reply = { header: (k: string, v: string) => (headers[k] = v) } as unknown as FastifyReply;
    setRefreshCookie({ protocol: 'https' } as FastifyRequest, reply, 'tok');
    expect(headers['set-cookie']).toContain('; Secure');
    const req = (cookie: string) => ({ headers: { cookie } }) as unknown as FastifyRequest;
    expect(readRefreshCookie(req('sd_refresh=abc_-9'))).toBe('abc_-9');
    expect(readRefreshCookie(req('sd_refresh=a b'))).toBe('');
    expect(readRefreshCookie(req('xsd_refresh=abc'))).toBe('');
    expect(readRefreshCookie(req(`sd_refresh=${'a'.repeat(101)}`))).toBe('');
  });
});
