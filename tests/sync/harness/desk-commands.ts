/**
 * Desk commands a simulated desk can run (the desk's real feature code, not re-implemented):
 * the worker calls `runDeskCommand` for the `command` op, so a sync test drives a desk the way
 * staff do — book, cancel, release no-shows, read the exception queue, acknowledge.
 */
import { exceptionsOf, type BookingSlotRequest } from '../../../shared/domain/index';
import type { DeskDatabase } from '../../../src-renderer/data/database';
import { createRepositories } from '../../../src-renderer/data/repositories/index';
import { acknowledgeVerdict, cancelDeskBooking, createBooking, type CreateOptions } from '../../../src-renderer/features/bookings/booking-commands';
import { releaseDueNoShows } from '../../../src-renderer/features/bookings/no-show-release';

export const runDeskCommand = async (db: DeskDatabase, deskId: string, name: string, args: Record<string, unknown>): Promise<unknown> => {
  const repos = createRepositories(db);
  const now = typeof args.now === 'number' ? args.now : Date.now();
  const context = async () => {
    const station = await repos.station.current();
    if (!station) throw new Error('the desk has no station profile yet (not synced?)');
    return { repos, station, deskId, staffId: 'S-SYNC-TEST', now };
  };
  switch (name) {
    case 'book':
      return createBooking(await context(), String(args.memberId), args.slot as BookingSlotRequest, (args.options ?? {}) as CreateOptions);
    case 'cancel':
      return cancelDeskBooking(await context(), String(args.id));
    case 'releaseNoShows':
      return releaseDueNoShows(repos, now);
    case 'exceptions': {
      const all = (await db.bookings.find().exec()).map((d) => d.toJSON() as never);
      return exceptionsOf(all, deskId);
    }
    case 'acknowledge':
      return acknowledgeVerdict(await context(), String(args.id), String(args.note ?? ''));
    default:
      throw new Error(`unknown desk command ${name}`);
  }
};
