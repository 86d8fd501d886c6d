import type { Db } from '@claimwatch/shared/db';
import { sql } from 'kysely';

/**
 * Accent folding the same way in SQL and here: writers often type Vietnamese without diacritics
 * ("gia nhap" for "gia nhập"). Every precomposed Vietnamese vowel (and a few other Latin letters) maps
 * to its base letter; `translate()` applies the same table in PostgreSQL and PGlite (no extension needed),
 * and ILIKE then ignores ASCII case.
 */
function foldingTable(): { from: string; to: string } {
  const from: string[] = [];
  const to: string[] = [];
  const add = (c: string, plain: string) => {
    if (c.length === 1 && c !== plain && !from.includes(c)) {
      from.push(c);
      to.push(plain);
    }
  };
  for (const base of 'aăâeêioôơuưy')
    for (const mark of ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'])
      for (const c of [(base + mark).normalize('NFC'), (base + mark).normalize('NFC').toUpperCase()])
        add(c, c.normalize('NFD').replace(/\p{M}/gu, ''));
  for (const c of 'äëïöüÿçñÄËÏÖÜŸÇÑ') add(c, c.normalize('NFD').replace(/\p{M}/gu, ''));
  add('đ', 'd');
  add('Đ', 'D');
  return { from: from.join(''), to: to.join('') };
}

const FOLD = foldingTable();
const foldMap = new Map([...FOLD.from].map((c, i) => [c, FOLD.to[i]!]));

/** A word folded as the SQL side folds the texts. */
export const foldAccents = (text: string) =>
  [...text.normalize('NFC')].map((c) => foldMap.get(c) ?? c).join('');

/** `%`, `_` and `\` match literally: a writer's words are text, not patterns. */
const likeLiteral = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

const folded = (column: 'id' | 'text_vi' | 'text_en') =>
  sql<string>`translate(${sql.ref(column)}, ${FOLD.from}, ${FOLD.to})`;

/**
 * Active verified facts a writer may cite, for the citation picker: every word of `q` must appear in the
 * id or in the Vietnamese or English text, ignoring case and accents. Retired facts are left out: the
 * citation check would refuse them. Ordered by id; one extra row tells whether there are more.
 */
export async function searchVerifiedFacts(db: Db, options: { q: string; limit: number }) {
  const words = options.q.split(/\s+/u).filter((w) => w !== '');
  let query = db
    .selectFrom('verified_facts')
    .select(['id', 'kind', 'text_vi', 'text_en'])
    .where('status', '=', 'active');
  for (const word of words) {
    const pattern = `%${likeLiteral(foldAccents(word))}%`;
    query = query.where((eb) =>
      eb.or([
        eb(folded('id'), 'ilike', pattern),
        eb(folded('text_vi'), 'ilike', pattern),
        eb(folded('text_en'), 'ilike', pattern),
      ]),
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
