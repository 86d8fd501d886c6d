import type { Db, ImportedClaimReview, JsonValue, SaveOutcome } from '@claimwatch/shared/db';
import { saveClaimReview } from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';

/**
 * Reads schema.org ClaimReview JSON-LD as fact-checkers publish it: one object, an array, a `@graph`, or
 * JSON lines of any of those. Objects of other types are skipped; a ClaimReview without a URL or a
 * claimReviewed is an error naming its position.
 */
export function parseClaimReviews(source: string, text: string): ImportedClaimReview[] {
  const documents: unknown[] = [];
  try {
    documents.push(JSON.parse(text));
  } catch {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        documents.push(JSON.parse(line));
      } catch {
        throw new AppError('input_invalid', `${source}:${i + 1}: not JSON`);
      }
    });
  }
  const nodes: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) visit(o['@graph']);
      const type = o['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.includes('ClaimReview')) nodes.push(o);
    }
  };
  documents.forEach(visit);
  return nodes.map((node, i) => {
    const url = str(node.url) ?? str(node['@id']);
    const claimReviewed = str(node.claimReviewed);
    if (!url || !claimReviewed)
      throw new AppError(
        'input_invalid',
        `${source}: ClaimReview #${i + 1} needs ${url ? 'claimReviewed' : 'url'}`,
      );
    const rating = node.reviewRating as Record<string, unknown> | undefined;
    const author = node.author as Record<string, unknown> | Record<string, unknown>[] | undefined;
    const firstAuthor = Array.isArray(author) ? author[0] : author;
    return {
      url,
      claimReviewed,
      rating:
        str(rating?.alternateName) ?? (rating?.ratingValue !== undefined ? String(rating.ratingValue) : null),
      authorName: str(firstAuthor?.name) ?? null,
      datePublished: str(node.datePublished) ?? null,
      lang: str(node.inLanguage) ?? null,
      itemReviewed: (node.itemReviewed as JsonValue | undefined) ?? null,
      raw: node as JsonValue,
    };
  });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export async function importClaimReviews(
  db: Db,
  source: string,
  text: string,
): Promise<Record<SaveOutcome, number>> {
  const reviews = parseClaimReviews(source, text);
  return db.transaction().execute(async (trx) => {
    const counts: Record<SaveOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
    for (const r of reviews) counts[await saveClaimReview(trx, r)]++;
    return counts;
  });
}
