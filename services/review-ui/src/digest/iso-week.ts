/**
 * ISO weeks in a time zone: week `2026-W47` runs from Monday 00:00 to the next Monday 00:00 local time.
 * Pure functions, no dependencies (the web UI imports them too).
 */

const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

export type Window = { start: Date; end: Date };

/** The zone's offset from UTC, in minutes, at an instant. */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of local midnight starting a calendar day (`y`, `m` 1-12, `d`) in the zone. */
export function localMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  // A second pass settles days on which the offset changes (DST zones).
  instant = guess - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function isIsoWeek(value: string): boolean {
  const m = WEEK.exec(value);
  if (!m) return false;
  const week = Number(m[2]);
  return week >= 1 && week <= weeksInYear(Number(m[1]));
}

/** Monday of ISO week 1 of a year, as a UTC calendar date (ms). */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0
  return jan4 - dow * DAY_MS;
}

function weeksInYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
}

/** The calendar date (UTC ms at 00:00) of the Monday starting an ISO week. */
function mondayOf(week: string): number {
  const m = WEEK.exec(week);
  if (!m || !isIsoWeek(week)) throw new RangeError(`not an ISO week: ${week}`);
  return week1Monday(Number(m[1])) + (Number(m[2]) - 1) * 7 * DAY_MS;
}

export function weekWindow(week: string, timeZone: string): Window {
  const monday = new Date(mondayOf(week));
  const next = new Date(mondayOf(week) + 7 * DAY_MS);
  return {
    start: localMidnight(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), timeZone),
    end: localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
  };
}

/** The ISO week a local calendar date (YYYY-MM-DD) falls in. */
export function isoWeekOfDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d);
  const dow = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - dow) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - week1Monday(year)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function isoWeekOf(at: Date, timeZone: string): string {
  return isoWeekOfDate(localDate(at, timeZone));
}

export function shiftWeek(week: string, by: number): string {
  const monday = new Date(mondayOf(week) + by * 7 * DAY_MS);
  return isoWeekOfDate(monday.toISOString().slice(0, 10));
}

/** The last week that has ended at `now` (the scheduled job on Monday 00:00 builds this one). */
export function lastCompleteWeek(now: Date, timeZone: string): string {
  return shiftWeek(isoWeekOf(now, timeZone), -1);
}

/** Today (local midnight to the next) and this week so far, for the live overview. */
export function todayWindow(now: Date, timeZone: string): Window {
  const [y, m, d] = localDate(now, timeZone).split('-').map(Number) as [number, number, number];
  const start = localMidnight(y, m, d, timeZone);
  const next = new Date(Date.UTC(y, m - 1, d) + DAY_MS);
  return {
    start,
    end: localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
  };
}

/** The local calendar days (YYYY-MM-DD) a window covers. */
export function daysOf(window: Window, timeZone: string): string[] {
  const days: string[] = [];
  for (let t = window.start.getTime(); t < window.end.getTime(); t += DAY_MS)
    days.push(localDate(new Date(t), timeZone));
  return [...new Set(days)];
}
