/**
 * Issuing and revoking member passes. A pass is issued only to a member the server knows and
 * who is active (a suspended, expired or provisional member gets none), is valid at most
 * MAX_PASS_DAYS and never past the member's own validity, and is signed by the current pass key.
 * A revocation is a `trust` document, so it reaches every desk like the keys do: by pass id (one
 * pass) or by member (every pass of that member issued before the revocation).
 */
import { ulid } from '../../../shared/ids';
import { assemblePass, CATEGORY_CODES, passSigningInput, type PassPayload } from '../../../shared/passes/index';
import { GLOBAL_STATION_ID, type MemberDoc, type TrustDoc } from '../../../shared/schemas/index';
import type { Database } from '../../db/database';
import { ApiError, notFound } from '../../errors';
import { countPassesOf, findMembersById, findPass, insertPass, markRevoked, type PassRecord } from '../../repositories/member-passes';
import { loadDocsWhere, writeServerDocs } from '../../repositories/sync-store';
import { DAY_MS, MAX_PASS_DAYS, type PassKeys } from './keys';

export const DEFAULT_PASS_DAYS = 365;

export interface IssueOptions {
  now: number;
  issuedBy: string;
  validDays?: number;
  /** Which station's roster to take the member from, when the id exists at several. */
  stationId?: string;
  /** Demo sheet only: issue to an inactive member, or back-date the issue (an expired pass). */
  allowInactive?: boolean;
  issuedAt?: number;
}

export interface IssuedPass {
  /** The text the QR carries. */
  pass: string;
  record: PassRecord;
  member: Pick<MemberDoc, 'id' | 'name' | 'cardNo' | 'category' | 'status'>;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Member revocations in force for this member (passId ''). */
const memberRevocations = async (db: Database, memberId: string): Promise<TrustDoc[]> =>
  (await loadDocsWhere(db, GLOBAL_STATION_ID, 'trust', 'memberId', [memberId]))
    .filter((d) => !d.deleted && d.data.kind === 'revocation' && d.data.passId === '')
    .map((d) => d.data as unknown as TrustDoc);

const findMember = async (db: Database, memberId: string, stationId?: string) => {
  const found = await findMembersById(db, memberId, stationId);
  if (found.length === 0) throw notFound(`No member ${memberId}${stationId ? ` at station ${stationId}` : ''}`);
  if (found.length > 1) {
    throw new ApiError(409, 'BAD_REQUEST', `Member id ${memberId} exists at ${found.map((f) => f.stationId).join(', ')}; name the station`);
  }
  return found[0]!;
};

export const issuePass = async (db: Database, keys: PassKeys, memberId: string, options: IssueOptions): Promise<IssuedPass> => {
  const { stationId, member } = await findMember(db, memberId, options.stationId);
  const now = options.now;
  if (!options.allowInactive) {
    if (member.source === 'provisional') throw new ApiError(409, 'BAD_REQUEST', `Member ${memberId} is a provisional record (an unknown card admitted offline); review it first`);
    if (member.status !== 'active') throw new ApiError(409, 'BAD_REQUEST', `Member ${memberId} is ${member.status}; passes are issued to active members only`);
    if (Date.parse(member.validUntil) <= now) throw new ApiError(409, 'BAD_REQUEST', `Member ${memberId}'s membership ended ${member.validUntil}`);
  }
  const days = options.validDays ?? DEFAULT_PASS_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_PASS_DAYS) throw new ApiError(400, 'BAD_REQUEST', `validDays must be 1–${MAX_PASS_DAYS}`);

  // A member revocation covers passes issued before it: a pass issued in its second is dated after it.
  const revokedUntil = Math.max(0, ...(await memberRevocations(db, memberId)).map((r) => seconds(Date.parse(r.validFrom))));
  const issuedAt = Math.max(seconds(options.issuedAt ?? now), revokedUntil);
  const memberEnd = options.allowInactive ? Infinity : seconds(Date.parse(member.validUntil));
  const validUntil = Math.min(issuedAt + days * 86_400, memberEnd);
  const signing = await keys.signingKey(now, validUntil * 1000);
  const payload: PassPayload = { p: ulid(now), m: member.id, c: CATEGORY_CODES[member.category], v: validUntil, k: signing.key.kid, i: issuedAt };
  const input = passSigningInput(payload);
  const pass = assemblePass(input, await keys.sign(signing.key.kid, new Uint8Array(Buffer.from(input, 'ascii'))));
  const record: PassRecord = {
    id: payload.p,
    memberId: member.id,
    stationId,
    kid: payload.k,
    category: member.category,
    issuedAt: new Date(issuedAt * 1000).toISOString(),
    validUntil: new Date(validUntil * 1000).toISOString(),
    revokedAt: null,
  };
  await insertPass(db, record, options.issuedBy);
  const { id, name, cardNo, category, status } = member;
  return { pass, record, member: { id, name, cardNo, category, status } };
};

export type RevokeTarget = { passId: string } | { memberId: string };

export interface Revocation {
  revocation: TrustDoc;
  /** Nothing new was written: the pass was revoked already. */
  alreadyRevoked: boolean;
  /** Register rows newly marked revoked. */
  passes: number;
}

const revocationDoc = (fields: Pick<TrustDoc, 'id' | 'kid' | 'passId' | 'memberId' | 'validFrom' | 'validUntil'>, now: number): TrustDoc => ({
  ...fields,
  stationId: GLOBAL_STATION_ID,
  serverRev: 0,
  updatedAt: new Date(now).toISOString(),
  kind: 'revocation',
  publicKey: '',
});

export const revokePasses = async (db: Database, target: RevokeTarget, options: { now: number; revokedBy: string }): Promise<Revocation> => {
  const { now } = options;
  const at = new Date(now).toISOString();
  const write = (doc: TrustDoc) => writeServerDocs(db, GLOBAL_STATION_ID, 'trust', [doc], { writtenBy: options.revokedBy, now });
  if ('passId' in target) {
    const record = await findPass(db, target.passId);
    if (!record) throw notFound(`No pass ${target.passId} was issued by this server`);
    const existing = (await loadDocsWhere(db, GLOBAL_STATION_ID, 'trust', 'passId', [record.id])).find((d) => !d.deleted && d.data.kind === 'revocation');
    if (existing) return { revocation: existing.data as unknown as TrustDoc, alreadyRevoked: true, passes: 0 };
    const doc = revocationDoc({ id: `rev-${ulid(now)}`, kid: record.kid, passId: record.id, memberId: record.memberId, validFrom: at, validUntil: record.validUntil }, now);
    await write(doc);
    return { revocation: doc, alreadyRevoked: false, passes: await markRevoked(db, { passId: record.id }, at) };
  }
  const { memberId } = target;
  if ((await findMembersById(db, memberId)).length === 0 && (await countPassesOf(db, memberId)) === 0) {
    throw notFound(`No member ${memberId} and no pass issued to that id`);
  }
  // From the next whole second: passes carry issue times in seconds, and every pass issued up
  // to now must fall before the revocation. One document per member, moved forward each time.
  const from = new Date((seconds(now) + 1) * 1000).toISOString();
  const existing = (await memberRevocations(db, memberId))[0];
  const doc = revocationDoc(
    { id: existing?.id ?? `rev-${ulid(now)}`, kid: '', passId: '', memberId, validFrom: from, validUntil: new Date(now + MAX_PASS_DAYS * DAY_MS).toISOString() },
    now,
  );
  await write(doc);
  return { revocation: doc, alreadyRevoked: false, passes: await markRevoked(db, { memberId, before: from }, at) };
};
