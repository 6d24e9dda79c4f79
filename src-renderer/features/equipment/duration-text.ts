/** Durations for downtime and MTTR, rounded the way staff read them: days+hours, hours+minutes, minutes. */
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../shared/domain/index';

export type DurationParts = { unit: 'days'; d: number; h: number } | { unit: 'hours'; h: number; m: number } | { unit: 'minutes'; m: number };

export const durationParts = (ms: number): DurationParts => {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes * MINUTE_MS >= DAY_MS) {
    const hours = Math.round(ms / HOUR_MS);
    return { unit: 'days', d: Math.floor(hours / 24), h: hours % 24 };
  }
  if (minutes >= 60) return { unit: 'hours', h: Math.floor(minutes / 60), m: minutes % 60 };
  return { unit: 'minutes', m: minutes };
};

/** `t` is i18next's: keys equipment.duration.days / hours / minutes. */
export const formatDuration = (ms: number, t: (key: string, values: Record<string, number>) => string): string => {
  const { unit, ...values } = durationParts(ms);
  return t(`equipment.duration.${unit}`, values);
};
