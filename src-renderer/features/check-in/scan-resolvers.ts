/**
 * The one seam between a scanned text and the check-in rule: is it a member pass (QR) or a card
 * number, and what does a pass say. Card numbers are looked up on the desk
 * (check-in-command.ts); passes are verified offline by the pass module (pass-verify.ts,
 * shared/passes). Tests swap in their own resolvers here.
 */
import type { PassScan } from '../../../shared/domain/check-in';
import { classifyScan, type ScanKind } from '../../../shared/passes/index';
import type { Repositories } from '../../data/index';
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

/** What the desk uses. */
export const DESK_RESOLVERS: ScanResolvers = {
  classify: classifyScan,
  resolvePass: (repos, text, now) => resolvePassScan(repos, text, now),
};
