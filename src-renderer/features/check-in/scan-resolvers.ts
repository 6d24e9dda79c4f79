/**
 * The one seam between a scanned text and the check-in rule: is it a member pass (QR) or a card
 * number, and what does a pass say. Card numbers are looked up on the desk
 * (check-in-command.ts); passes are verified offline by the pass module (pass-verify.ts,
 * shared/passes). Tests swap in their own resolvers here.
 */
import type { PassScan } from '../../../shared/domain/check-in';
import { classifyScan, type ScanKind } from '../../../shared/passes/index';
import type { Repositories } from '../../data/index';
import { isPassRemainder } from '../../input/scanner/pass-prefix';
import { resolvePassScan } from './pass-verify';

/** A pass read only in part (a scanner cut it short): ask for a rescan; nothing is recorded. */
export interface UnreadableScan {
  kind: 'unreadable';
  reason: string;
}

export interface ScanResolvers {
  classify(text: string): ScanKind;
  resolvePass(repos: Repositories, text: string, now: number): Promise<PassScan | UnreadableScan>;
}

/**
 * A scan is a pass when it starts like one, and also when it is the rest of one whose start was
 * read separately (a scanner that stalled mid-pass): then it is unreadable — rescan — and never
 * shown or looked up as a card number.
 */
export const classifyDeskScan = (text: string): ScanKind => {
  const kind = classifyScan(text);
  return kind === 'invalid' && isPassRemainder(text) ? 'pass' : kind;
};

/** What the desk uses. */
export const DESK_RESOLVERS: ScanResolvers = {
  classify: classifyDeskScan,
  resolvePass: (repos, text, now) => resolvePassScan(repos, text, now),
};
