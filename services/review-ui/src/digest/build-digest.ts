import { createHash } from 'node:crypto';
import { type Db, findDigest, type JsonValue, upsertDigest } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { computeDigest, type DigestSettings } from './compute-digest.ts';
import type { DigestData, StoredDigestView } from './digest.types.ts';
import { isIsoWeek, isoWeekOf, todayWindow, weekWindow } from './iso-week.ts';

/** Canonical JSON (sorted keys), so the same figures always hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function assertIsoWeek(week: string): void {
  if (!isIsoWeek(week))
    throw new AppError('validation_failed', `Not an ISO week: ${week} (expected e.g. 2026-W47)`);
}

/** Builds one ISO week's digest and stores it; building it again over the same data changes nothing. */
export async function buildWeeklyDigest(
  db: Db,
  week: string,
  settings: DigestSettings,
  now: Date = new Date(),
): Promise<StoredDigestView> {
  assertIsoWeek(week);
  const window = weekWindow(week, settings.timezone);
  if (window.start.getTime() > now.getTime())
    throw new AppError('validation_failed', `The week ${week} has not started yet`);
  const data = await computeDigest(db, window, 'week', week, settings);
  const row = await upsertDigest(
    db,
    {
      week,
      periodStart: window.start,
      periodEnd: window.end,
      timezone: settings.timezone,
      data: data as unknown as JsonValue,
      dataSha256: createHash('sha256').update(canonical(data)).digest('hex'),
    },
    now,
  );
  return present(row);
}

export async function loadWeeklyDigest(db: Db, week: string): Promise<StoredDigestView> {
  assertIsoWeek(week);
  const row = await findDigest(db, week);
  if (!row) throw new AppError('not_found', `No digest has been built for ${week}`);
  return present(row);
}

/** The live overview: today, or this week so far; computed on request, never stored. */
export async function computeLiveOverview(
  db: Db,
  range: 'today' | 'week',
  settings: DigestSettings,
  now: Date,
): Promise<DigestData> {
  if (range === 'today') {
    const window = todayWindow(now, settings.timezone);
    return computeDigest(db, window, 'today', window.start.toISOString(), settings);
  }
  const week = isoWeekOf(now, settings.timezone);
  return computeDigest(db, weekWindow(week, settings.timezone), 'week_to_date', week, settings);
}

function present(row: {
  week: string;
  built_at: Date;
  delivered_at: Date | null;
  data: JsonValue;
}): StoredDigestView {
  return {
    week: row.week,
    builtAt: new Date(row.built_at).toISOString(),
    deliveredAt: row.delivered_at ? new Date(row.delivered_at).toISOString() : null,
    data: row.data as unknown as DigestData,
  };
}
