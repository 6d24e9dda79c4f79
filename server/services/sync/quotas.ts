/**
 * Upload allowances (docs/security.md "Quotas"). Threat: one desk stored 39 MB of photos in about
 * 2 s; nothing bounded what a desk, or all desks of a station, may store. A push is measured
 * (bytes of the documents it writes; each equipment-log photo it adds or replaces) and charged to
 * the desk and its station for the station's day, under the station lock, so concurrent pushes
 * and server processes share one count. A push that would go over an allowance stores nothing and
 * is refused 429 QUOTA_EXCEEDED (retryable: the desk retries, and gets through once the day
 * renews at the station's midnight).
 */
import { localDate } from '../../../shared/domain/time';
import type { PushQuotas } from '../../config';
import type { Queryable } from '../../db/database';
import { ApiError } from '../../errors';
import { addUsage, usageOn, type Usage } from '../../repositories/push-usage';
import { loadDocs } from '../../repositories/sync-store';

type Doc = Record<string, unknown>;

const photoOf = (doc: Doc | null | undefined) => (typeof doc?.photo === 'string' ? doc.photo : '');

/** What writes add: their bytes as JSON, and the photos that are new (not already stored on that document). */
export const measureWrites = (writes: ReadonlyArray<{ doc: Doc; stored: Doc | null }>): Usage => {
  let bytes = 0;
  let photos = 0;
  for (const { doc, stored } of writes) {
    bytes += Buffer.byteLength(JSON.stringify(doc));
    const photo = photoOf(doc);
    if (photo !== '' && photo !== photoOf(stored)) photos++;
  }
  return { bytes, photos };
};

/** Charges `added` to the desk and its station for today, or throws QUOTA_EXCEEDED (call under the station lock). */
export const chargeQuota = async (tx: Queryable, quotas: PushQuotas, device: { deviceId: string; stationId: string }, now: number, added: Usage): Promise<void> => {
  if (added.bytes === 0 && added.photos === 0) return;
  const station = (await loadDocs(tx, device.stationId, 'stations', [device.stationId])).get(device.stationId);
  const utcOffsetMinutes = typeof station?.data.utcOffsetMinutes === 'number' ? station.data.utcOffsetMinutes : 0;
  const day = localDate({ utcOffsetMinutes }, now);
  const used = await usageOn(tx, device.stationId, device.deviceId, day);
  const limits: [string, number, number][] = [
    ['photos of this desk', used.desk.photos + added.photos, quotas.deskPhotosPerDay],
    ['photos of this station', used.station.photos + added.photos, quotas.stationPhotosPerDay],
    ['bytes of this desk', used.desk.bytes + added.bytes, quotas.deskBytesPerDay],
    ['bytes of this station', used.station.bytes + added.bytes, quotas.stationBytesPerDay],
  ];
  const over = limits.find(([, total, limit]) => total > limit);
  if (over) {
    const [what, , limit] = over;
    throw new ApiError(429, 'QUOTA_EXCEEDED', `Today's allowance of ${limit} ${what} (station day ${day}) would be exceeded; nothing was stored, try again after the station's midnight`, {
      day,
      limit: what,
    });
  }
  await addUsage(tx, device.stationId, device.deviceId, day, added);
};
