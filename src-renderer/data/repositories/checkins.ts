/**
 * Check-in records: append-only (one doc per scan attempt); check-out is the one update.
 * Writes resolve only after IndexedDB committed them (strict durability, see storage.ts).
 */
import type { RxCollection } from 'rxdb';
import type { CheckInDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, stampNew, subscribeQuery, type Listener, type NewDoc, type Unsubscribe } from './base';

export interface TimeRange {
  /** inclusive ISO timestamp */
  from: string;
  /** exclusive ISO timestamp */
  to: string;
}

export interface CheckInRepository {
  record(doc: NewDoc<CheckInDoc>): Promise<CheckInDoc>;
  get(id: string): Promise<CheckInDoc | null>;
  /** Newest first. */
  between(range: TimeRange, limit?: number): Promise<CheckInDoc[]>;
  countBetween(range: TimeRange): Promise<number>;
  /** A member's attempts since `since` (ISO), newest first. */
  forMemberSince(memberId: string, since: string): Promise<CheckInDoc[]>;
  /** Attempts with this badge since `since` (ISO), newest first (scans that matched no member). */
  forBadgeSince(badge: string, since: string): Promise<CheckInDoc[]>;
  /** Admissions since `since` (ISO) not checked out yet, newest first: who may be inside. */
  openSince(since: string): Promise<CheckInDoc[]>;
  subscribeOpenSince(since: string, listener: Listener<CheckInDoc[]>): Unsubscribe;
  /** Admissions in the range not checked out yet, newest first (a month is read a slice at a time). */
  openBetween(range: TimeRange): Promise<CheckInDoc[]>;
  /**
   * Sets the check-out once (the one update of a check-in), naming who ended the visit (`by`: the
   * staff member on duty, or SYSTEM_STAFF_ID at closing time); a second call keeps the first.
   */
  checkOut(id: string, at: string, method: NonNullable<CheckInDoc['checkOutMethod']>, by: string): Promise<CheckInDoc>;
  subscribeBetween(range: TimeRange, listener: Listener<CheckInDoc[]>, limit?: number): Unsubscribe;
}

const inRange = (range: TimeRange) => ({ at: { $gte: range.from, $lt: range.to } });
const openSelector = (since: string) => ({
  at: { $gte: since },
  checkedOutAt: { $eq: null },
  outcome: { $in: ['admit', 'admit-with-warning'] },
});

export const checkInRepository = (checkins: RxCollection<CheckInDoc>): CheckInRepository => ({
  async record(doc) {
    const inserted = await checkins.insert(stampNew<CheckInDoc>(doc));
    return inserted.toJSON() as CheckInDoc;
  },
  get: (id) => findOneJson(checkins, id),
  between: (range, limit) =>
    findJson(checkins, { selector: inRange(range), sort: [{ at: 'desc' }], ...(limit ? { limit } : {}) }),
  countBetween: (range) => checkins.count({ selector: inRange(range) }).exec(),
  forMemberSince: (memberId, since) =>
    findJson(checkins, { selector: { memberId, at: { $gte: since } }, sort: [{ memberId: 'desc' }, { at: 'desc' }] }),
  forBadgeSince: (badge, since) => findJson(checkins, { selector: { at: { $gte: since }, badge }, sort: [{ at: 'desc' }] }),
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- RxDB's selector type does not accept $eq: null on a nullable field
  openSince: (since) => findJson(checkins, { selector: openSelector(since) as any, sort: [{ at: 'desc' }] }),
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  subscribeOpenSince: (since, listener) => subscribeQuery(checkins, { selector: openSelector(since) as any, sort: [{ at: 'desc' }] }, listener),
  openBetween: (range) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
    findJson(checkins, { selector: { ...openSelector(range.from), at: { $gte: range.from, $lt: range.to } } as any, sort: [{ at: 'desc' }] }),
  async checkOut(id, at, method, by) {
    const doc = await checkins.findOne(id).exec();
    if (!doc) throw new Error(`check-in ${id} not found`);
    if (doc.checkedOutAt) return doc.toJSON() as CheckInDoc;
    const updated = await doc.incrementalPatch({ checkedOutAt: at, checkOutMethod: method, checkedOutBy: by, updatedAt: new Date().toISOString() });
    return updated.toJSON() as CheckInDoc;
  },
  subscribeBetween: (range, listener, limit) =>
    subscribeQuery(checkins, { selector: inRange(range), sort: [{ at: 'desc' }], ...(limit ? { limit } : {}) }, listener),
});
