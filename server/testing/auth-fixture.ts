/**
 * A real app on a fresh database for auth and admin tests: an injectable clock, the admin token,
 * and helpers that go through the HTTP API exactly as the desk and the admin CLI do.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DeviceTokens } from '../../shared/protocol/messages';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { buildApp, type AppOptions } from '../app';
import type { Database } from '../db/database';
import { createTestDatabase, type TestDbKind } from './test-db';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const T0 = Date.UTC(2026, 10, 30, 2, 0, 0);
export const PROTOCOL = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
export const ADMIN = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface AuthFixture {
  app: FastifyInstance;
  db: Database;
  clock: { now: number };
  createStation(id?: string, extra?: Record<string, unknown>): Promise<void>;
  issueCode(stationId?: string, ttlHours?: number): Promise<string>;
  /** From a fresh client address each time unless `ip` is given (enrollment is rate limited per address). */
  enroll(code: string, deskName?: string, headers?: Record<string, string>, ip?: string): Promise<LightMyRequestResponse>;
  enrollDesk(stationId?: string): Promise<DeviceTokens>;
  refresh(deviceId: string, refreshToken: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** A device-authenticated request (pull of `stations`). */
  pull(accessToken: string): Promise<LightMyRequestResponse>;
  dispose(): Promise<void>;
}

export const STATION = 'ST-TEST-1';

let addresses = 0;
const nextAddress = () => {
  addresses++;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
};

export const createAuthFixture = async (
  kind: TestDbKind = 'pglite',
  options: { adminToken?: string; app?: Partial<Omit<AppOptions, 'db' | 'adminToken' | 'now'>> } = {},
): Promise<AuthFixture> => {
  const testDb = await createTestDatabase(kind);
  const clock = { now: T0 };
  const app = await buildApp({ ...options.app, db: testDb.db, adminToken: options.adminToken ?? ADMIN_TOKEN, now: () => clock.now });
  await app.ready();
  const fixture: AuthFixture = {
    app,
    db: testDb.db,
    clock,
    async createStation(id = STATION, extra = {}) {
      const res = await app.inject({ method: 'POST', url: '/api/admin/stations', headers: ADMIN, payload: { id, name: `测试驿站 ${id}`, type: 'fitness-simple', capacity: 20, ...extra } });
      if (res.statusCode !== 201) throw new Error(`createStation: ${res.statusCode} ${res.body}`);
    },
    async issueCode(stationId = STATION, ttlHours) {
      const res = await app.inject({ method: 'POST', url: `/api/admin/stations/${stationId}/enrollment-codes`, headers: ADMIN, payload: ttlHours === undefined ? {} : { ttlHours } });
      if (res.statusCode !== 201) throw new Error(`issueCode: ${res.statusCode} ${res.body}`);
      return res.json<{ code: string }>().code;
    },
    enroll: (code, deskName = '前台 1', headers = {}, ip = nextAddress()) =>
      app.inject({ method: 'POST', url: '/api/devices/enroll', remoteAddress: ip, headers: { ...PROTOCOL, ...headers }, payload: { code, deskName } }),
    async enrollDesk(stationId = STATION) {
      const res = await fixture.enroll(await fixture.issueCode(stationId));
      if (res.statusCode !== 201) throw new Error(`enrollDesk: ${res.statusCode} ${res.body}`);
      return res.json<DeviceTokens>();
    },
    refresh: (deviceId, refreshToken, headers = {}) =>
      app.inject({ method: 'POST', url: '/api/devices/refresh', headers: { ...PROTOCOL, ...headers }, payload: { deviceId, refreshToken } }),
    pull: (accessToken) =>
      app.inject({ method: 'GET', url: '/api/sync/stations/pull?seq=0', headers: { ...PROTOCOL, authorization: `Bearer ${accessToken}` } }),
    async dispose() {
      await app.close();
      await testDb.dispose();
    },
  };
  return fixture;
};

export const errorCode = (res: LightMyRequestResponse): string | undefined => (res.json() as { error?: { code?: string } }).error?.code;
