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
  checkOut(id: string, at: string, method: NonNullable<CheckInDoc['checkOutMethod']>): Promise<CheckInDoc>;
  subscribeBetween(range: TimeRange, listener: Listener<CheckInDoc[]>, limit?: number): Unsubscribe;
}

const inRange = (range: TimeRange) => ({ at: { $gte: range.from, $lt: range.to } });

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
  async checkOut(id, at, method) {
    const doc = await checkins.findOne(id).exec();
    if (!doc) throw new Error(`check-in ${id} not found`);
    if (doc.checkedOutAt) return doc.toJSON() as CheckInDoc;
    const updated = await doc.incrementalPatch({ checkedOutAt: at, checkOutMethod: method, updatedAt: new Date().toISOString() });
    return updated.toJSON() as CheckInDoc;
  },
  subscribeBetween: (range, listener, limit) =>
    subscribeQuery(checkins, { selector: inRange(range), sort: [{ at: 'desc' }], ...(limit ? { limit } : {}) }, listener),
});
