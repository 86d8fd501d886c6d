import {
  type Db,
  getKnownNarrative,
  getVerifiedFact,
  listClusterAppearances,
  listFlagReferences,
} from '@claimwatch/shared/db';
import type { AppearanceMatch, DismissReason, ReferenceSource } from '@claimwatch/shared/domain';
import { presentFlagDetail } from '../review/flag-presenter.ts';
import { loadFlagDetail } from '../review/load-flag-detail.ts';
import type { FlagLocks } from './flag-locks.ts';
import { listNotes } from './notes.ts';
import type { Appearance, Person, ReferenceMatch, TriageItem } from './triage.schemas.ts';

/**
 * Everything a monitor needs to judge one flag: the flag view of review/ plus who decided or holds it,
 * the verified facts or narratives it matched (with their sources), the other outlets carrying the same
 * story, the archived snapshot and the notes.
 */
export async function loadTriageItem(db: Db, locks: FlagLocks, flagId: string): Promise<TriageItem> {
  const data = await loadFlagDetail(db, flagId);
  const { flag, document } = data;
  const people = await peopleById(db, [flag.assigned_to, flag.decided_by]);
  const appearance = await db
    .selectFrom('cluster_appearances')
    .select('cluster_id')
    .where('document_id', '=', document.id)
    .executeTakeFirst();
  const [lock] = await locks.holders([
    { documentId: document.id, clusterId: appearance?.cluster_id ?? null },
  ]);
  const snapshot = await db
    .selectFrom('snapshots')
    .select(['fetched_at', 'sha256'])
    .where('page_id', '=', document.page_id)
    .orderBy('fetched_at', 'desc')
    .limit(1)
    .executeTakeFirst();

  return {
    ...presentFlagDetail(data),
    triage: {
      dismissReason: flag.dismiss_reason as DismissReason | null,
      assignedTo: flag.assigned_to ? (people.get(flag.assigned_to) ?? null) : null,
      decidedBy: flag.decided_by ? (people.get(flag.decided_by) ?? null) : null,
      firstSeenAt: flag.first_seen_at ? flag.first_seen_at.toISOString() : null,
      lock: lock ?? null,
      references: await loadReferences(db, flagId),
      appearances: appearance ? await loadAppearances(db, appearance.cluster_id, document.id) : [],
      snapshot: snapshot
        ? {
            fetchedAt: snapshot.fetched_at.toISOString(),
            sha256: snapshot.sha256,
            href: `/api/triage/flags/${flagId}/snapshot`,
          }
        : null,
      notes: await listNotes(db, flagId),
    },
  };
}

async function peopleById(db: Db, ids: (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.display_name }]));
}

const presentSources = (sources: ReferenceSource[]) =>
  sources.map((s) => ({ url: s.url, title: s.title ?? null }));

async function loadReferences(db: Db, flagId: string): Promise<ReferenceMatch[]> {
  const out: ReferenceMatch[] = [];
  for (const ref of await listFlagReferences(db, flagId)) {
    const base = { kind: ref.kind, id: ref.id, version: ref.version, score: ref.score };
    if (ref.kind === 'verified_fact') {
      const fact = await getVerifiedFact(db, ref.id);
      out.push({
        ...base,
        text: { vi: fact?.text.vi ?? null, en: fact?.text.en ?? null },
        sources: presentSources(fact?.sources ?? []),
      });
    } else if (ref.kind === 'known_narrative') {
      const narrative = await getKnownNarrative(db, ref.id);
      // A narrative's sources are those of the verified facts that refute it.
      const refuting = await Promise.all((narrative?.refutedBy ?? []).map((id) => getVerifiedFact(db, id)));
      out.push({
        ...base,
        text: {
          vi: narrative ? `${narrative.title.vi}: ${narrative.description.vi}` : null,
          en: narrative ? `${narrative.title.en}: ${narrative.description.en}` : null,
        },
        sources: presentSources(refuting.flatMap((f) => f?.sources ?? [])),
      });
    } else if (ref.kind === 'response') {
      // A past response that answered a claim like this one: the writer may reuse it (link in the UI).
      const response = await db
        .selectFrom('responses')
        .select(['text_vi', 'text_en'])
        .where('id', '=', ref.id)
        .executeTakeFirst();
      out.push({
        ...base,
        text: { vi: excerpt(response?.text_vi), en: excerpt(response?.text_en) },
        sources: [],
      });
    } else out.push({ ...base, text: { vi: null, en: null }, sources: [] });
  }
  return out;
}

const EXCERPT_LENGTH = 280;
const excerpt = (text: string | undefined) => {
  if (!text?.trim()) return null;
  const chars = [...text.trim()];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH - 1).join('')}…` : chars.join('');
};

async function loadAppearances(db: Db, clusterId: string, exceptDocumentId: string): Promise<Appearance[]> {
  const rows = await listClusterAppearances(db, clusterId);
  const others = rows.filter((r) => r.document_id !== exceptDocumentId);
  if (others.length === 0) return [];
  const docs = await db
    .selectFrom('documents')
    .leftJoin('sources', 'sources.id', 'documents.source_id')
    .select(['documents.id', 'documents.title', 'sources.name as source_name'])
    .where(
      'documents.id',
      'in',
      others.map((r) => r.document_id),
    )
    .execute();
  const byId = new Map(docs.map((d) => [d.id, d]));
  return others.map((r) => ({
    documentId: r.document_id,
    url: r.url,
    title: byId.get(r.document_id)?.title ?? null,
    source: byId.get(r.document_id)?.source_name ?? null,
    match: r.match as AppearanceMatch,
    similarity: r.similarity,
    appearedAt: r.appeared_at.toISOString(),
  }));
}
