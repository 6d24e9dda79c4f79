// Limits on live hint streams (docs/security.md "Streams"), over real HTTP on a fresh server
// each: a desk's own cap (its oldest stream ends), a station's (429), the process's (503, while
// /health and pulls keep answering), opens per address (429), a freed slot, and the end of a
// stream when its access token expires. Streams are per process: the database does not matter
// (PGlite).
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceTokens } from '../../shared/protocol/messages';
import { STATION_ID } from '../../tests/support/builders/index';
import { WAIT_LIMIT_MS } from '../../tests/support/wait';
import type { StreamLimits } from '../config';
import { ACCESS_TOKEN_TTL_MS } from '../crypto/tokens';
import { createAuthFixture, PROTOCOL, type AuthFixture } from '../testing/auth-fixture';

const OTHER = 'ST-OTHER';
const poll = { timeout: WAIT_LIMIT_MS, interval: 20 };

interface Opened {
  status: number;
  code?: string;
  /** Everything the stream sent so far (comments included). */
  text(): string;
  ended(): boolean;
  close(): void;
}

let fixture: AuthFixture | null = null;
const streams: Opened[] = [];

afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await fixture?.dispose();
  fixture = null;
});

const start = async (limits: Partial<StreamLimits>) => {
  const f = await createAuthFixture('pglite', { app: { streams: limits } });
  fixture = f;
  const url = await f.app.listen({ host: '127.0.0.1', port: 0 });
  await f.createStation(STATION_ID);
  await f.createStation(OTHER);
  const open = async (desk: DeviceTokens): Promise<Opened> => {
    const controller = new AbortController();
    const res = await fetch(`${url}/api/sync/stream`, { headers: { ...PROTOCOL, authorization: `Bearer ${desk.accessToken}` }, signal: controller.signal });
    if (!res.ok) {
      const body = (await res.json()) as { error: { code: string } };
      return { status: res.status, code: body.error.code, text: () => '', ended: () => true, close: () => undefined };
    }
    let text = '';
    let ended = false;
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted by close()
      }
      ended = true;
    })();
    const opened: Opened = { status: res.status, text: () => text, ended: () => ended, close: () => controller.abort() };
    streams.push(opened);
    await expect.poll(() => text, poll).toContain(': connected');
    return opened;
  };
  const get = async (path: string, desk?: DeviceTokens) =>
    fetch(`${url}${path}`, { headers: desk ? { ...PROTOCOL, authorization: `Bearer ${desk.accessToken}` } : {} });
  return { f, open, get };
};

describe('live stream limits', { timeout: 6 * WAIT_LIMIT_MS }, () => {
  it('a desk holds at most perDesk streams: a newer one ends its oldest', async () => {
    const { f, open } = await start({ perDesk: 2 });
    const desk = await f.enrollDesk(STATION_ID);
    const [first, second, third] = [await open(desk), await open(desk), await open(desk)];
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    await expect.poll(() => first.ended(), poll).toBe(true);
    expect(first.text()).toContain('replaced by a newer stream');
    expect(second.ended()).toBe(false);
    expect(third.ended()).toBe(false);
  });

  const refusals: { name: string; limits: Partial<StreamLimits>; desks: string[]; status: number; code: string }[] = [
    { name: "over the station's cap: 429 RATE_LIMITED", limits: { perStation: 2 }, desks: [STATION_ID, STATION_ID, STATION_ID], status: 429, code: 'RATE_LIMITED' },
    { name: "over the process's cap: 503 UNAVAILABLE", limits: { total: 2 }, desks: [STATION_ID, OTHER, OTHER], status: 503, code: 'UNAVAILABLE' },
    { name: 'over the opens per address: 429 RATE_LIMITED', limits: { opensPerMinute: 2 }, desks: [STATION_ID, OTHER, OTHER], status: 429, code: 'RATE_LIMITED' },
  ];
  for (const c of refusals) {
    it(`refuses a stream ${c.name}; /health and pulls keep answering`, async () => {
      const { f, open, get } = await start(c.limits);
      const desks = [];
      for (const station of c.desks) desks.push(await f.enrollDesk(station));
      const opened = [];
      for (const desk of desks) opened.push(await open(desk));
      expect(opened.slice(0, -1).map((s) => s.status)).toEqual(opened.slice(0, -1).map(() => 200));
      expect({ status: opened.at(-1)!.status, code: opened.at(-1)!.code }).toEqual({ status: c.status, code: c.code });
      expect((await get('/health')).status).toBe(200);
      expect((await get('/api/sync/checkins/pull?seq=0', desks.at(-1))).status).toBe(200);
      expect(opened.slice(0, -1).every((s) => !s.ended())).toBe(true);
    });
  }

  it("frees a station's slot when a stream closes", async () => {
    const { f, open } = await start({ perStation: 1 });
    const [a, b] = [await f.enrollDesk(STATION_ID), await f.enrollDesk(STATION_ID)];
    const first = await open(a);
    expect((await open(b)).status).toBe(429);
    first.close();
    await expect.poll(async () => (await open(b)).status, poll).toBe(200);
  });

  it('ends a stream when its access token expires on the server clock', async () => {
    const { f, open } = await start({ heartbeatMs: 50 });
    const desk = await f.enrollDesk(STATION_ID);
    const stream = await open(desk);
    // heartbeats go on while the token is valid
    await expect.poll(() => stream.text(), poll).toContain(': ping');
    expect(stream.ended()).toBe(false);
    f.clock.now += ACCESS_TOKEN_TTL_MS;
    await expect.poll(() => stream.ended(), poll).toBe(true);
    expect(stream.text()).toContain('access token expired');
  });
});
