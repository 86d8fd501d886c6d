import { gunzipSync } from 'node:zlib';
import type { Db } from '@claimwatch/shared/db';
import { Parser } from 'htmlparser2';
import type { CitationCheck } from './response.schemas.ts';

export type StoredCitation = {
  position: number;
  kind: string;
  fact_id: string | null;
  url: string | null;
  quote: string | null;
};

/** NFC, every run of whitespace (including non-breaking spaces) as one space, trimmed. */
export function normaliseForQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b]+/gu, ' ')
    .trim();
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
/** Inline elements do not separate words; every other closing tag does. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
);

/** The visible text of an archived page: HTML parsed (entities decoded, scripts and styles skipped). */
export function snapshotText(bodyGzip: Uint8Array, contentType: string | null): string {
  const raw = gunzipSync(bodyGzip).toString('utf8');
  if (contentType && !/html|xml/i.test(contentType)) return raw;
  const parts: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentagname: (name) => {
        if (SKIPPED.has(name)) skipping++;
      },
      onclosetag: (name) => {
        if (SKIPPED.has(name) && skipping > 0) skipping--;
        else if (!INLINE.has(name)) parts.push(' ');
      },
      ontext: (text) => {
        if (skipping === 0) parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.write(raw);
  parser.end();
  return parts.join('');
}

/** The newest archived snapshot of a URL (pages are looked up by their URL or URL key). */
async function latestSnapshot(db: Db, url: string) {
  return db
    .selectFrom('snapshots')
    .innerJoin('pages', 'pages.id', 'snapshots.page_id')
    .select(['snapshots.body_gzip', 'snapshots.content_type'])
    .where((eb) => eb.or([eb('pages.url', '=', url), eb('pages.url_key', '=', url)]))
    .orderBy('snapshots.fetched_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The check a response must pass before approval: it cites something; every cited fact exists and is
 * active; every cited URL has an archived snapshot; every quoted passage appears in that snapshot's text
 * (compared after NFC and whitespace normalisation).
 */
export async function checkCitations(db: Db, citations: StoredCitation[]): Promise<CitationCheck> {
  const problems: CitationCheck['problems'] = [];
  if (citations.length === 0)
    problems.push({ position: null, code: 'no_citations', message: 'The response cites nothing' });
  for (const c of citations) {
    if (c.kind === 'verified_fact' && c.fact_id) {
      const fact = await db
        .selectFrom('verified_facts')
        .select(['status'])
        .where('id', '=', c.fact_id)
        .executeTakeFirst();
      if (!fact)
        problems.push({
          position: c.position,
          code: 'fact_missing',
          message: `No verified fact ${c.fact_id}`,
        });
      else if (fact.status !== 'active')
        problems.push({
          position: c.position,
          code: 'fact_retired',
          message: `The verified fact ${c.fact_id} is retired`,
        });
      continue;
    }
    if (!c.url) continue;
    const snapshot = await latestSnapshot(db, c.url);
    if (!snapshot) {
      problems.push({
        position: c.position,
        code: 'no_snapshot',
        message: `No archived snapshot of ${c.url}`,
      });
      continue;
    }
    if (c.quote && c.quote.trim() !== '') {
      const text = normaliseForQuote(snapshotText(snapshot.body_gzip, snapshot.content_type));
      if (!text.includes(normaliseForQuote(c.quote)))
        problems.push({
          position: c.position,
          code: 'quote_not_found',
          message: `The quoted passage does not appear in the archived snapshot of ${c.url}`,
        });
    }
  }
  return { ok: problems.length === 0, problems };
}
