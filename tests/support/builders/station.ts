import { DEFAULT_STATION_RULES, type OpeningWindow, type StationDoc, type StationRules } from '../../../shared/schemas/index';
import { STATION_ID, synced } from './common';

/** The same opening hours every day of the week. */
export const everyDay = (open: string, close: string): OpeningWindow[] =>
  [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open, close }));

/** The station profile (id = stationId = STATION_ID), open 06:00-22:00 at UTC+8; `rules` merge over the defaults. */
export const makeStation = (over: Partial<Omit<StationDoc, 'rules'>> & { rules?: Partial<StationRules> } = {}): StationDoc => ({
  ...synced(),
  id: STATION_ID,
  name: '静安区职工健身驿站',
  type: 'fitness-regular',
  utcOffsetMinutes: 480,
  openingHours: everyDay('06:00', '22:00'),
  capacity: 60,
  ...over,
  rules: { ...DEFAULT_STATION_RULES, ...over.rules },
});
