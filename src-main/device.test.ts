// The device service against a real local HTTP server: enrollment, refresh with rotation,
// single-flight refresh, reuse detection, and clear error messages for every failure.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretStore } from './credentials';
import type { DeviceCredential } from './device';
import { createDeviceService, parseDeviceCredential } from './device';
import { PublicError } from './public-error';
import { fakeEncryptor } from './testing/fake-encryptor';
import type { FakeCentralServer } from './testing/fake-central-server';
import { startFakeCentralServer } from './testing/fake-central-server';

const ENROLL = { code: 'GOOD-CODE', deskName: '一号前台' };

let dir: string;
let server: FakeCentralServer;
let clock: number;

const storeAt = (options: Parameters<typeof fakeEncryptor>[0] = {}) =>
  new SecretStore<DeviceCredential>(path.join(dir, 'device.bin'), fakeEncryptor(options), parseDeviceCredential, 'device credential');

const service = (store = storeAt(), timeoutMs = 2000) => createDeviceService({ store, now: () => clock, timeoutMs });

const failure = async (promise: Promise<unknown>): Promise<PublicError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublicError);
  return error as PublicError;
};

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'desk-device-'));
  server = await startFakeCentralServer();
  clock = Date.now();
  server.now = () => clock;
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('enrollment', () => {
  it('sends EnrollRequest with the protocol header and stores the tokens encrypted', async () => {
    const device = service();
    const status = await device.enroll({ serverUrl: server.url, ...ENROLL });
    expect(status).toEqual({ enrolled: true, serverUrl: server.url, deviceId: 'dev-1', stationId: 'st-9', deskName: '一号前台' });
    expect(server.requests[0]).toMatchObject({ path: '/api/devices/enroll', body: ENROLL });
    expect(server.requests[0]?.headers['x-station-desk-protocol']).toBe('1');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.stringify(status)).not.toContain('refresh');
    expect(readFileSync(path.join(dir, 'device.bin')).toString('utf8')).not.toContain('refresh-1');
    expect(await service().status()).toEqual(status); // persisted
  });

  it('keeps a server path prefix', async () => {
    await server.close();
    server = await startFakeCentralServer('/desk-api');
    await service().enroll({ serverUrl: server.url, ...ENROLL });
    expect(server.requests[0]?.path).toBe('/desk-api/api/devices/enroll');
  });

  it('refuses to enroll twice', async () => {
    const device = service();
    await device.enroll({ serverUrl: server.url, ...ENROLL });
    expect((await failure(device.enroll({ serverUrl: server.url, ...ENROLL }))).code).toBe('ALREADY_ENROLLED');
  });

  it.each([
    ['WRONG-CODE', 'ENROLLMENT_CODE_INVALID', /登记码无效.*not valid/],
    ['OLDCODE1', 'ENROLLMENT_CODE_EXPIRED', /已过期.*expired/],
  ])('maps a refused code %s to a clear message', async (code, expectedCode, message) => {
    const device = service();
    const error = await failure(device.enroll({ serverUrl: server.url, code, deskName: 'x' }));
    expect(error.code).toBe(expectedCode);
    expect(error.message).toMatch(message);
    expect((await device.status()).enrolled).toBe(false);
  });

  it('does not spend the one-time code when secrets cannot be stored', async () => {
    const error = await failure(service(storeAt({ available: false })).enroll({ serverUrl: server.url, ...ENROLL }));
    expect(error.code).toBe('SECRET_STORAGE_UNAVAILABLE');
    expect(server.requests).toHaveLength(0);
  });
});

