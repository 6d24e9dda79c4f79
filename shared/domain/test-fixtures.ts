/**
 * Document builders for the domain tests (and any other test that needs plausible docs).
 * Not exported from the domain index: only tests import it. Times are China Standard Time
 * (UTC+8) unless a test says otherwise: `cst('2026-03-02 08:00')` is 08:00 at the station.
 */
import type { BookingDoc } from '../schemas/bookings';
import type { CheckInDoc } from '../schemas/checkins';
import type { EquipmentLogDoc } from '../schemas/equipment-logs';
import type { MemberDoc } from '../schemas/members';
import type { SessionDoc } from '../schemas/sessions';
import type { StaffDoc } from '../schemas/staff';
import { DEFAULT_STATION_RULES, type OpeningWindow, type StationDoc, type StationRules } from '../schemas/stations';
import type { VenueDoc } from '../schemas/venues';

/** Station-local "YYYY-MM-DD HH:MM[:SS]" at UTC+8 → ISO timestamp. */
export const cst = (local: string): string => new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();

/** 2026-03-02 is a Monday. */
export const MONDAY = '2026-03-02';

const synced = { stationId: 'st-1', serverRev: 0, updatedAt: '2026-03-01T00:00:00.000Z' };

export const everyDay = (open: string, close: string): OpeningWindow[] =>
  [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open, close }));

export const makeStation = (over: Partial<Omit<StationDoc, 'rules'>> & { rules?: Partial<StationRules> } = {}): StationDoc => ({
  id: 'st-1',
  ...synced,
  name: '测试驿站',
  type: 'fitness-regular',
  utcOffsetMinutes: 480,
  openingHours: everyDay('08:00', '22:00'),
  capacity: 0,
  ...over,
  rules: { ...DEFAULT_STATION_RULES, ...over.rules },
});

export const makeMember = (over: Partial<MemberDoc> = {}): MemberDoc => ({
  id: 'm-1',
  ...synced,
  name: '张三',
  phoneMasked: '138****5678',
  phoneTail: '5678',
  cardNo: 'C0001',
  category: 'union-member',
  status: 'active',
  validUntil: '2030-12-31T15:59:59.000Z',
  source: 'server',
  ...over,
});

export const makeCheckIn = (over: Partial<CheckInDoc> = {}): CheckInDoc => ({
  id: 'c-1',
  ...synced,
  memberId: 'm-1',
  badge: 'C0001',
  method: 'scanner',
  outcome: 'admit',
  reason: 'OK',
  warnings: [],
  at: cst(`${MONDAY} 09:00`),
  deskId: 'desk-1',
  staffId: 'staff-1',
  bookingId: '',
  override: null,
  provisional: false,
  checkedOutAt: null,
  checkOutMethod: null,
  ...over,
});

export const makeVenue = (over: Partial<VenueDoc> = {}): VenueDoc => ({
  id: 'v-1',
  ...synced,
  name: '羽毛球场',
  nameEn: 'Badminton court',
  kind: 'court',
  capacity: 4,
  slotMinutes: 60,
  active: true,
  ...over,
});

export const makeSession = (over: Partial<SessionDoc> = {}): SessionDoc => ({
  id: 's-1',
  ...synced,
  title: '太极',
  titleEn: 'Tai chi',
  venueId: 'v-1',
  startsAt: cst(`${MONDAY} 19:00`),
  endsAt: cst(`${MONDAY} 20:00`),
  capacity: 10,
  instructor: '李老师',
  cancelled: false,
  ...over,
});

export const makeBooking = (over: Partial<BookingDoc> = {}): BookingDoc => {
  const startsAt = over.startsAt ?? cst(`${MONDAY} 10:00`);
  return {
    id: 'b-1',
    ...synced,
    memberId: 'm-1',
    venueId: 'v-1',
    sessionId: '',
    slotKey: `venue:v-1:${new Date(startsAt).toISOString()}`,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
    status: 'confirmed',
    reason: 'OK',
    decidedBy: 'desk',
    source: 'desk',
    requestedAt: cst(`${MONDAY} 08:00`),
    deskId: 'desk-1',
    staffId: 'staff-1',
    checkInId: '',
    ack: null,
    ...over,
  };
};

export const makeStaff = (over: Partial<StaffDoc> = {}): StaffDoc => ({
  id: 'staff-mgr',
  ...synced,
  name: '王经理',
  role: 'manager',
  pin: { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 100_000 },
  active: true,
  ...over,
});

export const makeLog = (over: Partial<EquipmentLogDoc> = {}): EquipmentLogDoc => ({
  id: 'l-1',
  ...synced,
  equipmentId: 'e-1',
  event: 'fault-reported',
  severity: over.event && over.event !== 'fault-reported' ? null : 'low',
  description: '',
  photo: '',
  at: cst(`${MONDAY} 09:00`),
  deskId: 'desk-1',
  staffId: 'staff-1',
  ...over,
});
