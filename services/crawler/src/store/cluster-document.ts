import {
  type AppearanceRow,
  addAppearance,
  type Db,
  findBandCandidates,
  findDocumentByContentHash,
  lockClusteringForTransaction,
  saveFingerprintBands,
} from '@claimwatch/shared/db';
import { estimateSimilarity, NEAR_DUPLICATE_SIMILARITY, signatureBands } from './minhash.ts';

export type ClusterInput = {
  documentId: string;
  sourceId: string | null;
  url: string;
  contentHash: string;
  minhash: string | null;
};

/**
 * Files a stored document into a story cluster: an exact copy (same content hash) or a near copy
 * (MinHash similarity at or above the threshold) joins the cluster of the earliest matching document;
 * anything else starts a cluster. One story from ten outlets is one cluster with ten appearances.
 * Runs inside the caller's transaction; idempotent per document.
 */
export async function clusterDocument(db: Db, input: ClusterInput): Promise<AppearanceRow> {
  await lockClusteringForTransaction(db);
  const base = { documentId: input.documentId, sourceId: input.sourceId, url: input.url };
  const bands = input.minhash ? signatureBands(input.minhash) : [];
  await saveFingerprintBands(db, input.documentId, bands);
  const exact = await findDocumentByContentHash(db, input.contentHash, input.documentId);
  if (exact) return addAppearance(db, { ...base, match: 'exact', similarity: 1 }, exact.id);
  if (input.minhash) {
    let best: { documentId: string; similarity: number } | undefined;
    for (const candidate of await findBandCandidates(db, input.documentId, bands)) {
      const similarity = estimateSimilarity(input.minhash, candidate.minhash);
      if (similarity >= NEAR_DUPLICATE_SIMILARITY && (!best || similarity > best.similarity)) {
        best = { documentId: candidate.documentId, similarity };
      }
    }
    if (best)
      return addAppearance(db, { ...base, match: 'near', similarity: best.similarity }, best.documentId);
  }
  return addAppearance(db, { ...base, match: 'first', similarity: 1 }, null);
}
