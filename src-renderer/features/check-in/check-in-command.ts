/**
 * The check-in command: one scan or typed badge → the shared decision rule against the local
 * roster → a durable record (or, for a duplicate, the earlier one shown again). The whole
 * path is local: it works the same offline.
 */
import { buildCheckInDoc, decideCheckIn, markAttended, occupancy, type CheckInDecision } from '../../../shared/domain/index';
import { ulid } from '../../../shared/ids';
import type { CheckInDoc, CheckInMethod, MemberDoc, StationDoc } from '../../../shared/schemas/index';
import { localDayEnd, localDayStart, MINUTE_MS } from '../../../shared/domain/time';
import type { Repositories } from '../../data/index';

export interface CheckInContext {
  repos: Repositories;
  station: StationDoc;
  deskId: string;
  staffId: string;
  online: boolean;
  now: number;
}

export interface CheckInResult {
  decision: CheckInDecision;
  member: MemberDoc | null;
  /** The stored record; null when nothing new was recorded (ALREADY_CHECKED_IN). */
  record: CheckInDoc | null;
}

const dayRange = (station: StationDoc, now: number) => ({
  from: new Date(localDayStart(station, now)).toISOString(),
  to: new Date(localDayEnd(station, now)).toISOString(),
});

export const checkInCard = async (ctx: CheckInContext, badge: string, method: CheckInMethod): Promise<CheckInResult> => {
  const { repos, station, now } = ctx;
  const member = await repos.members.findByCard(badge);
  const windowStart = new Date(now - Math.max(station.rules.duplicateWindowMinutes, 1) * MINUTE_MS).toISOString();
  const [recent, today, memberBookings] = await Promise.all([
    member ? repos.checkins.forMemberSince(member.id, windowStart) : Promise.resolve([]),
    repos.checkins.between(dayRange(station, now)),
    member ? repos.bookings.forMember(member.id) : Promise.resolve([]),
  ]);
  const recentCheckIns = member ? recent : today.filter((c) => c.badge === badge && c.at >= windowStart);
  const decision = decideCheckIn({
    station,
    now,
    scan: { kind: 'card', badge, member },
    online: ctx.online,
    recentCheckIns,
    occupancy: occupancy(today, station, now),
    memberBookings,
  });
  const doc = buildCheckInDoc(decision, {
    id: ulid(now),
    stationId: station.id,
    deskId: ctx.deskId,
    staffId: ctx.staffId,
    method,
    now,
  });
  const record = doc ? await repos.checkins.record(doc) : null;
  if (record && decision.booking) {
    const attended = markAttended(decision.booking, record.id, now);
    if (attended) await repos.bookings.save(attended);
  }
  return { decision, member, record };
};
