/**
 * How old the desk's pass keys and revocations are, in words staff read at a glance ("updated
 * 3 h ago"), and whether that is past the station's limit (the same rule the check-in decision
 * uses for TRUST_DATA_STALE, so the label and the warning never disagree).
 */
import { isTrustStale } from '../../../shared/domain/check-in';

export type TrustAgeUnit = 'never' | 'justNow' | 'minutes' | 'hours' | 'days';

export interface TrustAgeText {
  /** i18n key under passes.trustAge */
  unit: TrustAgeUnit;
  count: number;
  stale: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const trustAgeText = (updatedAt: number | null, now: number, maxAgeHours: number): TrustAgeText => {
  const stale = isTrustStale(updatedAt, now, maxAgeHours);
  if (updatedAt === null) return { unit: 'never', count: 0, stale };
  const age = Math.max(0, now - updatedAt);
  if (age < MINUTE) return { unit: 'justNow', count: 0, stale };
  if (age < HOUR) return { unit: 'minutes', count: Math.floor(age / MINUTE), stale };
  if (age < 2 * DAY) return { unit: 'hours', count: Math.floor(age / HOUR), stale };
  return { unit: 'days', count: Math.floor(age / DAY), stale };
};
