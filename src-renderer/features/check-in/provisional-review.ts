/**
 * The "待复核 review" list of provisional admissions: open review tickets (members with source
 * 'provisional', shared/domain/provisional-review.ts), whether the synced roster now knows each
 * card, and the visits made on it. Staff resolve a ticket on any desk: confirm a match (the
 * ticket is retired), register the person as a walk-in, or block the card.
 */
import { blockCard, registerWalkIn, reviewState, type ReviewResult, type ReviewState, type WalkInFields } from '../../../shared/domain/provisional-review';
import type { CheckInDoc, MemberDoc, StationDoc } from '../../../shared/schemas/index';
import type { Repositories } from '../../data/index';

export interface ReviewItem {
  ticket: MemberDoc;
  state: ReviewState;
  /** The provisional visits on this ticket, newest first. */
  visits: CheckInDoc[];
}

const EPOCH = '1970-01-01T00:00:00.000Z';

export const loadReviewItems = (repos: Repositories, tickets: readonly MemberDoc[]): Promise<ReviewItem[]> =>
  Promise.all(
    tickets.map(async (ticket) => {
      const [sameCard, visits] = await Promise.all([repos.members.allByCard(ticket.cardNo), repos.checkins.forMemberSince(ticket.id, EPOCH)]);
      return { ticket, state: reviewState(ticket, sameCard), visits };
    }),
  );

/** The roster knows the card now: the ticket is done. */
export const confirmMatch = async (repos: Repositories, item: ReviewItem): Promise<boolean> => {
  if (item.state.kind !== 'known') return false;
  await repos.members.retire(item.ticket.id);
  return true;
};

const save = async (repos: Repositories, result: ReviewResult): Promise<ReviewResult> => {
  if (result.ok) await repos.members.upsert(result.member);
  return result;
};

export const registerTicket = (repos: Repositories, station: StationDoc, ticket: MemberDoc, fields: WalkInFields, now: number) =>
  save(repos, registerWalkIn(ticket, fields, station, now));

export const blockTicket = (repos: Repositories, ticket: MemberDoc, now: number) => save(repos, blockCard(ticket, now));
