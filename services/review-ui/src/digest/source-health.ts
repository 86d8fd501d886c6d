import type { Db } from '@claimwatch/shared/db';
import { sql } from 'kysely';
import { daysOf, localDate, localMidnight } from './iso-week.ts';

export type SourceHealth = {
  id: string;
  name: string;
  kind: string;
  url: string;
  enabled: boolean;
  consecutiveFailures: number;
  lastError: string | null;
  lastPolledAt: string | null;
  nextPollAt: string;
  lastSuccessAt: string | null;
  /** ok: a success in the last 24 h and no run of failures; failing: 3+ failures in a row; stale otherwise. */
  state: 'ok' | 'failing' | 'stale' | 'paused';
  itemsPerDay: { day: string; count: number }[];
  failureReasons: { code: string; count: number }[];
  politenessDelays24h: number;
  robotsBlocks7d: number;
};

const DAY_MS = 86_400_000;

/** Per source: last success, state, articles per day (28 days), failure reasons and politeness (recent). */
export async function loadSourceHealth(db: Db, now: Date, timeZone: string): Promise<SourceHealth[]> {
  const [y, m, d] = localDate(now, timeZone).split('-').map(Number) as [number, number, number];
  const todayStart = localMidnight(y, m, d, timeZone);
  const from = new Date(todayStart.getTime() - 27 * DAY_MS);
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [sources, successes, perDay, failures] = await Promise.all([
    db
      .selectFrom('sources')
      .select([
        'id',
        'name',
        'kind',
        'url',
        'is_enabled',
        'consecutive_failures',
        'last_error',
        'last_polled_at',
        'next_poll_at',
      ])
      .orderBy('name')
      .orderBy('id')
      .execute(),
    sql<{ source_id: string; at: Date | string }>`
      select source_id, max(started_at) as at from fetches
      where source_id is not null and outcome in ('ok', 'not_modified') group by source_id`.execute(db),
    sql<{ source_id: string; day: string; count: number | string }>`
      select source_id, to_char((created_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day, count(*) as count
      from documents where source_id is not null and created_at >= ${from} and created_at <= ${now}
      group by 1, 2`.execute(db),
    sql<{ source_id: string; outcome: string; code: string | null; recent: boolean; count: number | string }>`
      select source_id, outcome, error_code as code, started_at >= ${dayAgo} as recent, count(*) as count
      from fetches
      where source_id is not null and started_at >= ${weekAgo} and outcome not in ('ok', 'not_modified')
      group by 1, 2, 3, 4`.execute(db),
  ]);
  const days = daysOf({ start: from, end: new Date(todayStart.getTime() + DAY_MS) }, timeZone);
  return sources.map((s) => {
    const last = successes.rows.find((r) => r.source_id === s.id)?.at;
    const mine = failures.rows.filter((f) => f.source_id === s.id);
    const reasons = new Map<string, number>();
    for (const f of mine)
      reasons.set(f.code ?? f.outcome, (reasons.get(f.code ?? f.outcome) ?? 0) + Number(f.count));
    const lastSuccessAt = last ? new Date(last).toISOString() : null;
    const state: SourceHealth['state'] = !s.is_enabled
      ? 'paused'
      : s.consecutive_failures >= 3
        ? 'failing'
        : lastSuccessAt && new Date(lastSuccessAt).getTime() >= dayAgo.getTime()
          ? 'ok'
          : 'stale';
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      url: s.url,
      enabled: s.is_enabled,
      consecutiveFailures: s.consecutive_failures,
      lastError: s.last_error,
      lastPolledAt: s.last_polled_at ? new Date(s.last_polled_at).toISOString() : null,
      nextPollAt: new Date(s.next_poll_at).toISOString(),
      lastSuccessAt,
      state,
      itemsPerDay: days.map((day) => ({
        day,
        count: Number(perDay.rows.find((r) => r.source_id === s.id && r.day === day)?.count ?? 0),
      })),
      failureReasons: [...reasons]
        .map(([code, count]) => ({ code, count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      politenessDelays24h: mine
        .filter((f) => f.outcome === 'politeness' && f.recent)
        .reduce((a, f) => a + Number(f.count), 0),
      robotsBlocks7d: mine
        .filter((f) => f.code === 'fetch_blocked_by_robots')
        .reduce((a, f) => a + Number(f.count), 0),
    };
  });
}
