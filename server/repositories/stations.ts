/**
 * Stations as the admin API sees them: the registry row (`stations`) plus the station's profile
 * document (collection `stations`, id = station id), which is what desks replicate. A station
 * "exists" once its profile document does; the global pseudo-station never does.
 */
import type { StationDoc } from '../../shared/schemas/index';
import type { Queryable } from '../db/database';

export interface StationSummary {
  id: string;
  name: string;
  type: string;
  capacity: number;
  createdAt: string;
  devices: number;
  activeDevices: number;
  members: number;
}

export const findStationProfile = async (q: Queryable, stationId: string): Promise<StationDoc | null> => {
  const { rows } = await q.query<{ data: StationDoc; seq: unknown }>(
    `SELECT data, seq FROM sync_docs WHERE station_id = $1 AND collection = 'stations' AND id = $1 AND NOT deleted`,
    [stationId],
  );
  const row = rows[0];
  return row ? { ...row.data, serverRev: Number(row.seq) } : null;
};

export const listStations = async (q: Queryable): Promise<StationSummary[]> => {
  const { rows } = await q.query<{
    id: string;
    created_at: Date | string;
    name: string;
    type: string;
    capacity: number;
    devices: number;
    active_devices: number;
    members: number;
  }>(
    `SELECT s.id, s.created_at, d.data ->> 'name' AS name, d.data ->> 'type' AS type, (d.data ->> 'capacity')::int AS capacity,
       (SELECT count(*)::int FROM devices v WHERE v.station_id = s.id) AS devices,
       (SELECT count(*)::int FROM devices v WHERE v.station_id = s.id AND v.revoked_at IS NULL) AS active_devices,
       (SELECT count(*)::int FROM sync_docs m WHERE m.station_id = s.id AND m.collection = 'members' AND NOT m.deleted) AS members
     FROM stations s
     JOIN sync_docs d ON d.station_id = s.id AND d.collection = 'stations' AND d.id = s.id AND NOT d.deleted
     ORDER BY s.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    capacity: Number(r.capacity),
    createdAt: new Date(r.created_at).toISOString(),
    devices: Number(r.devices),
    activeDevices: Number(r.active_devices),
    members: Number(r.members),
  }));
};
