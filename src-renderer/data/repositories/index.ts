/** All repositories of one desk database: what features receive instead of collections. */
import type { DeskDatabase } from '../database';
import { bookingRepository, type BookingRepository } from './bookings';
import { checkInRepository, type CheckInRepository } from './checkins';
import { equipmentRepository, type EquipmentRepository } from './equipment';
import { memberRepository, type MemberRepository } from './members';
import { sessionRepository, type SessionRepository } from './sessions';
import { staffRepository, type StaffRepository } from './staff';
import { stationRepository, type StationRepository } from './station';
import { trustRepository, type TrustRepository } from './trust';
import { venueRepository, type VenueRepository } from './venues';

export interface Repositories {
  station: StationRepository;
  members: MemberRepository;
  checkins: CheckInRepository;
  staff: StaffRepository;
  bookings: BookingRepository;
  equipment: EquipmentRepository;
  venues: VenueRepository;
  sessions: SessionRepository;
  trust: TrustRepository;
}

export const createRepositories = (db: DeskDatabase): Repositories => ({
  station: stationRepository(db.stations),
  members: memberRepository(db.members),
  checkins: checkInRepository(db.checkins),
  staff: staffRepository(db.staff),
  bookings: bookingRepository(db.bookings),
  equipment: equipmentRepository(db.equipment, db.equipmentLogs),
  venues: venueRepository(db.venues),
  sessions: sessionRepository(db.sessions),
  trust: trustRepository(db.trust, db),
});

export type { BookingRepository, CheckInRepository, EquipmentRepository, MemberRepository, SessionRepository, StaffRepository, StationRepository, VenueRepository };
export type { TrustRepository };
export type { NewDoc, Listener, Unsubscribe } from './base';
