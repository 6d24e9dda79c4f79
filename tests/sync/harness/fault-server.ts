/**
 * The real central server (buildApp on PGlite, real HTTP) for one desk under test, with thin fault
 * hooks at its HTTP edge: go offline (sockets die), answer every sync request with an error, mangle
 * answers, drop the open streams. It also watches the desk's traffic there: requests with their
 * status, push body sizes, and what became of each pushed row (insert, update, no-op, conflict, rejected),
 * judged against the stored state just before the push. Nothing of the protocol is re-implemented.
 *
 * Writes by "someone else" (a roster import, another desk's accepted change) are the server's own
 * writes; the server hints them to the desk's stream, unless `quiet`: then the hint is lost on its
 * way from the database to this server process, as after a dropped notification.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildApp, type AppOptions } from '../../../server/app';
import type { Database } from '../../../server/db/database';
import { HINT_CHANNEL, parseHint } from '../../../server/db/hints';
import { revokeDevice } from '../../../server/repositories/devices';
import { loadDocs, toWire, writeServerDocs } from '../../../server/repositories/sync-store';
import { createTestDatabase } from '../../../server/testing/test-db';
import { sameDocument } from '../../../shared/protocol/conflicts';
import type { DeviceTokens, PushRow } from '../../../shared/protocol/messages';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../shared/protocol/version';
import type { CollectionName } from '../../../shared/schemas/index';
import { STATION_ID } from '../../support/builders/index';

export type ServerDoc = Record<string, unknown> & { id: string; serverRev: number; _deleted: boolean };
type Applied = 'insert' | 'update' | 'noop' | 'conflict' | 'rejected';

const ADMIN_TOKEN = 'fault-server-admin-token-0123456789';
/** Marks the test's own requests (admin, enrollment): not the desk's traffic, never faulted. */
const BACKSTAGE = 'x-test-backstage';
const PROTOCOL = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

export interface FaultServer {
  url: string;
  app: FastifyInstance;
  /** The desk under test, enrolled at STATION_ID. */
  desk: DeviceTokens;
  /** A new access token through the real refresh endpoint (the refresh token rotates). */
  refreshDesk(): Promise<DeviceTokens>;
  /** Moves the server's clock (e.g. past the access token's expiry). */
  clockOffsetMs: number;
  get(collection: CollectionName, id: string): Promise<ServerDoc | undefined>;
  /** Server-side writes for the station; `quiet`: their hint is lost. Returns the stored states. */
  write(collection: CollectionName, docs: object[], options?: { quiet?: boolean }): Promise<ServerDoc[]>;
  /** Size of each accepted push body (bytes of JSON). */
  pushBodies: number[];
  /** Every push row of the desk, in order, and what the server made of it. */
  rows: { collection: CollectionName; id: string; applied: Applied }[];
  /** The desk's sync requests as they finished. */
  requests: { method: string; path: string; status: number }[];
  /** When set, every sync request of the desk fails with this status and code. */
  failWith: { status: number; code: string } | null;
  /** When set, successful answers to desk requests whose path starts with it arrive mangled (valid JSON, not the message). */
  mangle: string | null;
  /** Revokes the desk: announced on its open stream (admin API), or not (another server process did it). */
  revoke(announce: boolean): Promise<void>;
  setOffline(offline: boolean): void;
  /** Cuts the open streams (the desk must reconnect). */
  dropStreams(): void;
  openStreams(): number;
  streamOpens(): number;
  close(): Promise<void>;
}

interface Watched {
  before?: Map<string, ServerDoc>;
  collection?: CollectionName;
}

