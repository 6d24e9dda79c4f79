/**
 * What staff can do with an item in each status (the buttons of the equipment detail):
 * report a fault (any time before retirement), start a repair (also routine maintenance),
 * close it as repaired, close it as inspected (checked and fine, e.g. the AED's monthly check),
 * retire it. The derived status itself comes from the shared rule; this only offers the events
 * that make sense next, so a desk never records "repaired" on an item that was never down.
 */
import type { EquipmentStatus } from '../../../shared/domain/index';
import type { EquipmentEvent } from '../../../shared/schemas/index';

export type LifecycleEvent = Exclude<EquipmentEvent, 'fault-reported'>;

export const canReportFault = (status: EquipmentStatus): boolean => status !== 'retired';

export const lifecycleEvents = (status: EquipmentStatus): LifecycleEvent[] => {
  switch (status) {
    case 'ok':
      return ['repair-started', 'inspected', 'retired'];
    case 'faulty':
    case 'out-of-service':
      return ['repair-started', 'repaired', 'inspected', 'retired'];
    case 'under-repair':
      return ['repaired', 'inspected', 'retired'];
    case 'retired':
      return [];
  }
};
