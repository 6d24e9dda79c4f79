/** This desk's exception queue, live: the server's unacknowledged verdicts that concern it (shared `exceptionsOf`). */
import { useMemo } from 'react';
import { exceptionsOf } from '../../../shared/domain/index';
import type { BookingDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useSubscription } from '../../app/use-subscription';

export const useExceptions = (): BookingDoc[] => {
  const { repos, identity } = useServices();
  const verdicts = useSubscription<BookingDoc[]>((l) => repos.bookings.subscribeUnacknowledgedVerdicts(l), [], [repos]);
  const deskId = identity.device.deviceId;
  return useMemo(() => exceptionsOf(verdicts, deskId), [verdicts, deskId]);
};