/** `streams`: the server's stream limits (e.g. a short heartbeat, which also checks token expiry). */
export const startFaultServer = async (options: { streams?: AppOptions['streams'] } = {}): Promise<FaultServer> => {
  const testDb = await createTestDatabase('pglite');
  let clockOffsetMs = 0;
  /** Collections whose next hint for the station is lost. */
  const lostHints = new Set<CollectionName>();
  const db: Database = {
    ...testDb.db,
    listen: (channel, onPayload) =>
      testDb.db.listen(channel, (payload) => {
        const hint = channel === HINT_CHANNEL ? parseHint(payload) : null;
        if (hint?.stationId === STATION_ID && lostHints.delete(hint.collection)) return;
        onPayload(payload);
      }),
  };
  const app = await buildApp({ db, adminToken: ADMIN_TOKEN, rateLimitPerMinute: 100_000, now: () => Date.now() + clockOffsetMs, streams: { opensPerMinute: 100_000, ...options.streams } });
  const sockets = new Set<Socket>();
  /** Every stream the desk opened, and those still open. */
  const streams: ServerResponse[] = [];
  const openStreams = new Set<ServerResponse>();
  const watched = new WeakMap<FastifyRequest, Watched>();
  let offline = false;

  app.server.on('connection', (socket: Socket) => {
    if (offline) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const stored = async (collection: CollectionName, ids: string[]) => {
    const rows = await loadDocs(app.db, STATION_ID, collection, ids);
    return new Map([...rows].map(([id, row]) => [id, toWire(row) as unknown as ServerDoc]));
  };
  const deskTraffic = (request: FastifyRequest) => request.url.startsWith('/api/sync/') && request.headers[BACKSTAGE] === undefined;
  const pushOf = (request: FastifyRequest) => /^\/api\/sync\/([^/?]+)\/push/.exec(request.url)?.[1] as CollectionName | undefined;

  app.addHook('onRequest', async (request, reply) => {
    if (!deskTraffic(request)) return;
    if (offline) {
      request.raw.socket.destroy();
      return reply.hijack();
    }
    const { method, url } = request;
    const size = Number(request.headers['content-length'] ?? 0);
    reply.raw.once('finish', () => {
      state.requests.push({ method, path: url, status: reply.raw.statusCode });
      if (pushOf(request) && reply.raw.statusCode === 200) state.pushBodies.push(size);
    });
    if (url.startsWith('/api/sync/stream')) {
      streams.push(reply.raw);
      openStreams.add(reply.raw);
      reply.raw.once('close', () => openStreams.delete(reply.raw));
    }
    if (state.failWith) return reply.code(state.failWith.status).send({ error: { code: state.failWith.code, message: `failing on purpose (${state.failWith.code})` } });
  });

  // What the desk pushes is judged against the stored state just before the push applies.
  app.addHook('preHandler', async (request) => {
    const collection = pushOf(request);
    if (!collection || !deskTraffic(request)) return;
    const rows = (request.body as { rows: PushRow[] }).rows;
    watched.set(request, { collection, before: await stored(collection, rows.map((row) => row.newDocumentState.id)) });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (deskTraffic(request) && state.mangle && request.url.startsWith(state.mangle) && reply.statusCode === 200) {
      return JSON.stringify({ documents: 'not a list', checkpoint: { seq: -1 } });
    }
    const seen = watched.get(request);
    if (!seen?.before || !seen.collection || reply.statusCode !== 200) return payload;
    const answer = JSON.parse(String(payload)) as { conflicts: { id: string }[]; rejected: { id: string }[] };
    const conflicts = new Set(answer.conflicts.map((doc) => doc.id));
    const rejected = new Set(answer.rejected.map((row) => row.id));
    for (const { newDocumentState: doc } of (request.body as { rows: PushRow[] }).rows) {
      const before = seen.before.get(doc.id);
      const applied: Applied = rejected.has(doc.id)
        ? 'rejected'
        : conflicts.has(doc.id)
          ? 'conflict'
          : !before
            ? 'insert'
            : sameDocument(doc as unknown as ServerDoc, before)
              ? 'noop'
              : 'update';
      state.rows.push({ collection: seen.collection, id: doc.id, applied });
    }
    return payload;
  });

  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const backstage = (method: 'GET' | 'POST', path: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url: path, headers: { ...PROTOCOL, [BACKSTAGE]: '1', ...headers }, payload: payload as object });
  const admin = async (path: string, payload: object) => {
    const res = await backstage('POST', `/api/admin${path}`, payload, { authorization: `Bearer ${ADMIN_TOKEN}` });
    if (res.statusCode >= 300) throw new Error(`admin ${path}: ${res.statusCode} ${res.body}`);
    return res.json<Record<string, unknown>>();
  };
  const enroll = async (deskName: string) => {
    const { code } = await admin(`/stations/${STATION_ID}/enrollment-codes`, {});
    const res = await backstage('POST', '/api/devices/enroll', { code, deskName });
    if (res.statusCode !== 201) throw new Error(`enroll: ${res.statusCode} ${res.body}`);
    return res.json<DeviceTokens>();
  };
  await admin('/stations', { id: STATION_ID, name: '测试驿站', type: 'fitness-regular', capacity: 100 });
  const desk = await enroll('前台 1');

  const state: FaultServer = {
    url,
    app,
    desk,
    get clockOffsetMs() {
      return clockOffsetMs;
    },
    set clockOffsetMs(ms) {
      clockOffsetMs = ms;
    },
    async refreshDesk() {
      const res = await backstage('POST', '/api/devices/refresh', { deviceId: state.desk.deviceId, refreshToken: state.desk.refreshToken });
      if (res.statusCode !== 200) throw new Error(`refresh: ${res.statusCode} ${res.body}`);
      state.desk = res.json<DeviceTokens>();
      return state.desk;
    },
    get: async (collection, id) => (await stored(collection, [id])).get(id),
    async write(collection, docs, options) {
      if (options?.quiet) lostHints.add(collection);
      await writeServerDocs(app.db, STATION_ID, collection, docs, { writtenBy: 'someone-else', now: app.now() });
      const ids = docs.map((doc) => (doc as { id: string }).id);
      const after = await stored(collection, ids);
      return ids.map((id) => after.get(id)!);
    },
    pushBodies: [],
    rows: [],
    requests: [],
    failWith: null,
    mangle: null,
    async revoke(announce) {
      if (announce) await admin(`/devices/${desk.deviceId}/revoke`, {});
      else await revokeDevice(app.db, desk.deviceId, { reason: 'revoked elsewhere', actor: 'test', now: app.now() });
    },
    setOffline(value) {
      offline = value;
      if (value) for (const socket of sockets) socket.destroy();
    },
    dropStreams() {
      for (const res of openStreams) res.socket?.destroy();
    },
    openStreams: () => [...openStreams].filter((res) => res.headersSent && res.statusCode === 200).length,
    streamOpens: () => streams.filter((res) => res.headersSent && res.statusCode === 200).length,
    async close() {
      for (const socket of sockets) socket.destroy();
      await app.close();
      await testDb.dispose();
    },
  };
  return state;
};
