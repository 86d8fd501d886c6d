import type { Selectable } from 'kysely';
import type { Db } from '../connection.ts';
import type { Digests, JsonValue } from '../generated/schema.ts';

export type DigestRow = Selectable<Digests>;

export type StoredDigest = {
  week: string;
  periodStart: Date;
  periodEnd: Date;
  timezone: string;
  data: JsonValue;
  dataSha256: string;
};

/**
 * One digest per ISO week. Building a week again replaces its figures; `built_at` moves only when they
 * changed, so a rebuild over the same data leaves the row as it was.
 */
export async function upsertDigest(db: Db, digest: StoredDigest, builtAt: Date): Promise<DigestRow> {
  return db
    .insertInto('digests')
    .values({
      week: digest.week,
      period_start: digest.periodStart,
      period_end: digest.periodEnd,
      timezone: digest.timezone,
      data: JSON.stringify(digest.data),
      data_sha256: digest.dataSha256,
      built_at: builtAt,
    })
    .onConflict((oc) =>
      oc
        .column('week')
        .doUpdateSet((eb) => ({
          period_start: eb.ref('excluded.period_start'),
          period_end: eb.ref('excluded.period_end'),
          timezone: eb.ref('excluded.timezone'),
          data: eb.ref('excluded.data'),
          data_sha256: eb.ref('excluded.data_sha256'),
          built_at: eb.ref('excluded.built_at'),
        }))
        .where('digests.data_sha256', '!=', digest.dataSha256),
    )
    .execute()
    .then(() => findDigest(db, digest.week))
    .then((row) => row!);
}

export async function findDigest(db: Db, week: string): Promise<DigestRow | undefined> {
  return db.selectFrom('digests').selectAll().where('week', '=', week).executeTakeFirst();
}

export async function listDigestWeeks(
  db: Db,
): Promise<Pick<DigestRow, 'week' | 'built_at' | 'delivered_at'>[]> {
  return db
    .selectFrom('digests')
    .select(['week', 'built_at', 'delivered_at'])
    .orderBy('week', 'desc')
    .limit(104)
    .execute();
}

export async function markDigestDelivered(db: Db, week: string, to: string[], at: Date): Promise<void> {
  await db
    .updateTable('digests')
    .set({ delivered_at: at, delivered_to: JSON.stringify(to) })
    .where('week', '=', week)
    .execute();
}
