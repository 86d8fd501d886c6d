import type { Db } from '@claimwatch/shared/db';

/** `%`, `_` and `\` match literally: a writer's words are text, not patterns. */
const likeLiteral = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active verified facts a writer may cite, for the citation picker: every word of `q` must appear
 * (case-insensitively) in the id or in the Vietnamese or English text. Retired facts are left out: the
 * citation check would refuse them. Ordered by id; one extra row tells whether there are more.
 */
export async function searchVerifiedFacts(db: Db, options: { q: string; limit: number }) {
  const words = options.q.split(/\s+/u).filter((w) => w !== '');
  let query = db
    .selectFrom('verified_facts')
    .select(['id', 'kind', 'text_vi', 'text_en'])
    .where('status', '=', 'active');
  for (const word of words) {
    const pattern = `%${likeLiteral(word)}%`;
    query = query.where((eb) =>
      eb.or([eb('id', 'ilike', pattern), eb('text_vi', 'ilike', pattern), eb('text_en', 'ilike', pattern)]),
    );
  }
  const rows = await query
    .orderBy('id')
    .limit(options.limit + 1)
    .execute();
  return {
    items: rows.slice(0, options.limit).map((r) => ({
      id: r.id,
      kind: r.kind,
      textVi: r.text_vi,
      textEn: r.text_en,
    })),
    hasMore: rows.length > options.limit,
  };
}
