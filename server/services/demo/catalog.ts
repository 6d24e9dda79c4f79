/**
 * What the demo station has: venues, equipment, staff and a weekly class timetable. Plain data;
 * seed.ts turns it into documents. Times are the station's local time (UTC+8).
 */
import type { EquipmentCategory, EquipmentEvent, FaultSeverity, StaffRole, VenueKind } from '../../../shared/schemas/index';

export const DEMO_STATION_NAME = '静安区职工健身驿站（演示）';
export const DEMO_UTC_OFFSET_MINUTES = 480;
export const DEMO_CAPACITY = 60;

export interface DemoVenue {
  key: string;
  name: string;
  nameEn: string;
  kind: VenueKind;
  capacity: number;
  slotMinutes: number;
}

export const DEMO_VENUES: DemoVenue[] = [
  { key: 'BADMINTON', name: '羽毛球场', nameEn: 'Badminton court', kind: 'court', capacity: 4, slotMinutes: 60 },
  { key: 'PINGPONG', name: '乒乓球室', nameEn: 'Table-tennis room', kind: 'room', capacity: 4, slotMinutes: 60 },
  { key: 'GYM', name: '健身区', nameEn: 'Gym floor', kind: 'floor', capacity: 30, slotMinutes: 60 },
  { key: 'YOGA', name: '瑜伽室', nameEn: 'Yoga room', kind: 'room', capacity: 15, slotMinutes: 60 },
];

export interface DemoEquipment {
  assetTag: string;
  name: string;
  category: EquipmentCategory;
  venue: string;
}

const numbered = (count: number, tag: string, name: string, category: EquipmentCategory, venue: string): DemoEquipment[] =>
  Array.from({ length: count }, (_, i) => ({ assetTag: `JA-${tag}-${String(i + 1).padStart(2, '0')}`, name: `${name} ${i + 1}号`, category, venue }));

export const DEMO_EQUIPMENT: DemoEquipment[] = [
  ...numbered(3, 'TM', '跑步机', 'treadmill', 'GYM'),
  ...numbered(4, 'BK', '动感单车', 'bike', 'GYM'),
  { assetTag: 'JA-VR-01', name: 'VR健身', category: 'vr', venue: 'GYM' },
  { assetTag: 'JA-MR-01', name: 'AI健身镜', category: 'smart-mirror', venue: 'YOGA' },
  { assetTag: 'JA-BP-01', name: '血压计', category: 'blood-pressure', venue: 'GYM' },
  { assetTag: 'JA-AED-01', name: 'AED 自动体外除颤器', category: 'aed', venue: 'GYM' },
];

/** A little repair history (days before the seed), so the equipment screen shows downtime and MTTR. */
export interface DemoEquipmentEvent {
  assetTag: string;
  daysAgo: number;
  event: EquipmentEvent;
  severity: FaultSeverity | null;
  description: string;
}

export const DEMO_EQUIPMENT_HISTORY: DemoEquipmentEvent[] = [
  { assetTag: 'JA-BK-02', daysAgo: 12, event: 'fault-reported', severity: 'medium', description: '阻力调节旋钮失灵' },
  { assetTag: 'JA-BK-02', daysAgo: 11.5, event: 'repair-started', severity: null, description: '厂家维修人员上门' },
  { assetTag: 'JA-BK-02', daysAgo: 11, event: 'repaired', severity: null, description: '更换阻力调节器' },
  { assetTag: 'JA-TM-02', daysAgo: 6, event: 'fault-reported', severity: 'high', description: '跑步带跑偏，急停后无法启动' },
  { assetTag: 'JA-TM-02', daysAgo: 5.9, event: 'repair-started', severity: null, description: '' },
  { assetTag: 'JA-TM-02', daysAgo: 5.75, event: 'repaired', severity: null, description: '调整跑步带并润滑' },
  { assetTag: 'JA-AED-01', daysAgo: 3, event: 'fault-reported', severity: 'low', description: '电池指示灯黄灯' },
  { assetTag: 'JA-AED-01', daysAgo: 2.9, event: 'inspected', severity: null, description: '更换电池，自检通过' },
];

export interface DemoStaff {
  key: string;
  name: string;
  role: StaffRole;
  pin: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  { key: 'DESK', name: '李前台', role: 'desk', pin: '1234' },
  { key: 'MANAGER', name: '王站长', role: 'manager', pin: '9999' },
];

export interface DemoClass {
  key: string;
  title: string;
  titleEn: string;
  venue: string;
  /** weekdays, 0 = Sunday */
  days: number[];
  start: string;
  minutes: number;
  capacity: number;
  instructor: string;
}

export const DEMO_CLASSES: DemoClass[] = [
  { key: 'TAIJI', title: '太极', titleEn: 'Tai chi', venue: 'GYM', days: [1, 2, 3, 4, 5, 6, 0], start: '07:00', minutes: 60, capacity: 20, instructor: '陈师傅' },
  { key: 'FATBURN', title: '减脂塑形', titleEn: 'Fat-burn & toning', venue: 'YOGA', days: [1, 3, 5], start: '19:00', minutes: 60, capacity: 15, instructor: '刘教练' },
  { key: 'FATBURN-AM', title: '减脂塑形', titleEn: 'Fat-burn & toning', venue: 'YOGA', days: [6], start: '09:30', minutes: 60, capacity: 15, instructor: '刘教练' },
  { key: 'HIPHOP', title: '街舞', titleEn: 'Street dance', venue: 'YOGA', days: [2, 4], start: '19:30', minutes: 75, capacity: 12, instructor: '周教练' },
  { key: 'HIPHOP-WE', title: '街舞', titleEn: 'Street dance', venue: 'YOGA', days: [0], start: '15:00', minutes: 90, capacity: 12, instructor: '周教练' },
];
