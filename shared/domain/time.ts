/**
 * Station-local time: what "today", "Tuesday 08:00" and "closing time" mean at a station.
 *
 * Stations keep a fixed offset from UTC (`utcOffsetMinutes`; China = 480, no DST), so local
 * calendar arithmetic is integer math on epoch milliseconds: no time-zone database, identical on
 * desk and server. Rules never read the clock: every function takes the instant it judges.
 *
 * Opening hours: a window opens on weekday `day` (0 = Sunday) at `open` and closes at `close`
 * the same day; `close` "24:00" is midnight; `close` < `open` spans midnight into the next day;
 * `close` = `open` is a 24-hour window. Windows that touch or overlap merge into one open
 * interval, so Mon 18:00-24:00 + Tue 00:00-02:00 closes at 02:00, not at midnight. An empty
 * `openingHours` list means the station keeps no hours: always open (a station that never opens
 * would be useless, and it keeps unconfigured stations working). Malformed windows are ignored.
 */
import type { OpeningWindow, StationDoc } from '../schemas/stations';

/** An instant: epoch milliseconds or an ISO-8601 timestamp. */
export type Instant = number | string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

export const toMs = (t: Instant): number => {
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(ms)) throw new RangeError(`invalid instant: ${String(t)}`);
  return ms;
};

/** Normalized UTC timestamp with milliseconds, as the schemas store it. */
export const toIso = (t: Instant): string => new Date(toMs(t)).toISOString();

/** What local time needs from a station. */
export type StationClock = Pick<StationDoc, 'utcOffsetMinutes'>;
export type StationHours = Pick<StationDoc, 'utcOffsetMinutes' | 'openingHours'>;

const offsetMs = (station: StationClock): number => station.utcOffsetMinutes * MINUTE_MS;

/** Days since 1970-01-01 in station-local time. */
export const localDayIndex = (station: StationClock, now: Instant): number =>
  Math.floor((toMs(now) + offsetMs(station)) / DAY_MS);

const dayStartOf = (station: StationClock, dayIndex: number): number => dayIndex * DAY_MS - offsetMs(station);

/** Local midnight that starts the day containing `now` (epoch ms). */
export const localDayStart = (station: StationClock, now: Instant): number =>
  dayStartOf(station, localDayIndex(station, now));

/** Local midnight that ends the day containing `now` (exclusive end, epoch ms). */
export const localDayEnd = (station: StationClock, now: Instant): number => localDayStart(station, now) + DAY_MS;

const weekdayOf = (dayIndex: number): number => (((dayIndex + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday

/** Local weekday, 0 = Sunday. */
export const localWeekday = (station: StationClock, now: Instant): number => weekdayOf(localDayIndex(station, now));

/** Whole minutes since local midnight, 0..1439. */
export const minutesOfDay = (station: StationClock, now: Instant): number =>
  Math.floor((toMs(now) - localDayStart(station, now)) / MINUTE_MS);

/** Local calendar date "YYYY-MM-DD" (for reports and day folders). */
export const localDate = (station: StationClock, now: Instant): string =>
  new Date(toMs(now) + offsetMs(station)).toISOString().slice(0, 10);

/** "HH:MM" → minutes after midnight (0..1440, "24:00" = 1440); null if malformed. */
export const parseHhmm = (value: string): number | null => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return value === '24:00' ? 1440 : null;
};

/** A half-open span of time [start, end) in epoch ms; infinite ends mean "always". */
export interface Interval {
  start: number;
  end: number;
}

const windowInterval = (station: StationClock, dayIndex: number, w: OpeningWindow): Interval | null => {
  const open = parseHhmm(w.open);
  const close = parseHhmm(w.close);
  if (open === null || close === null || open === 1440) return null;
  const base = dayStartOf(station, dayIndex);
  const closeMinutes = close > open ? close : close + 1440;
  return { start: base + open * MINUTE_MS, end: base + closeMinutes * MINUTE_MS };
};

const ALWAYS: Interval = { start: -Infinity, end: Infinity };

/**
 * Merged open intervals over local days [first, last], sorted. An interval of a week or more
 * can only come from a schedule that never closes: it is reported as ALWAYS.
 */
const openIntervals = (station: StationHours, first: number, last: number): Interval[] => {
  if (station.openingHours.length === 0) return [ALWAYS];
  const raw: Interval[] = [];
  for (let day = first; day <= last; day++) {
    const weekday = weekdayOf(day);
    for (const w of station.openingHours) {
      if (w.day !== weekday) continue;
      const interval = windowInterval(station, day, w);
      if (interval) raw.push(interval);
    }
  }
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const next of raw) {
    const prev = merged[merged.length - 1];
    if (prev && next.start <= prev.end) prev.end = Math.max(prev.end, next.end);
    else merged.push({ ...next });
  }
  return merged.map((i) => (i.end - i.start >= WEEK_MS ? ALWAYS : i));
};

/**
 * Per opening-hours list (by identity) and local day, the intervals around that day: occupancy
 * asks for every open visit at each scan (thousands of times with the same hours and day), and
 * building them parses and merges 17 days of windows each time. Frozen: shared by every caller.
 */
const aroundCache = new WeakMap<StationHours['openingHours'], Map<string, readonly Interval[]>>();
const AROUND_CACHE_DAYS = 64;

/** Open intervals around `now`: a window reaching `now` starts at most a week before it. */
const intervalsAround = (station: StationHours, now: number): readonly Interval[] => {
  const day = localDayIndex(station, now);
  let byDay = aroundCache.get(station.openingHours);
  if (!byDay) aroundCache.set(station.openingHours, (byDay = new Map()));
  const key = `${station.utcOffsetMinutes}:${day}`;
  let found = byDay.get(key);
  if (!found) {
    if (byDay.size >= AROUND_CACHE_DAYS) byDay.clear();
    found = Object.freeze(openIntervals(station, day - 8, day + 8).map((i) => Object.freeze(i)));
    byDay.set(key, found);
  }
  return found;
};

/** The open interval containing `now`, or null when the station is closed then. */
export const openIntervalAt = (station: StationHours, now: Instant): Interval | null => {
  const t = toMs(now);
  return intervalsAround(station, t).find((i) => i.start <= t && t < i.end) ?? null;
};

export const isOpenAt = (station: StationHours, now: Instant): boolean => openIntervalAt(station, now) !== null;

/** The first open interval that starts strictly after `now` (within a week), or null. */
export const nextOpenInterval = (station: StationHours, now: Instant): Interval | null => {
  const t = toMs(now);
  return intervalsAround(station, t).find((i) => i.start > t && i.start - t <= WEEK_MS) ?? null;
};

/**
 * When the station next closes after `now` (epoch ms): the end of the current open interval, or
 * of the next one if closed now. Null when it never closes (or never opens within a week).
 */
export const nextClosingAfter = (station: StationHours, now: Instant): number | null => {
  const interval = openIntervalAt(station, now) ?? nextOpenInterval(station, now);
  return interval && Number.isFinite(interval.end) ? interval.end : null;
};

/** When the station next opens after `now` (epoch ms), or null (always open, or never opens). */
export const nextOpeningAfter = (station: StationHours, now: Instant): number | null =>
  nextOpenInterval(station, now)?.start ?? null;
