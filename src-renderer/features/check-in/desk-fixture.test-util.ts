/**
 * A desk for command tests: real repositories on RxDB's memory storage with schema checks on,
 * and a context at a fixed station time. Call `close()` after each test: the open-source RxDB
 * build allows 13 open collections per process and a desk opens 10.
 */
import { makeStation } from '../../../tests/support/builders/fixed';
import type { StationDoc } from '../../../shared/schemas/index';
import { createDatabase, createRepositories, memoryStorage, type Repositories } from '../../data/index';
import type { CheckInContext } from './check-in-command';

let n = 0;

export interface TestDesk {
  repos: Repositories;
  station: StationDoc;
  /** A context at `now` (epoch ms or ISO), online unless told. */
  at(now: number | string, over?: Partial<CheckInContext>): CheckInContext;
  close(): Promise<void>;
}

export const openTestDesk = async (station: StationDoc = makeStation()): Promise<TestDesk> => {
  const db = await createDatabase({ storage: memoryStorage(), name: `check-in-test-${Date.now()}-${n++}`, devChecks: true });
  const repos = createRepositories(db);
  await repos.station.save(station);
  return {
    repos,
    station,
    at: (now, over = {}) => ({
      repos,
      station,
      deskId: 'desk-1',
      staffId: 'staff-desk',
      online: true,
      now: typeof now === 'number' ? now : Date.parse(now),
      ...over,
    }),
    close: async () => {
      await db.remove();
    },
  };
};
