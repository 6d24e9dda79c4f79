/**
 * A fixed world for rule and desk-feature tests: the same builders with readable, fixed ids that
 * refer to each other (member m-1 books venue v-1, checks in as c-1 at desk-1 ...), station st-1
 * and times on Monday 2026-03-02 in China Standard Time (UTC+8) unless a test says otherwise:
 * `cst('2026-03-02 08:00')` is 08:00 at the station. Only the fields this world fixes are here;
 * the rest of each document comes from its builder.
 */
import type { BookingDoc, CheckInDoc, EquipmentLogDoc, MemberDoc, SessionDoc, StaffDoc, StationDoc, StationRules, VenueDoc } from '../../../shared/schemas/index';
import { makeBooking as booking } from './booking';
import { makeCheckIn as checkIn } from './check-in';
import { makeEquipmentLog as equipmentLog } from './equipment';
import { makeMember as member } from './member';
import { makeStaff as staff } from './staff';
import { everyDay, makeStation as station } from './station';
import { makeSession as session, makeVenue as venue } from './venue';

export { everyDay };

/** Station-local "YYYY-MM-DD HH:MM[:SS]" at UTC+8 → ISO timestamp. */
export const cst = (local: string): string => new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();

/** 2026-03-02 is a Monday. */
export const MONDAY = '2026-03-02';

const world = { stationId: 'st-1', serverRev: 0, updatedAt: '2026-03-01T00:00:00.000Z' };
const atDesk = { deskId: 'desk-1', staffId: 'staff-1' };

export const makeStation = (over: Partial<Omit<StationDoc, 'rules'>> & { rules?: Partial<StationRules> } = {}): StationDoc =>
  station({ id: 'st-1', ...world, name: '测试驿站', openingHours: everyDay('08:00', '22:00'), capacity: 0, ...over });

export const makeMember = (over: Partial<MemberDoc> = {}): MemberDoc =>
  member({ id: 'm-1', ...world, name: '张三', cardNo: 'C0001', validUntil: '2030-12-31T15:59:59.000Z', ...over });

export const makeCheckIn = (over: Partial<CheckInDoc> = {}): CheckInDoc =>
  checkIn({ id: 'c-1', ...world, ...atDesk, memberId: 'm-1', badge: 'C0001', method: 'scanner', at: cst(`${MONDAY} 09:00`), ...over });

export const makeVenue = (over: Partial<VenueDoc> = {}): VenueDoc =>
  venue({ id: 'v-1', ...world, name: '羽毛球场', nameEn: 'Badminton court', kind: 'court', capacity: 4, ...over });

export const makeSession = (over: Partial<SessionDoc> = {}): SessionDoc =>
  session({ id: 's-1', ...world, venueId: 'v-1', startsAt: cst(`${MONDAY} 19:00`), endsAt: cst(`${MONDAY} 20:00`), ...over });

/** A venue v-1 booking by m-1, 10:00-11:00 unless given; its slot key names v-1 unless given. */
export const makeBooking = (over: Partial<BookingDoc> = {}): BookingDoc => {
  const startsAt = over.startsAt ?? cst(`${MONDAY} 10:00`);
  return booking({
    id: 'b-1',
    ...world,
    ...atDesk,
    memberId: 'm-1',
    venueId: 'v-1',
    slotKey: `venue:v-1:${new Date(startsAt).toISOString()}`,
    requestedAt: cst(`${MONDAY} 08:00`),
    ...over,
    startsAt,
  });
};

export const makeStaff = (over: Partial<StaffDoc> = {}): StaffDoc =>
  staff({ id: 'staff-mgr', ...world, name: '王经理', role: 'manager', ...over });

/** A fault report on e-1; low severity (other events have none). */
export const makeLog = (over: Partial<EquipmentLogDoc> = {}): EquipmentLogDoc =>
  equipmentLog({
    id: 'l-1',
    ...world,
    ...atDesk,
    equipmentId: 'e-1',
    severity: over.event && over.event !== 'fault-reported' ? null : 'low',
    description: '',
    at: cst(`${MONDAY} 09:00`),
    ...over,
  });