describe('access tokens', () => {
  it('is null before enrollment', async () => {
    expect(await service().getAccessToken()).toBeNull();
  });

  it('returns the current token while it is fresh, without calling the server', async () => {
    const device = service();
    await device.enroll({ serverUrl: server.url, ...ENROLL });
    expect(await device.getAccessToken()).toEqual({ token: 'access-1', expiresAt: clock + 5 * 60_000 });
    expect(server.requests).toHaveLength(1);
  });

  it('refreshes near expiry with RefreshRequest and persists the rotated refresh token', async () => {
    const device = service();
    await device.enroll({ serverUrl: server.url, ...ENROLL });
    clock += 4.5 * 60_000; // inside the one-minute margin
    expect((await device.getAccessToken())?.token).toBe('access-2');
    expect(server.requests[1]).toMatchObject({ path: '/api/devices/refresh', body: { deviceId: 'dev-1', refreshToken: 'refresh-1' } });
    clock += 10 * 60_000;
    expect((await service().getAccessToken())?.token).toBe('access-3'); // a restarted desk uses refresh-2
    expect(server.requests[2]?.body).toEqual({ deviceId: 'dev-1', refreshToken: 'refresh-2' });
  });

  it('runs one refresh for many concurrent callers (a rotating token must not be spent twice)', async () => {
    const device = service();
    await device.enroll({ serverUrl: server.url, ...ENROLL });
    clock += 60 * 60_000;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => device.getAccessToken()));
    expect(new Set(tokens.map((t) => t?.token))).toEqual(new Set(['access-2']));
    expect(server.requests.filter((r) => r.path.endsWith('/refresh'))).toHaveLength(1);
  });

  it('forgets the desk when the server reports a reused refresh token', async () => {
    const stale = service();
    await stale.enroll({ serverUrl: server.url, ...ENROLL });
    const copy = readFileSync(path.join(dir, 'device.bin'));
    clock += 60 * 60_000;
    await stale.getAccessToken(); // rotates refresh-1 → refresh-2
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'device.bin'), copy); // e.g. a restored backup holding refresh-1
    const restored = service();
    const error = await failure(restored.getAccessToken());
    expect(error.code).toBe('REFRESH_TOKEN_REUSED');
    expect(error.message).toMatch(/重新登记.*enroll it again/);
    expect((await restored.status()).enrolled).toBe(false);
    expect((await service().status()).enrolled).toBe(false);
  });

  it('keeps the credential when the server is unreachable, with a clear message', async () => {
    const device = service();
    await device.enroll({ serverUrl: server.url, ...ENROLL });
    await server.close();
    clock += 60 * 60_000;
    const error = await failure(device.getAccessToken());
    expect(error.code).toBe('NETWORK');
    expect(error.message).toMatch(/无法连接服务器.*Cannot reach the server at http:\/\/127\.0\.0\.1/);
    expect((await device.status()).enrolled).toBe(true);
    server = await startFakeCentralServer(); // for afterEach
  });

  it('does not resurrect a desk forgotten while a refresh was in flight', async () => {
    const device = service();
    await device.enroll({ serverUrl: server.url, ...ENROLL });
    clock += 60 * 60_000;
    const pending = failure(device.getAccessToken());
    await device.forget();
    expect((await pending).code).toBe('NOT_ENROLLED');
    expect((await device.status()).enrolled).toBe(false);
    expect((await service().status()).enrolled).toBe(false);
  });
});

describe('error mapping', () => {
  const enrollWith = async (mode: FakeCentralServer['mode'], timeoutMs = 2000) => {
    server.mode = mode;
    return failure(service(storeAt(), timeoutMs).enroll({ serverUrl: server.url, ...ENROLL }));
  };

  it('times out a server that never answers', async () => {
    const error = await enrollWith('hang', 200);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/超时.*did not answer in time/);
  });

  it('never follows a redirect with credentials in the body', async () => {
    expect((await enrollWith('redirect')).code).toBe('NETWORK');
    expect(server.requests).toHaveLength(1);
  });

  it('reports an HTML error page by status', async () => {
    const error = await enrollWith('html-502');
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.message).toContain('HTTP 502');
  });

  it('refuses a success without device tokens', async () => {
    expect((await enrollWith('junk-200')).code).toBe('BAD_RESPONSE');
  });

  it('shows an unknown refusal with the server message, cleaned to one line', async () => {
    const error = await enrollWith('weird-error');
    expect(error.code).toBe('ID_TAKEN');
    expect(error.message).toContain('desk name  taken');
    // eslint-disable-next-line no-control-regex
    expect(error.message).not.toMatch(/[\u0000-\u001f]/);
  });

  it('refuses refreshed tokens issued for another device', async () => {
    const device = service();
    await device.enroll({ serverUrl: server.url, ...ENROLL });
    server.mode = 'other-device';
    clock += 60 * 60_000;
    expect((await failure(device.getAccessToken())).code).toBe('BAD_RESPONSE');
  });

  it('reports a closed port as unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const error = await failure(service().enroll({ serverUrl: `http://127.0.0.1:${port}`, ...ENROLL }));
    expect(error.code).toBe('NETWORK');
  });
});
