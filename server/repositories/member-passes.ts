/**
 * The register of issued member passes (table member_passes) and the member lookup issuing
 * needs. The pass text itself is not stored: it is the member's to carry; the register is what
 * revocation by pass id and the audit trail need.
 */
import type { MemberDoc } from '../../shared/schemas/index';
import type { Queryable } from '../db/database';

export interface PassRecord {
  id: string;
  memberId: string;
  stationId: string;
  kid: string;
  category: string;
  issuedAt: string;
  validUntil: string;
  revokedAt: string | null;
}

interface Row {
  id: string;
  member_id: string;
  station_id: string;
  kid: string;
  category: string;
  issued_at: Date | string;
  valid_until: Date | string;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const toRecord = (r: Row): PassRecord => ({
  id: r.id,
  memberId: r.member_id,
  stationId: r.station_id,
  kid: r.kid,
  category: r.category,
  issuedAt: iso(r.issued_at),
  validUntil: iso(r.valid_until),
  revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
});

export const insertPass = async (q: Queryable, pass: Omit<PassRecord, 'revokedAt'>, issuedBy: string): Promise<void> => {
  await q.query(
    `INSERT INTO member_passes (id, member_id, station_id, kid, category, issued_at, valid_until, issued_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [pass.id, pass.memberId, pass.stationId, pass.kid, pass.category, new Date(pass.issuedAt), new Date(pass.validUntil), issuedBy],
  );
};

export const findPass = async (q: Queryable, passId: string): Promise<PassRecord | null> => {
  const { rows } = await q.query<Row>('SELECT * FROM member_passes WHERE id = $1', [passId]);
  return rows[0] ? toRecord(rows[0]) : null;
};

export const countPassesOf = async (q: Queryable, memberId: string): Promise<number> => {
  const { rows } = await q.query<{ n: unknown }>('SELECT count(*)::int AS n FROM member_passes WHERE member_id = $1', [memberId]);
  return Number(rows[0]?.n ?? 0);
};

/** Marks passes revoked: one pass, or every pass of a member issued before `before`. */
export const markRevoked = async (q: Queryable, target: { passId: string } | { memberId: string; before: string }, at: string): Promise<number> => {
  const { rows } =
    'passId' in target
      ? await q.query<{ id: string }>('UPDATE member_passes SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [target.passId, new Date(at)])
      : await q.query<{ id: string }>(
          'UPDATE member_passes SET revoked_at = $3 WHERE member_id = $1 AND issued_at < $2 AND revoked_at IS NULL RETURNING id',
          [target.memberId, new Date(target.before), new Date(at)],
        );
  return rows.length;
};

export interface MemberAt {
  stationId: string;
  member: MemberDoc;
}

/** The live member documents with this id (normally one; the same id at two stations is possible). */
export const findMembersById = async (q: Queryable, memberId: string, stationId?: string): Promise<MemberAt[]> => {
  const { rows } = await q.query<{ station_id: string; data: MemberDoc }>(
    `SELECT station_id, data FROM sync_docs
     WHERE collection = 'members' AND id = $1 AND NOT deleted AND ($2::text IS NULL OR station_id = $2)
     ORDER BY station_id`,
    [memberId, stationId ?? null],
  );
  return rows.map((r) => ({ stationId: r.station_id, member: r.data }));
};
