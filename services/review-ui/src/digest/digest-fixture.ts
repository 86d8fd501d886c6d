import type { Db } from '@claimwatch/shared/db';
import type { DismissReason, FlagStatus } from '@claimwatch/shared/domain';
import { buildClaim, buildDocument, buildFlag, buildSource } from '@claimwatch/shared/testing';

/**
 * A known week for the digest's tests and the demo: ISO week 2026-W47 in Asia/Ho_Chi_Minh (UTC+7, from
 * Monday 2026-11-16 00:00 to Monday 2026-11-23 00:00 local), with four weeks of history before it. The
 * figures each part of the digest should report are spelt out in digest.behaviour.int.test.ts.
 */

export const FIXTURE_WEEK = '2026-W47';
export const FIXTURE_TZ = 'Asia/Ho_Chi_Minh';

/** A local (UTC+7) date and hour as an instant. */
export const vnTime = (day: string, hour: number, minute = 0): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 7) * 3_600_000 + minute * 60_000);

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type DigestFixture = Awaited<ReturnType<typeof buildDigestWeek>>;

export async function buildDigestWeek(db: Db) {
  const alpha = await buildSource(db, { name: 'Alpha Tin Tức', language_hint: 'vi' } as never);
  const beta = await buildSource(db, { name: 'Beta News' } as never);

  const doc = async (sourceId: string, lang: string, createdAt: Date) => {
    const d = await buildDocument(db, {
      sourceId,
      lang,
      publishedAt: createdAt,
      text: `Article ${Math.random()} about Vietnam's foreign relations.`,
    });
    await db.updateTable('documents').set({ created_at: createdAt }).where('id', '=', d.id).execute();
    return { ...d, created_at: createdAt };
  };

  // History: the 28 days before the week (2026-10-19 … 2026-11-15). Alpha 2 a day; Beta 2 on even days, 1 on odd.
  const historyDays = Array.from({ length: 28 }, (_, i) => addDays('2026-10-19', i));
  const alphaHistory = [];
  for (const [i, day] of historyDays.entries()) {
    for (let k = 0; k < 2; k++) alphaHistory.push(await doc(alpha.id, 'vi', vnTime(day, 6, k)));
    for (let k = 0; k < (i % 2 === 0 ? 2 : 1); k++) await doc(beta.id, 'en', vnTime(day, 7, k));
  }

  // The week: Alpha 2 a day Monday to Friday and nothing at the weekend (silent); Beta 1 a day.
  const weekDays = Array.from({ length: 7 }, (_, i) => addDays('2026-11-16', i));
  const alphaWeek: Awaited<ReturnType<typeof doc>>[] = [];
  const betaWeek: Awaited<ReturnType<typeof doc>>[] = [];
  for (const [i, day] of weekDays.entries()) {
    if (i < 5) for (let k = 0; k < 2; k++) alphaWeek.push(await doc(alpha.id, 'vi', vnTime(day, 6, k)));
    betaWeek.push(await doc(beta.id, 'en', vnTime(day, 7)));
  }

  await db
    .insertInto('known_narratives')
    .values({
      id: 'n-one',
      title_vi: 'Câu chuyện sai lệch một',
      title_en: 'False narrative one',
      description_vi: 'Mô tả',
      description_en: 'Description',
      provenance: 'test',
    })
    .execute();
  await db
    .insertInto('verified_facts')
    .values({
      id: 'f-one',
      kind: 'agreement',
      structured: JSON.stringify({}),
      text_vi: 'Sự thật đã kiểm chứng một',
      text_en: 'Verified fact one',
      sources: JSON.stringify([{ url: 'https://mofa.gov.vn/' }]),
      provenance: 'test',
    })
    .execute();

  const flag = async (
    document: { id: string },
    createdAt: Date,
    decision?: { status: FlagStatus; afterHours: number; dismissReason?: DismissReason },
    reference?: { kind: 'known_narrative' | 'verified_fact'; id: string },
  ) => {
    const claim = await buildClaim(db, document.id);
    const f = await buildFlag(db, {
      claimId: claim.id,
      documentId: document.id,
      reason: reference?.kind === 'verified_fact' ? 'contradicts_verified_fact' : 'repeats_known_narrative',
      models: [{ id: 'matcher', revision: '2' }],
    });
    await db
      .updateTable('flags')
      .set({
        created_at: createdAt,
        status: decision?.status ?? 'suggested',
        decided_at: decision ? new Date(createdAt.getTime() + decision.afterHours * 3_600_000) : null,
        dismiss_reason: decision?.dismissReason ?? null,
      })
      .where('id', '=', f.id)
      .execute();
    if (reference)
      await db
        .insertInto('flag_references')
        .values({
          flag_id: f.id,
          reference_kind: reference.kind,
          reference_id: reference.id,
          reference_version: 1,
          score: 0.9,
        })
        .execute();
    return f;
  };
  const n1 = { kind: 'known_narrative' as const, id: 'n-one' };
  const f1 = { kind: 'verified_fact' as const, id: 'f-one' };

  // Earlier: a flag on narrative one (week 45), answered by a response published in week 46.
  const earlierDoc = alphaHistory[2 * 14]!; // 2026-11-02
  const flag0 = await flag(earlierDoc, vnTime('2026-11-02', 9), { status: 'confirmed', afterHours: 1 }, n1);
  const response = async (flagIds: string[], times: { created: Date; approved?: Date; published?: Date }) => {
    const r = await db
      .insertInto('responses')
      .values({
        template: 'social_reply',
        verdict_label: 'false',
        status: times.published ? 'published' : times.approved ? 'approved' : 'draft',
        created_at: times.created,
        approved_at: times.approved ?? null,
        published_at: times.published ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const flagId of flagIds)
      await db.insertInto('response_flags').values({ response_id: r.id, flag_id: flagId }).execute();
    return r.id;
  };
  const response0 = await response([flag0.id], {
    created: vnTime('2026-11-10', 9),
    approved: vnTime('2026-11-10', 12),
    published: vnTime('2026-11-10', 14),
  });

  // The week's six flags.
  const flags = {
    f1: await flag(alphaWeek[0]!, vnTime('2026-11-16', 9), { status: 'confirmed', afterHours: 2 }, n1),
    f2: await flag(alphaWeek[1]!, vnTime('2026-11-16', 10), { status: 'confirmed', afterHours: 10 }, n1),
    f3: await flag(alphaWeek[2]!, vnTime('2026-11-17', 8), {
      status: 'dismissed',
      afterHours: 30,
      dismissReason: 'not_relevant',
    }),
    f4: await flag(
      betaWeek[1]!,
      vnTime('2026-11-17', 9),
      { status: 'dismissed', afterHours: 4, dismissReason: 'claim_is_true' },
      f1,
    ),
    f5: await flag(betaWeek[2]!, vnTime('2026-11-18', 9), { status: 'escalated', afterHours: 1 }),
    f6: await flag(betaWeek[5]!, vnTime('2026-11-21', 1)),
  };

  // Shadow mode: a second check-worthiness model (shadow-cw@r2) scored the week's claims. Thresholds as
  // in force: vi 0.3, en 0.6. On the decided flags it would flag f1 (confirmed, vi), f4 (dismissed, en)
  // and f5 (escalated, en), not f2 (confirmed, vi) or f3 (dismissed, vi); it would flag f6 (undecided).
  const SHADOW = { id: 'shadow-cw', revision: 'r2' };
  const shadowScore = async (claimId: string, lang: 'vi' | 'en', score: number, createdAt: Date) => {
    const threshold = lang === 'vi' ? 0.3 : 0.6;
    await db
      .insertInto('shadow_scores')
      .values({
        claim_id: claimId,
        model_id: SHADOW.id,
        model_revision: SHADOW.revision,
        score,
        threshold,
        would_flag: score >= threshold,
        created_at: createdAt,
      })
      .execute();
  };
  /** A claim the active model did not flag (stored directly: no classification, so volume stays put). */
  const unflaggedClaim = async (document: { id: string }) =>
    db
      .insertInto('claims')
      .values({
        document_id: document.id,
        start_offset: 0,
        end_offset: 10,
        text: 'Unflagged claim about Vietnam.',
        checkworthiness: 0.1,
        claim_type: 'other',
        entities: '[]',
        dates: '[]',
        quantities: '[]',
        model_id: 'test-detector',
        model_revision: '1',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const scored = vnTime('2026-11-16', 8);
  await shadowScore(flags.f1.claim_id, 'vi', 0.8, scored);
  await shadowScore(flags.f2.claim_id, 'vi', 0.2, scored);
  await shadowScore(flags.f3.claim_id, 'vi', 0.1, scored);
  await shadowScore(flags.f4.claim_id, 'en', 0.9, scored);
  await shadowScore(flags.f5.claim_id, 'en', 0.7, scored);
  await shadowScore(flags.f6.claim_id, 'en', 0.95, scored);
  // Week 45: flag 0's claim (decided then, not in this week).
  await shadowScore(flag0.claim_id, 'vi', 0.9, vnTime('2026-11-02', 8));
  // Claims the active model never flagged: one in the week it would flag (counted), one it would not,
  // and one it would flag but scored the week before (not counted).
  await shadowScore((await unflaggedClaim(alphaWeek[3]!)).id, 'vi', 0.5, vnTime('2026-11-18', 8));
  await shadowScore((await unflaggedClaim(betaWeek[3]!)).id, 'en', 0.4, vnTime('2026-11-19', 8));
  await shadowScore((await unflaggedClaim(alphaWeek[4]!)).id, 'vi', 0.9, vnTime('2026-11-15', 8));

  // Narrative one's story was copied by Beta (English): the cluster's appearances count as spread.
  const cluster = await db
    .insertInto('document_clusters')
    .values({ representative_document_id: alphaWeek[0]!.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('cluster_appearances')
    .values([
      {
        cluster_id: cluster.id,
        document_id: alphaWeek[0]!.id,
        source_id: alpha.id,
        url: alphaWeek[0]!.url,
        match: 'first',
        similarity: 1,
      },
      {
        cluster_id: cluster.id,
        document_id: betaWeek[0]!.id,
        source_id: beta.id,
        url: betaWeek[0]!.url,
        match: 'near',
        similarity: 0.9,
      },
    ])
    .execute();

  const response1 = await response([flags.f1.id], {
    created: vnTime('2026-11-16', 12),
    approved: vnTime('2026-11-17', 10),
    published: vnTime('2026-11-17', 12),
  });
  const response2 = await response([flags.f4.id], { created: vnTime('2026-11-18', 9) });

  // Fetches in the week: Alpha 5 fine (one page then failed extraction), 2 politeness delays, 1 robots
  // block; Beta 1 fine and 2 time-outs (failing).
  const fetch = async (
    sourceId: string,
    pageId: string | null,
    outcome: string,
    code: string | null,
    at: Date,
  ) =>
    db
      .insertInto('fetches')
      .values({
        source_id: sourceId,
        page_id: pageId,
        url: 'https://example.test/',
        outcome,
        error_code: code,
        started_at: at,
      })
      .execute();
  for (const d of alphaWeek.slice(0, 5))
    await fetch(alpha.id, d.page_id, 'ok', null, vnTime('2026-11-18', 5));
  await db.updateTable('pages').set({ status: 'failed' }).where('id', '=', alphaWeek[4]!.page_id).execute();
  await fetch(alpha.id, null, 'politeness', 'fetch_host_busy', vnTime('2026-11-18', 6));
  await fetch(alpha.id, null, 'politeness', 'fetch_host_busy', vnTime('2026-11-18', 7));
  await fetch(alpha.id, null, 'permanent', 'fetch_blocked_by_robots', vnTime('2026-11-18', 8));
  await fetch(beta.id, betaWeek[0]!.page_id, 'ok', null, vnTime('2026-11-18', 5));
  await fetch(beta.id, null, 'transient', 'fetch_timeout', vnTime('2026-11-19', 5));
  await fetch(beta.id, null, 'transient', 'fetch_timeout', vnTime('2026-11-20', 5));

  return { alpha, beta, flags, flag0, shadow: SHADOW, responses: { response0, response1, response2 } };
}
