/** The audit log of administrative and security actions: who did what, when, to which station. */
import type { Queryable } from '../db/database';

export interface AuditEntry {
  /** 'admin', 'device:<id>', 'system', … */
  actor: string;
  /** dotted verb, e.g. 'device.enroll', 'station.create' */
  action: string;
  stationId?: string | null;
  details?: Record<string, unknown>;
  /** ms since epoch */
  at: number;
}

export const writeAudit = async (q: Queryable, entry: AuditEntry): Promise<void> => {
  await q.query('INSERT INTO audit_log (at, actor, action, station_id, details) VALUES ($1, $2, $3, $4, $5::text::jsonb)', [
    new Date(entry.at),
    entry.actor,
    entry.action,
    entry.stationId ?? null,
    JSON.stringify(entry.details ?? {}),
  ]);
};
