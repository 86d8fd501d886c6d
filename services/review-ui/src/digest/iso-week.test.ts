import { describe, expect, it } from 'vitest';
import {
  daysOf,
  isIsoWeek,
  isoWeekOf,
  lastCompleteWeek,
  shiftWeek,
  todayWindow,
  weekWindow,
} from './iso-week.ts';

describe('ISO weeks in a time zone', () => {
  it('runs week 47 of 2026 from Monday 16 November 00:00 in Hanoi (17:00 UTC the day before)', () => {
    const w = weekWindow('2026-W47', 'Asia/Ho_Chi_Minh');
    expect(w.start.toISOString()).toBe('2026-11-15T17:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(daysOf(w, 'Asia/Ho_Chi_Minh')).toHaveLength(7);
  });

  it('handles years with 53 weeks and weeks that straddle New Year', () => {
    expect(isIsoWeek('2026-W53')).toBe(true); // 2026 starts on a Thursday
    expect(isIsoWeek('2027-W53')).toBe(false);
    expect(weekWindow('2026-W01', 'UTC').start.toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
  });

  it('follows daylight saving time where the zone has it', () => {
    // Europe/Paris moves to UTC+1 on 25 October 2026: week 44 starts on the 26th at 23:00 UTC the day before.
    const w = weekWindow('2026-W44', 'Europe/Paris');
    expect(w.start.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(weekWindow('2026-W43', 'Europe/Paris').start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
  });

  it('names the week an instant falls in, and the last complete one (what the Monday job builds)', () => {
    // Monday 00:30 in Hanoi is still Sunday in UTC.
    const mondayMorning = new Date('2026-11-22T17:30:00Z');
    expect(isoWeekOf(mondayMorning, 'Asia/Ho_Chi_Minh')).toBe('2026-W48');
    expect(isoWeekOf(mondayMorning, 'UTC')).toBe('2026-W47');
    expect(lastCompleteWeek(mondayMorning, 'Asia/Ho_Chi_Minh')).toBe('2026-W47');
    expect(todayWindow(mondayMorning, 'Asia/Ho_Chi_Minh').start.toISOString()).toBe(
      '2026-11-22T17:00:00.000Z',
    );
  });

  it('refuses what is not a week', () => {
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-47')).toBe(false);
    expect(() => weekWindow('2026-W60', 'UTC')).toThrow(RangeError);
  });
});
