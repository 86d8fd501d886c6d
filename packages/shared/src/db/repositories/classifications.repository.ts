import type { Db } from '../connection.ts';

export type OutdatedClassification = { documentId: string; contentHash: string; modelSet: string };

/**
 * Classified documents whose stored model set differs from `modelSet` (the classifier's active one):
 * the detectors changed since, so they are classified again.
 */
export async function listOutdatedClassifications(
  db: Db,
  modelSet: string,
  limit: number,
): Promise<OutdatedClassification[]> {
  const rows = await db
    .selectFrom('classifications')
    .innerJoin('documents', 'documents.id', 'classifications.document_id')
    .select(['documents.id', 'documents.content_hash', 'classifications.model_set'])
    .where('documents.status', '=', 'classified')
    .where('classifications.model_set', '<>', modelSet)
    .orderBy('classifications.classified_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ documentId: r.id, contentHash: r.content_hash, modelSet: r.model_set }));
}
