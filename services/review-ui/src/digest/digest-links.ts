/**
 * Where each number of the digest leads in the review UI: the flag list filtered by the query string
 * (status, reason, lang, and the period as from/to with the timestamp it applies to), or a source's
 * health page. Pure, so the web UI, the e-mail and the PDF link alike.
 */

export type FlagListLink = {
  status?: string;
  reason?: string;
  lang?: string;
  from: string;
  to: string;
  /** Which timestamp the period filters: when the flag was raised (default) or decided. */
  on?: 'created' | 'decided';
  model?: string;
};

export function flagsLink(q: FlagListLink): string {
  const params = new URLSearchParams();
  if (q.status) params.set('status', q.status);
  if (q.reason) params.set('reason', q.reason);
  if (q.lang && q.lang !== 'und') params.set('lang', q.lang);
  if (q.model) params.set('model', q.model);
  params.set('from', q.from);
  params.set('to', q.to);
  if (q.on === 'decided') params.set('on', 'decided');
  return `/flags?${params.toString()}`;
}

export const flagLink = (id: string) => `/flags/${encodeURIComponent(id)}`;
export const sourceHealthLink = (sourceId?: string | null) =>
  sourceId ? `/sources/health#source-${sourceId}` : '/sources/health';
export const digestLink = (week: string) => `/digest/${encodeURIComponent(week)}`;
