/**
 * A station for members' API tests: opening hours 06:00–22:00, a two-place court, a class, and
 * members with phone tails. Built on the auth fixture (real app, fresh database, injected clock).
 */
import type { LightMyRequestResponse } from 'fastify';
import type { MemberDoc, SessionDoc, VenueDoc } from '../../shared/schemas/index';
import { makeMember } from '../../tests/support/builders/index';
import { writeServerDocs } from '../repositories/sync-store';
import { createAuthFixture, T0, type AuthFixture } from './auth-fixture';
import type { TestDbKind } from './test-db';

export const M_STATION = 'ST-MEMBERS';
/** T0 is Monday 2026-11-30 10:00 at the station (UTC+8). */
export const local = (hhmm: string, day = '2026-11-30') => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

export const COURT: VenueDoc = {
  id: 'V-COURT', stationId: M_STATION, serverRev: 0, updatedAt: new Date(T0).toISOString(),
  name: '羽毛球场', nameEn: 'Badminton court', kind: 'court', capacity: 2, slotMinutes: 60, active: true,
};
export const CLASS: SessionDoc = {
  id: 'S-TAIJI', stationId: M_STATION, serverRev: 0, updatedAt: new Date(T0).toISOString(),
  title: '太极', titleEn: 'Tai chi', venueId: COURT.id, startsAt: local('19:00'), endsAt: local('20:00'), capacity: 10, instructor: '陈师傅', cancelled: false,
};
export const MEMBERS: MemberDoc[] = ['1', '2', '3', '4'].map((n) =>
  makeMember({ id: `M-${n}`, stationId: M_STATION, cardNo: `31000000000${n}`, phoneTail: `000${n}`, phoneMasked: `138****000${n}`, name: `会员${n}` }),
);

export interface MemberFixture extends AuthFixture {
  signIn(n: number): Promise<string>;
  as(token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export const createMemberFixture = async (kind: TestDbKind = 'pglite'): Promise<MemberFixture> => {
  const f = await createAuthFixture(kind);
  await f.createStation(M_STATION, { openingHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '06:00', close: '22:00' })) });
  const now = f.clock.now;
  await writeServerDocs(f.db, M_STATION, 'venues', [COURT], { writtenBy: 'test', now });
  await writeServerDocs(f.db, M_STATION, 'sessions', [CLASS], { writtenBy: 'test', now });
  await writeServerDocs(f.db, M_STATION, 'members', MEMBERS, { writtenBy: 'test', now });
  let ip = 0;
  const as: MemberFixture['as'] = (token, method, url, payload) =>
    f.app.inject({ method, url, remoteAddress: `10.9.0.${++ip % 250}`, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    ...f,
    as,
    async signIn(n) {
      const res = await f.app.inject({ method: 'POST', url: '/api/members/session', remoteAddress: `10.8.0.${n}`, payload: { stationId: M_STATION, cardNo: `31000000000${n}`, phoneTail: `000${n}` } });
      if (res.statusCode !== 201) throw new Error(`signIn ${n}: ${res.statusCode} ${res.body}`);
      return res.json<{ accessToken: string }>().accessToken;
    },
  };
};
