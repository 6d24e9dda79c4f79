import type { EquipmentDoc, EquipmentLogDoc } from '../../../shared/schemas/index';
import { synced, T0 } from './common';

/** A treadmill not placed in a venue, with a new id. */
export const makeEquipment = (over: Partial<EquipmentDoc> = {}): EquipmentDoc => ({
  ...synced(),
  name: '跑步机 1号',
  category: 'treadmill',
  assetTag: 'JA-TM-01',
  venueId: '',
  ...over,
});

/** A high-severity fault report on E-1 at T0 (other events have no severity), with a new id. */
export const makeEquipmentLog = (over: Partial<EquipmentLogDoc> = {}): EquipmentLogDoc => ({
  ...synced(),
  equipmentId: 'E-1',
  event: 'fault-reported',
  severity: over.event && over.event !== 'fault-reported' ? null : 'high',
  description: '跑步机皮带打滑',
  photo: '',
  at: T0,
  deskId: 'DESK-1',
  staffId: 'S-1',
  ...over,
});
