/** All repositories of one desk database: what features receive instead of collections. */
import type { DeskDatabase } from '../database';
import { bookingRepository, type BookingRepository } from './bookings';
import { checkInRepository, type CheckInRepository } from './checkins';
import { memberRepository, type MemberRepository } from './members';
import { staffRepository, type StaffRepository } from './staff';
import { stationRepository, type StationRepository } from './station';

export interface Repositories {
  station: StationRepository;
  members: MemberRepository;
  checkins: CheckInRepository;
  staff: StaffRepository;
  bookings: BookingRepository;
}

export const createRepositories = (db: DeskDatabase): Repositories => ({
  station: stationRepository(db.stations),
  members: memberRepository(db.members),
  checkins: checkInRepository(db.checkins),
  staff: staffRepository(db.staff),
  bookings: bookingRepository(db.bookings),
});

export type { BookingRepository, CheckInRepository, MemberRepository, StaffRepository, StationRepository };
export type { NewDoc, Listener, Unsubscribe } from './base';
