/**
 * The flag list the numbers open. The triage queue (`/triage`, branch `triage`) reads the same query
 * string (status, reason, lang, source, from, to); point this at it when both are merged.
 */
export const FLAG_LIST_PATH = '/flags';

/**
 * Where each number of the digest leads in the review UI: the flag list filtered by the query string
 * (status, reason, lang, and the period as from/to with the timestamp it applies to), or a source's
 * health page. Pure, so the web UI, the e-mail and the PDF link alike.
 */

export type FlagListLink = {
  status?: string;
  reason?: string;
  lang?: string;
  source?: string | null;
  from: string;
  to: string;
  /** Which timestamp the period filters: when the flag was raised (default) or decided. */
  on?: 'created' | 'decided';
  model?: string;
};

export function flagsLink(q: FlagListLink): string {
  const params = new URLSearchParams();
  // Without a status the list shows every status (the triage queue would otherwise default to suggested).
  params.set('status', q.status ?? 'all');
  if (q.reason) params.set('reason', q.reason);
  if (q.lang && q.lang !== 'und') params.set('lang', q.lang);
  if (q.source) params.set('source', q.source);
  if (q.model) params.set('model', q.model);
  params.set('from', q.from);
  params.set('to', q.to);
  if (q.on === 'decided') params.set('on', 'decided');
  return `${FLAG_LIST_PATH}?${params.toString()}`;
}

export const flagLink = (id: string) => `/flags/${encodeURIComponent(id)}`;
export const sourceHealthLink = (sourceId?: string | null) =>
  sourceId ? `/sources/health#source-${sourceId}` : '/sources/health';
export const digestLink = (week: string) => `/digest/${encodeURIComponent(week)}`;
