// The web build's enrollment: cookie delivery of the refresh token (never stored by the page),
// an in-memory access token refreshed once when needed, and a dead credential un-enrolls.
import { describe, expect, it } from 'vitest';
import { DEVICE_KEY, createWebDevice } from './web-device';

const memoryStorage = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
};

interface Call {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
}

const fakeServer = (answer: (call: Call) => { status: number; body: unknown } | 'network') => {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url, init, body: JSON.parse(String(init.body)) as Record<string, unknown> };
    calls.push(call);
    const result = answer(call);
    if (result === 'network') throw new TypeError('fetch failed');
    return new Response(JSON.stringify(result.body), { status: result.status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
};

const tokens = (n: number, now: number) => ({ deviceId: 'dev-1', stationId: 'st-1', accessToken: `access-${n}`, accessExpiresAt: now + 300_000, refreshToken: `secret-${n}` });

describe('web device', () => {
  it('enrolls with cookie delivery and never stores a refresh token', async () => {
    let now = 1_000_000;
    const storage = memoryStorage();
    const server = fakeServer(({ url }) => ({ status: url.endsWith('/enroll') ? 201 : 200, body: tokens(url.endsWith('/enroll') ? 1 : 2, now) }));
    const device = createWebDevice({ fetch: server.fetch, storage, now: () => now });
    const status = await device.enroll({ serverUrl: 'HTTP://Desk.Example.cn/', code: 'ab3k 9q2x', deskName: ' 前台一号机 ' });
    expect(status).toEqual({ enrolled: true, serverUrl: 'http://desk.example.cn', deviceId: 'dev-1', stationId: 'st-1', deskName: '前台一号机' });
    const [enroll] = server.calls;
    expect(enroll!.url).toBe('http://desk.example.cn/api/devices/enroll');
    expect(enroll!.body).toEqual({ code: 'AB3K9Q2X', deskName: '前台一号机' });
    expect(enroll!.init.credentials).toBe('include');
    expect(enroll!.init.headers).toMatchObject({ 'x-token-delivery': 'cookie', 'x-station-desk-protocol': '1' });
    expect(storage.map.get(DEVICE_KEY)).not.toContain('secret-');

    // The access token from enrollment is used until close to expiry, then refreshed once.
    expect(await device.getAccessToken()).toEqual({ token: 'access-1', expiresAt: now + 300_000 });
    now += 250_000;
    const [a, b] = await Promise.all([device.getAccessToken(), device.getAccessToken()]);
    expect(a?.token).toBe('access-2');
    expect(b?.token).toBe('access-2');
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]!.body).toEqual({ deviceId: 'dev-1', refreshToken: '' });
    expect(server.calls[1]!.init.headers).toMatchObject({ 'x-token-delivery': 'cookie' });

    await device.getAccessToken({ forceRefresh: true });
    expect(server.calls).toHaveLength(3);
  });

  it('un-enrolls when the server calls the credential dead', async () => {
    const storage = memoryStorage();
    let revoked = false;
    const server = fakeServer(() => (revoked ? { status: 401, body: { error: { code: 'DEVICE_REVOKED', message: 'revoked' } } } : { status: 201, body: tokens(1, Date.now()) }));
    const device = createWebDevice({ fetch: server.fetch, storage });
    await device.enroll({ serverUrl: 'https://x.cn', code: 'GOODCODE', deskName: 'A' });
    revoked = true;
    await expect(device.getAccessToken({ forceRefresh: true })).rejects.toThrow(/\[DEVICE_REVOKED\]$/);
    expect((await device.status()).enrolled).toBe(false);
    expect(await device.getAccessToken()).toBeNull();
  });

  it('reports enrollment failures with a code the UI can explain', async () => {
    const storage = memoryStorage();
    const expired = fakeServer(() => ({ status: 410, body: { error: { code: 'ENROLLMENT_CODE_EXPIRED', message: 'expired' } } }));
    await expect(createWebDevice({ fetch: expired.fetch, storage }).enroll({ serverUrl: 'https://x.cn', code: 'OLDCODE1', deskName: 'A' })).rejects.toThrow(
      /\[ENROLLMENT_CODE_EXPIRED\]$/,
    );
    const down = fakeServer(() => 'network');
    await expect(createWebDevice({ fetch: down.fetch, storage }).enroll({ serverUrl: 'https://x.cn', code: 'GOODCODE', deskName: 'A' })).rejects.toThrow(/\[NETWORK\]$/);
    await expect(createWebDevice({ fetch: down.fetch, storage }).enroll({ serverUrl: 'ftp://x.cn', code: 'GOODCODE', deskName: 'A' })).rejects.toThrow(
      /\[IPC_INVALID_ARGUMENT\]$/,
    );
    expect(down.calls).toHaveLength(1);
    expect((await createWebDevice({ storage }).status()).enrolled).toBe(false);
  });
});
