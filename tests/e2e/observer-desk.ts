// An "observer" desk enrolled from Node, with no browser: it reads what the server holds through
// the real sync protocol (enroll with a one-time code, then pull with the access token and the
// protocol header), so E2E tests can check the server's contents without a test-only endpoint.
import type { CollectionName } from '../../shared/schemas/index';
import { PULL_LIMIT_MAX, type DeviceTokens, type PullResponse, type WireDoc } from '../../shared/protocol/messages';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { issueDemoCode } from './admin';

const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL not set: global setup did not run');
  return url;
};

const PROTOCOL = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

/** Enrollment is rate limited per address (10 a minute): wait out a 429 instead of failing. */
const enroll = async (deskName: string): Promise<DeviceTokens> => {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${baseUrl()}/api/devices/enroll`, {
      method: 'POST',
      headers: { ...PROTOCOL, 'content-type': 'application/json' },
      body: JSON.stringify({ code: await issueDemoCode(), deskName }),
    });
    if (res.status === 429 && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? 20)));
      continue;
    }
    if (res.status !== 201) throw new Error(`observer enroll: ${res.status} ${await res.text()}`);
    return (await res.json()) as DeviceTokens;
  }
};

export interface ObserverDesk {
  deviceId: string;
  /**
   * Every document of the collection the server holds for the station, changed after `seq` (all
   * pages; a document changed again while paging is listed once, as it is last).
   */
  pull<C extends CollectionName>(collection: C, seq?: number): Promise<{ documents: WireDoc<C>[]; seq: number }>;
}

export const openObserverDesk = async (deskName = 'E2E 观察席'): Promise<ObserverDesk> => {
  const tokens = await enroll(deskName);
  return {
    deviceId: tokens.deviceId,
    async pull<C extends CollectionName>(collection: C, seq = 0) {
      const documents = new Map<string, WireDoc<C>>();
      let at = seq;
      for (;;) {
        const res = await fetch(`${baseUrl()}/api/sync/${collection}/pull?seq=${at}&limit=${PULL_LIMIT_MAX}`, {
          headers: { ...PROTOCOL, authorization: `Bearer ${tokens.accessToken}` },
        });
        if (!res.ok) throw new Error(`observer pull ${collection}: ${res.status} ${await res.text()}`);
        const page = (await res.json()) as PullResponse<C>;
        for (const doc of page.documents) documents.set(doc.id, doc);
        at = page.checkpoint.seq;
        if (page.documents.length < PULL_LIMIT_MAX && !page.more) return { documents: [...documents.values()], seq: at };
      }
    },
  };
};
