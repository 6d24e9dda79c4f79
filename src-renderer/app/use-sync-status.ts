/** The sync status for a component, live. */
import type { SyncStatus } from '../data/index';
import { useServices } from './services';
import { useSubscription } from './use-subscription';

export const useSyncStatus = (): SyncStatus => {
  const { sync } = useServices();
  return useSubscription<SyncStatus>((listener) => sync.subscribe(listener), sync.current(), [sync]);
};
