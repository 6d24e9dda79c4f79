/**
 * The demo sheet's content: demo members with their card numbers and freshly issued passes,
 * including the cases a newcomer should see refused — a suspended member, an expired pass, a
 * revoked pass, a tampered pass, an expired membership — each with the result the desk shows.
 * Rendering (barcodes, HTML) is the CLI's job (demo-sheet.ts); this only talks to the database.
 */
import type { CheckInReason } from '../../../shared/domain/reason-codes';
import { DEMO_STATION_ID, demoMemberId } from '../../../shared/demo/members';
import { encodeBase64url, parsePass } from '../../../shared/passes/index';
import type { MemberCategory } from '../../../shared/schemas/index';
import type { Database } from '../../db/database';
import { findMembersById } from '../../repositories/member-passes';
import { DAY_MS, type PassKeys } from './keys';
import { issuePass, revokePasses } from './issue';

export interface DemoEntry {
  memberId: string;
  name: string;
  cardNo: string;
  category: MemberCategory;
  /** The QR text, or null when this member gets no pass (card only). */
  pass: string | null;
  /** What the desk shows for the pass and for the card (first scan, station open). */
  passExpect: CheckInReason | null;
  cardExpect: CheckInReason;
  /** Why this entry is on the sheet (English key the sheet translates). */
  note: 'valid' | 'expired-pass' | 'revoked-pass' | 'suspended' | 'tampered' | 'expired-membership';
}

type Plan = { n: number; note: DemoEntry['note']; passExpect: CheckInReason | null; cardExpect: CheckInReason };
const PLAN: Plan[] = [
  { n: 1, note: 'valid', passExpect: 'OK', cardExpect: 'OK' },
  { n: 2, note: 'valid', passExpect: 'OK', cardExpect: 'OK' },
  { n: 3, note: 'valid', passExpect: 'OK', cardExpect: 'OK' },
  { n: 4, note: 'valid', passExpect: 'OK', cardExpect: 'OK' },
  { n: 5, note: 'expired-pass', passExpect: 'PASS_EXPIRED', cardExpect: 'OK' },
  { n: 6, note: 'revoked-pass', passExpect: 'PASS_REVOKED', cardExpect: 'OK' },
  { n: 7, note: 'suspended', passExpect: 'MEMBER_SUSPENDED', cardExpect: 'MEMBER_SUSPENDED' },
  { n: 8, note: 'tampered', passExpect: 'BAD_SIGNATURE', cardExpect: 'OK' },
  { n: 9, note: 'expired-membership', passExpect: null, cardExpect: 'MEMBER_EXPIRED' },
];

/** A valid pass with its member id swapped for another's, signature kept: what a forger tries. */
const tamper = (pass: string, memberId: string): string => {
  const parsed = parsePass(pass);
  if (!parsed.ok) throw new Error('demo pass did not parse');
  const body = encodeBase64url(new Uint8Array(Buffer.from(JSON.stringify({ ...parsed.payload, m: memberId }), 'ascii')));
  const [prefix, , signature] = pass.split('.');
  return `${prefix}.${body}.${signature}`;
};

export const buildDemoPasses = async (
  db: Database,
  keys: PassKeys,
  options: { now: number; issuedBy: string },
): Promise<{ stationId: string; entries: DemoEntry[] }> => {
  const { now, issuedBy } = options;
  const entries: DemoEntry[] = [];
  for (const plan of PLAN) {
    const memberId = demoMemberId(plan.n);
    const [found] = await findMembersById(db, memberId, DEMO_STATION_ID);
    if (!found) throw new Error(`demo member ${memberId} is missing: seed the demo station first`);
    const { member } = found;
    let pass: string | null = null;
    const issue = (extra: { validDays?: number; issuedAt?: number; allowInactive?: boolean } = {}) =>
      issuePass(db, keys, memberId, { now, issuedBy, stationId: DEMO_STATION_ID, ...extra });
    if (plan.note === 'valid' || plan.note === 'revoked-pass' || plan.note === 'tampered') {
      const issued = await issue();
      pass = plan.note === 'tampered' ? tamper(issued.pass, demoMemberId(2)) : issued.pass;
      if (plan.note === 'revoked-pass') await revokePasses(db, { passId: issued.record.id }, { now, revokedBy: issuedBy });
    } else if (plan.note === 'expired-pass') {
      pass = (await issue({ issuedAt: now - 60 * DAY_MS, validDays: 30 })).pass;
    } else if (plan.note === 'suspended') {
      pass = (await issue({ allowInactive: true })).pass; // issued before the suspension, as it were
    }
    entries.push({ memberId, name: member.name, cardNo: member.cardNo, category: member.category, pass, passExpect: plan.passExpect, cardExpect: plan.cardExpect, note: plan.note });
  }
  return { stationId: DEMO_STATION_ID, entries };
};
