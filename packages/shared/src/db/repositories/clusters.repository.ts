import { type Selectable, sql } from 'kysely';
import type { AppearanceMatch } from '../../domain/index.ts';
import type { Db } from '../connection.ts';
import type { ClusterAppearances, DocumentClusters } from '../generated/schema.ts';

export type ClusterRow = Selectable<DocumentClusters>;
export type AppearanceRow = Selectable<ClusterAppearances> & { match: AppearanceMatch };

/** Arbitrary constant key of the advisory lock that serialises clustering. */
const CLUSTERING_LOCK = 7_402_615;

/**
 * Serialises clustering until the transaction ends: two copies of a story stored at the same moment by
 * two workers would otherwise each miss the other's uncommitted rows and start two clusters. Clustering
 * takes milliseconds, so one lock for every story costs nothing measurable.
 */
export async function lockClusteringForTransaction(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CLUSTERING_LOCK})`.execute(db);
}

/** Stores a document's MinHash band values (the LSH index near-duplicates are looked up in). */
export async function saveFingerprintBands(db: Db, documentId: string, bands: number[]): Promise<void> {
  await db.deleteFrom('document_fingerprints').where('document_id', '=', documentId).execute();
  if (bands.length === 0) return;
  await db
    .insertInto('document_fingerprints')
    .values(bands.map((value, band) => ({ document_id: documentId, band, value })))
    .execute();
}

export type NearDuplicateCandidate = { documentId: string; minhash: string; contentHash: string };

/** Other documents sharing at least one band value: the only ones worth comparing bit by bit. */
export async function findBandCandidates(
  db: Db,
  documentId: string,
  bands: number[],
  limit = 200,
): Promise<NearDuplicateCandidate[]> {
  if (bands.length === 0) return [];
  const rows = await db
    .selectFrom('document_fingerprints as f')
    .innerJoin('documents as d', 'd.id', 'f.document_id')
    .select(['d.id as documentId', 'd.minhash', 'd.content_hash as contentHash', 'd.created_at'])
    .where('f.document_id', '!=', documentId)
    .where((eb) =>
      eb.or(bands.map((value, band) => eb.and([eb('f.band', '=', band), eb('f.value', '=', value)]))),
    )
    .where('d.minhash', 'is not', null)
    .distinct()
    .orderBy('d.created_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ documentId: r.documentId, minhash: r.minhash!, contentHash: r.contentHash }));
}

export async function findDocumentByContentHash(
  db: Db,
  contentHash: string,
  exceptDocumentId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('documents')
    .select('id')
    .where('content_hash', '=', contentHash)
    .where('id', '!=', exceptDocumentId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function getAppearance(db: Db, documentId: string): Promise<AppearanceRow | undefined> {
  return (await db
    .selectFrom('cluster_appearances')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirst()) as AppearanceRow | undefined;
}

export type NewAppearance = {
  documentId: string;
  sourceId: string | null;
  url: string;
  match: AppearanceMatch;
  similarity: number;
};

/**
 * Puts a document in the cluster of `ofDocumentId` (or in a new cluster it represents when null).
 * Idempotent on the document: a document appears in one cluster, once.
 */
export async function addAppearance(
  db: Db,
  appearance: NewAppearance,
  ofDocumentId: string | null,
): Promise<AppearanceRow> {
  const existing = await getAppearance(db, appearance.documentId);
  if (existing) return existing;
  let clusterId: string;
  const host = ofDocumentId ? await getAppearance(db, ofDocumentId) : undefined;
  if (host) {
    clusterId = host.cluster_id;
    await db
      .updateTable('document_clusters')
      .set((eb) => ({ appearance_count: eb('appearance_count', '+', 1), last_seen_at: new Date() }))
      .where('id', '=', clusterId)
      .execute();
  } else {
    const cluster = await db
      .insertInto('document_clusters')
      .values({ representative_document_id: ofDocumentId ?? appearance.documentId })
      .returning('id')
      .executeTakeFirstOrThrow();
    clusterId = cluster.id;
    if (ofDocumentId) {
      // The representative had no cluster yet (stored before clustering): it becomes the first appearance.
      const representative = await db
        .selectFrom('documents')
        .select(['id', 'source_id', 'url'])
        .where('id', '=', ofDocumentId)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('cluster_appearances')
        .values({
          cluster_id: clusterId,
          document_id: representative.id,
          source_id: representative.source_id,
          url: representative.url,
          match: 'first',
          similarity: 1,
        })
        .execute();
      await db
        .updateTable('document_clusters')
        .set({ appearance_count: 2 })
        .where('id', '=', clusterId)
        .execute();
    }
  }
  return (await db
    .insertInto('cluster_appearances')
    .values({
      cluster_id: clusterId,
      document_id: appearance.documentId,
      source_id: appearance.sourceId,
      url: appearance.url,
      match: appearance.match,
      similarity: appearance.similarity,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as AppearanceRow;
}

export async function listClusterAppearances(db: Db, clusterId: string): Promise<AppearanceRow[]> {
  return (await db
    .selectFrom('cluster_appearances')
    .selectAll()
    .where('cluster_id', '=', clusterId)
    .orderBy('appeared_at')
    .execute()) as AppearanceRow[];
}
