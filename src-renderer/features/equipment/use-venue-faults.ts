/**
 * For booking screens: the fault state of every venue (absent = 'ok'), live from the local
 * equipment log — 'blocked' refuses a new booking (VENUE_OUT_OF_SERVICE), 'flagged' adds the
 * FLAGGED_FAULT note. Pass the venues so a bookable device counts as blocked whenever it cannot
 * be used. It is the same shared rule the server applies under its station lock.
 */
import { useMemo } from 'react';
import type { VenueFaultState, VenueRef } from '../../../shared/domain/index';
import { useServices } from '../../app/services';
import { useSubscription } from '../../app/use-subscription';

export const useVenueFaults = (venues: readonly VenueRef[] = []): Map<string, VenueFaultState> => {
  const { repos } = useServices();
  const key = venues.map((v) => `${v.id}:${v.kind ?? ''}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the venues' ids and kinds
  const stable = useMemo(() => venues, [key]);
  return useSubscription<Map<string, VenueFaultState>>((l) => repos.equipment.subscribeVenueFaults(l, stable), new Map(), [repos, stable]);
};
