/**
 * Member sign-in for the phone app, two ways (docs/security.md "Lockouts and rate limits"):
 * - card number + last four phone digits, through the shared sign-in throttle;
 * - the member's pass (the signed QR text the app shows): an Ed25519 signature no one can guess,
 *   so it is not throttled per card and works while the card is locked.
 * Either way the member must be on the station's roster and not a provisional record.
 */
import type { MemberDoc } from '../../shared/schemas/index';
import type { Database } from '../db/database';
import { ApiError, unauthenticated } from '../errors';
import { findMemberByCard } from '../repositories/member-day';
import { loadDocs } from '../repositories/sync-store';
import { safeEqual } from '../crypto/tokens';
import { checkPass } from './passes/verify';
import type { SignInThrottle } from './sign-in-throttle';

export interface SignedInMember {
  id: string;
  name: string;
}

const refused = () => unauthenticated('UNAUTHENTICATED', 'Card number or phone digits do not match a member of this station');

export const signInWithCard = async (
  db: Database,
  throttle: SignInThrottle,
  input: { stationId: string; cardNo: string; phoneTail: string; client: string; now: number },
): Promise<SignedInMember> => {
  const attempt = { stationId: input.stationId, cardNo: input.cardNo, client: input.client };
  const wait = await throttle.reserve(attempt, input.now);
  if (wait > 0) {
    throw new ApiError(429, 'RATE_LIMITED', `Too many wrong answers for this card; retry in ${Math.ceil(wait / 60_000)} min, or sign in with your member pass`);
  }
  const member = await findMemberByCard(db, input.stationId, input.cardNo);
  // compare even when the card is unknown, so both failures take the same path
  const matches = safeEqual(member?.phoneTail || '\u0000none', input.phoneTail);
  if (!member || !matches) throw refused();
  await throttle.succeeded(attempt);
  return { id: member.id, name: member.name };
};

export const signInWithPass = async (db: Database, input: { stationId: string; pass: string; now: number }): Promise<SignedInMember> => {
  const checked = await checkPass(db, input.pass, input.now);
  if (!checked.ok) throw unauthenticated('UNAUTHENTICATED', `The pass does not sign you in (${checked.status})`);
  const row = (await loadDocs(db, input.stationId, 'members', [checked.payload.m])).get(checked.payload.m);
  const member = row && !row.deleted ? (row.data as unknown as MemberDoc) : null;
  if (!member || member.source === 'provisional') throw unauthenticated('UNAUTHENTICATED', 'The pass names no member of this station');
  return { id: member.id, name: member.name };
};
