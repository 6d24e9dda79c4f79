/**
 * What a desk may do to member records (docs/sync-protocol.md: members merge field by field, the server
 * winning on validity and status). Threat: a rogue or buggy desk re-activating a suspended
 * member, extending validity, or changing the phone digits a member signs in to the phone app
 * with. Members the server issued keep those fields; a desk may correct the name or category.
 * Desks create only their own walk-in and provisional records, never "server" ones.
 */
const SERVER_OWNED = ['status', 'validUntil', 'source', 'cardNo', 'phoneTail', 'phoneMasked'] as const;

export const memberChangeProblem = (master: Record<string, unknown> | null, next: Record<string, unknown>): string | null => {
  if (master === null) return next.source === 'server' ? 'desks register walk-in or provisional members only' : null;
  if (master.source !== 'server') return null;
  if (next._deleted === true) return 'members issued by the server cannot be deleted at a desk';
  for (const field of SERVER_OWNED) {
    if (JSON.stringify(master[field]) !== JSON.stringify(next[field])) return `${field} of a member issued by the server is kept by the server`;
  }
  return null;
};
