/**
 * What a desk may do to member records (docs/domain-rules.md, "Members"; docs/sync-protocol.md: members
 * merge field by field, the server winning on validity and status). Threats: a rogue or buggy desk
 * re-activating a suspended member, extending validity, changing the phone digits a member signs
 * in to the phone app with, minting a roster ("server") member in any sequence of pushes (a
 * walk-in first, then `source: 'server'`), or claiming a card number another member holds.
 *
 * - Members the server issued keep `status`, `validUntil`, `source`, card number and phone fields;
 *   a desk may correct the name or category, and never delete them.
 * - Desks create only walk-in and provisional members, and never turn one into a server member:
 *   `source: 'server'` is written by the roster import alone (which adopts a walk-in with the
 *   imported card in place). A walk-in never goes back to a review ticket.
 * - A desk-made member is valid at most DESK_VALIDITY_MAX_MS ahead of the server's clock (a walk-in
 *   is valid to the end of the local year).
 * Every such push is refused (FORBIDDEN); the server keeps its own values.
 *
 * Card numbers are unique per station among live members that are not review tickets (tickets
 * may share a card: two offline desks may admit the same unknown card). `cardHolders` checks a
 * claim under the station lock (CARD_TAKEN); the unique index of migration 020 backs it.
 */
import { DAY_MS } from '../../../shared/domain/time';
import type { Queryable } from '../../db/database';
import { loadDocsWhere, type StoredDoc } from '../../repositories/sync-store';

const SERVER_OWNED = ['status', 'validUntil', 'source', 'cardNo', 'phoneTail', 'phoneMasked'] as const;

/**
 * A walk-in is valid to the end of the local year (at most 366 days ahead); the cap leaves a
 * year more for a desk whose clock is wrong, and refuses members valid for decades.
 */
export const DESK_VALIDITY_MAX_MS = 2 * 366 * DAY_MS;

type Doc = Record<string, unknown>;

export const memberChangeProblem = (master: Doc | null, next: Doc, now: number): string | null => {
  if (master !== null && master.source === 'server') {
    if (next._deleted === true) return 'members issued by the server cannot be deleted at a desk';
    for (const field of SERVER_OWNED) {
      if (JSON.stringify(master[field]) !== JSON.stringify(next[field])) return `${field} of a member issued by the server is kept by the server`;
    }
    return null;
  }
  if (next.source === 'server') return "only the server's roster makes members with source 'server'; desks register walk-in or provisional members";
  if (master?.source === 'walk-in' && next.source === 'provisional') return 'a registered walk-in member cannot become a review ticket again';
  const validityChanged = master === null || master.validUntil !== next.validUntil;
  if (validityChanged && next._deleted !== true && Date.parse(String(next.validUntil)) > now + DESK_VALIDITY_MAX_MS) {
    return `a member registered at a desk is valid at most ${DESK_VALIDITY_MAX_MS / DAY_MS} days ahead`;
  }
  return null;
};

/** A member that holds its card number: live and not a review ticket. */
const holdsCard = (doc: Doc, deleted: boolean) => !deleted && (doc.source === 'server' || doc.source === 'walk-in');

export interface CardClaims {
  /** Why `next` may not hold its card number (another member of the station does), else null; records the claim. */
  claim(master: Doc | null, next: Doc): string | null;
}

/** The current holders of the card numbers a batch of member writes names; call under the station lock. */
export const cardHolders = async (tx: Queryable, stationId: string, docs: readonly Doc[]): Promise<CardClaims> => {
  const cards = [...new Set(docs.map((d) => d.cardNo).filter((c): c is string => typeof c === 'string'))];
  const holders = new Map<string, string>();
  for (const held of cards.length > 0 ? await loadDocsWhere(tx, stationId, 'members', 'cardNo', cards) : ([] as StoredDoc[])) {
    if (holdsCard(held.data, held.deleted)) holders.set(String(held.data.cardNo), held.id);
  }
  return {
    claim(master, next) {
      const card = String(next.cardNo);
      const claims = holdsCard(next, next._deleted === true);
      const alreadyHeld = master !== null && holdsCard(master, master._deleted === true) && master.cardNo === card;
      if (!claims || alreadyHeld) return null;
      const holder = holders.get(card);
      if (holder !== undefined && holder !== next.id) return `card number ${card} belongs to another member of this station`;
      holders.set(card, String(next.id));
      return null;
    },
  };
};
