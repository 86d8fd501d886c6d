import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { type ClaimRow, type DetectedClaim, saveDetection } from '../db/repositories/claims.repository.ts';
import {
  type DocumentRow,
  type ExtractedDocument,
  upsertDocument,
} from '../db/repositories/documents.repository.ts';
import { type FlagRow, type ProposedFlag, proposeFlags } from '../db/repositories/flags.repository.ts';
import { insertDiscoveredPages, type PageRow } from '../db/repositories/pages.repository.ts';
import { saveVerifiedFact } from '../db/repositories/references.repository.ts';
import { type NewSource, type SourceRow, upsertSource } from '../db/repositories/sources.repository.ts';
import { insertUser, type NewUser, type UserRow } from '../db/repositories/users.repository.ts';
import type { FactStructure, VerifiedFact } from '../domain/references.ts';

/**
 * Row builders: each inserts a real row with sensible defaults and returns it. Tests state only what
 * matters to them; the demo seed uses the same repositories.
 */

const unique = () => randomUUID().slice(0, 8);

export async function buildSource(db: Db, overrides: Partial<NewSource> = {}): Promise<SourceRow> {
  const id = unique();
  return upsertSource(db, {
    name: `Source ${id}`,
    kind: 'feed',
    url: `https://news-${id}.example/rss.xml`,
    ...overrides,
  });
}

export async function buildPage(
  db: Db,
  overrides: { sourceId?: string | null; url?: string } = {},
): Promise<PageRow> {
  const url = overrides.url ?? `https://news-${unique()}.example/article.html`;
  const [page] = await insertDiscoveredPages(db, overrides.sourceId ?? null, [{ url, urlKey: url }]);
  if (!page) throw new Error(`buildPage: ${url} already exists`);
  return page;
}

export async function buildDocument(
  db: Db,
  overrides: Partial<ExtractedDocument> = {},
): Promise<DocumentRow> {
  const page = overrides.pageId ? undefined : await buildPage(db, { sourceId: overrides.sourceId ?? null });
  const text = overrides.text ?? 'Vietnam and Japan signed an agreement in Hanoi on Monday.';
  return upsertDocument(db, {
    pageId: overrides.pageId ?? page!.id,
    sourceId: overrides.sourceId ?? null,
    url: overrides.url ?? page?.url ?? `https://news-${unique()}.example/a.html`,
    canonicalUrl: null,
    title: 'Test article',
    lang: 'en',
    publishedAt: new Date('2026-11-02T08:00:00Z'),
    publishedReliability: 'high',
    extractor: 'test',
    contentHash: createHash('sha256').update(text).digest('hex'),
    ...overrides,
    text,
  });
}

export async function buildClaim(
  db: Db,
  documentId: string,
  overrides: Partial<DetectedClaim> = {},
): Promise<ClaimRow> {
  const text = overrides.text ?? 'Vietnam and Japan signed an agreement in Hanoi on Monday.';
  const [claim] = await saveDetection(db, {
    documentId,
    lang: 'en',
    langScore: 0.99,
    relevance: 0.9,
    relevanceTriggers: ['VN', 'JP'],
    models: [{ id: 'test-detector', revision: '1' }],
    modelSet: 'test-1',
    claims: [
      {
        start: 0,
        end: text.length,
        text,
        checkworthiness: 0.8,
        type: 'agreement_signed',
        entities: [],
        dates: [],
        quantities: [],
        model: { id: 'test-detector', revision: '1' },
        ...overrides,
      },
    ],
  });
  return claim!;
}

export async function buildFlag(db: Db, overrides: Partial<ProposedFlag> = {}): Promise<FlagRow> {
  let { claimId, documentId } = overrides;
  if (!claimId || !documentId) {
    const document = await buildDocument(db);
    documentId = document.id;
    claimId = (await buildClaim(db, document.id)).id;
  }
  const [flag] = await proposeFlags(db, [
    {
      reason: 'unverified_checkworthy',
      score: 0.7,
      priority: 0.7,
      evidence: { sentence: 'test evidence' },
      models: [{ id: 'test-detector', revision: '1' }],
      ...overrides,
      claimId,
      documentId,
    },
  ]);
  return flag!;
}

/** The password hash is opaque to builders; review-ui tests that log in pass a real hash. */
export async function buildUser(db: Db, overrides: Partial<NewUser> = {}): Promise<UserRow> {
  return insertUser(db, {
    email: `user-${unique()}@claimwatch.test`,
    displayName: 'Test User',
    passwordHash: 'not-a-real-hash',
    roles: ['monitor'],
    ...overrides,
  });
}

/**
 * A verified fact, saved (version 1) with provenance "test": structured fields the test does not state are
 * null, the parties are Vietnam alone and the relation is the fact's kind.
 */
export async function buildVerifiedFact(
  db: Db,
  overrides: Partial<Omit<VerifiedFact, 'structured'>> & { structured?: Partial<FactStructure> } = {},
): Promise<VerifiedFact> {
  const kind = overrides.kind ?? 'other';
  const fact: VerifiedFact = {
    id: `fact-${unique()}`,
    text: { vi: 'Dữ kiện thử nghiệm.', en: 'A test fact.' },
    sources: [{ url: 'https://facts.example/source', title: 'Source' }],
    tags: [],
    status: 'active',
    ...overrides,
    kind,
    structured: {
      parties: ['VN'],
      relation: kind,
      level: null,
      organisation: null,
      date: null,
      quantity: null,
      validFrom: null,
      validTo: null,
      ...overrides.structured,
    },
  };
  await saveVerifiedFact(db, fact, { provenance: 'test' });
  return fact;
}
