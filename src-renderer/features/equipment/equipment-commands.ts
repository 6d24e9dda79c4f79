/**
 * The equipment commands: report a fault, record a lifecycle event. Each appends ONE event to the
 * item's log in the local database (durable before it resolves) — nothing is ever edited, so
 * offline desks never conflict: the sync layer uploads the event and every desk folds the same
 * status from the same set of events. Checks here guard what the production build cannot (no
 * schema validator under the CSP): the item must not be retired, the text must fit, and the
 * photo must be an image data URL within the schema's limit.
 */
import { equipmentState } from '../../../shared/domain/index';
import { ulid } from '../../../shared/ids';
import type { EquipmentDoc, EquipmentLogDoc, FaultSeverity } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';
import type { LifecycleEvent } from './lifecycle';
import { isStorablePhoto } from './photo/photo-fit';

export const DESCRIPTION_MAX = 1000;

export interface EquipmentContext {
  repos: Pick<Repositories, 'equipment'>;
  deskId: string;
  /** Staff member on duty ('' before PIN sign-in). */
  staffId: string;
  now: number;
}

export interface FaultReport {
  severity: FaultSeverity;
  description: string;
  /** JPEG data URL made by the photo picker, or ''. */
  photo: string;
}

export class EquipmentCommandError extends Error {
  constructor(readonly code: 'RETIRED' | 'BAD_PHOTO' | 'TOO_LONG') {
    super(`equipment command refused: ${code}`);
    this.name = 'EquipmentCommandError';
  }
}

const newEvent = (ctx: EquipmentContext, item: EquipmentDoc, fields: Pick<EquipmentLogDoc, 'event' | 'severity' | 'description' | 'photo'>) => {
  const at = new Date(ctx.now).toISOString();
  return { id: ulid(ctx.now), stationId: item.stationId, updatedAt: at, equipmentId: item.id, at, deskId: ctx.deskId.slice(0, 40), staffId: ctx.staffId.slice(0, 40), ...fields };
};

const checkOpen = async (ctx: EquipmentContext, item: EquipmentDoc) => {
  if (equipmentState(await ctx.repos.equipment.logsOf(item.id)).status === 'retired') throw new EquipmentCommandError('RETIRED');
};

const cleanText = (text: string) => {
  const trimmed = text.trim();
  if (trimmed.length > DESCRIPTION_MAX) throw new EquipmentCommandError('TOO_LONG');
  return trimmed;
};

export const reportFault = async (ctx: EquipmentContext, item: EquipmentDoc, report: FaultReport): Promise<EquipmentLogDoc> => {
  if (!isStorablePhoto(report.photo)) throw new EquipmentCommandError('BAD_PHOTO');
  const description = cleanText(report.description);
  await checkOpen(ctx, item);
  return ctx.repos.equipment.appendLog(newEvent(ctx, item, { event: 'fault-reported', severity: report.severity, description, photo: report.photo }));
};

export const recordLifecycleEvent = async (ctx: EquipmentContext, item: EquipmentDoc, event: LifecycleEvent, note: string): Promise<EquipmentLogDoc> => {
  const description = cleanText(note);
  await checkOpen(ctx, item);
  return ctx.repos.equipment.appendLog(newEvent(ctx, item, { event, severity: null, description, photo: '' }));
};
