/**
 * Bytes and photos stored by pushes per desk and station day (docs/security.md "Quotas"). Read
 * and added inside the push transaction, under the station lock.
 */
import { toNumber, type Queryable } from '../db/database';

export interface Usage {
  bytes: number;
  photos: number;
}

/** What this desk and its whole station stored on `day` (YYYY-MM-DD, the station's date). */
export const usageOn = async (q: Queryable, stationId: string, deviceId: string, day: string): Promise<{ desk: Usage; station: Usage }> => {
  const { rows } = await q.query<{ desk_bytes: unknown; desk_photos: unknown; bytes: unknown; photos: unknown }>(
    `SELECT coalesce(sum(bytes) FILTER (WHERE device_id = $2), 0) AS desk_bytes,
            coalesce(sum(photos) FILTER (WHERE device_id = $2), 0) AS desk_photos,
            coalesce(sum(bytes), 0) AS bytes, coalesce(sum(photos), 0) AS photos
     FROM push_usage WHERE station_id = $1 AND day = $3::date`,
    [stationId, deviceId, day],
  );
  const r = rows[0];
  return {
    desk: { bytes: toNumber(r?.desk_bytes ?? 0), photos: toNumber(r?.desk_photos ?? 0) },
    station: { bytes: toNumber(r?.bytes ?? 0), photos: toNumber(r?.photos ?? 0) },
  };
};

export const addUsage = async (q: Queryable, stationId: string, deviceId: string, day: string, added: Usage): Promise<void> => {
  if (added.bytes === 0 && added.photos === 0) return;
  await q.query(
    `INSERT INTO push_usage (station_id, device_id, day, bytes, photos) VALUES ($1, $2, $3::date, $4, $5)
     ON CONFLICT (station_id, day, device_id) DO UPDATE
       SET bytes = push_usage.bytes + EXCLUDED.bytes, photos = push_usage.photos + EXCLUDED.photos`,
    [stationId, deviceId, day, added.bytes, added.photos],
  );
};
