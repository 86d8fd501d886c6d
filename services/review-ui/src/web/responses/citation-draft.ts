import { isHttpUrl } from '../../responses/citation-rules.ts';
import type { Citation, FactListItem, ResponseDetail } from '../../responses/response.schemas.ts';

/**
 * The citation list being edited, before it is saved: plain functions over an array, so the editor's
 * rules are tested without a browser. Each item carries a local key (stable across moves, so React keeps
 * focus on the moved row's button); the key never leaves the browser.
 */

export type SavedCitation = ResponseDetail['citations'][number];
export type DraftCitation = SavedCitation & { key: number };

let nextKey = 0;
export const toDraft = (c: SavedCitation): DraftCitation => ({ ...c, key: nextKey++ });
export const draftCitationsOf = (saved: SavedCitation[]): DraftCitation[] => saved.map(toDraft);

/** What the API receives (the fact text is display only): a blank quote is no quote. */
export function toSaved(draft: DraftCitation[]): Citation[] {
  return draft.map(({ kind, factId, url, title, quote }) => ({
    kind,
    factId,
    url,
    title,
    quote: quote?.trim() ? quote : null,
  }));
}

/** Whether the draft says what is saved (same citations, same order, same quotes). */
export function sameCitations(draft: DraftCitation[], saved: Citation[]): boolean {
  const a = toSaved(draft);
  return (
    a.length === saved.length &&
    a.every(
      (c, i) =>
        c.kind === saved[i]!.kind &&
        c.factId === saved[i]!.factId &&
        c.url === saved[i]!.url &&
        c.title === saved[i]!.title &&
        (c.quote ?? '') === (saved[i]!.quote ?? ''),
    )
  );
}

/** The item at `index` swapped with its neighbour above (-1) or below (+1); unchanged at either end. */
export function moveCitation<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list;
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export const removeCitation = <T>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);

export type SourceUrlProblem = 'urlRequired' | 'urlNotHttp';

/** Why a typed source URL cannot be cited, or null: it must be an absolute http(s) URL with a host. */
export function sourceUrlProblem(typed: string): SourceUrlProblem | null {
  const url = typed.trim();
  if (url === '') return 'urlRequired';
  if (!isHttpUrl(url)) return 'urlNotHttp';
  try {
    return new URL(url).hostname ? null : 'urlNotHttp';
  } catch {
    return 'urlNotHttp';
  }
}

/** A new source citation from the form's fields (trimmed; blank title and quote are none). */
export function newSourceCitation(fields: { url: string; title: string; quote: string }): DraftCitation {
  return toDraft({
    kind: 'source',
    factId: null,
    url: fields.url.trim(),
    title: fields.title.trim() || null,
    quote: fields.quote.trim() || null,
    factText: null,
  });
}

export const newFactCitation = (fact: FactListItem): DraftCitation =>
  toDraft({
    kind: 'verified_fact',
    factId: fact.id,
    url: null,
    title: null,
    quote: null,
    factText: { vi: fact.textVi, en: fact.textEn },
  });
