/** Scheduled classes of this station (written by the server; the desk only reads them). */
import type { RxCollection } from 'rxdb';
import type { SessionDoc } from '../../../shared/schemas/index';
import { findJson, findOneJson, subscribeQuery, type Listener, type Unsubscribe } from './base';
import type { TimeRange } from './checkins';

export interface SessionRepository {
  get(id: string): Promise<SessionDoc | null>;
  /** Classes starting in the range, by start time (cancelled ones included). */
  between(range: TimeRange): Promise<SessionDoc[]>;
  subscribeBetween(range: TimeRange, listener: Listener<SessionDoc[]>): Unsubscribe;
}

const query = (range: TimeRange) => ({ selector: { startsAt: { $gte: range.from, $lt: range.to } }, sort: [{ startsAt: 'asc' as const }] });

export const sessionRepository = (sessions: RxCollection<SessionDoc>): SessionRepository => ({
  get: (id) => findOneJson(sessions, id),
  between: (range) => findJson(sessions, query(range)),
  subscribeBetween: (range, listener) => subscribeQuery(sessions, query(range), listener),
});
