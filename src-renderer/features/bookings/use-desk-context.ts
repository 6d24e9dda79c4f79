/** The booking commands' context at the moment of an action: this desk, the staff on duty, the desk clock. */
import { useCallback } from 'react';
import type { StationDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import type { BookingDeskContext } from './booking-commands';

export const useDeskContext = (station: StationDoc | null): (() => BookingDeskContext | null) => {
  const { repos, identity, now } = useServices();
  return useCallback(
    () => (station ? { repos, station, deskId: identity.device.deviceId, staffId: identity.staffId, now: now() } : null),
    [repos, identity, now, station],
  );
};
