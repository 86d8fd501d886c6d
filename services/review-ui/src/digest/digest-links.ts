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
  /** Only flags whose claim this shadow model (`id@revision`) scored; with shadowFlag, would or would not flag. */
  shadow?: string;
  shadowFlag?: 'yes' | 'no';
};

export function flagsLink(q: FlagListLink): string {
  const params = new URLSearchParams();
  // Without a status the list shows every status (the triage queue would otherwise default to suggested).
  params.set('status', q.status ?? 'all');
  if (q.reason) params.set('reason', q.reason);
  if (q.lang && q.lang !== 'und') params.set('lang', q.lang);
  if (q.source) params.set('source', q.source);
  if (q.model) params.set('model', q.model);
  if (q.shadow) {
    params.set('shadow', q.shadow);
    if (q.shadowFlag) params.set('shadowFlag', q.shadowFlag);
  }
  params.set('from', q.from);
  params.set('to', q.to);
  if (q.on === 'decided') params.set('on', 'decided');
  return `${FLAG_LIST_PATH}?${params.toString()}`;
}

export const flagLink = (id: string) => `/flags/${encodeURIComponent(id)}`;
export const sourceHealthLink = (sourceId?: string | null) =>
  sourceId ? `/sources/health#source-${sourceId}` : '/sources/health';
export const digestLink = (week: string) => `/digest/${encodeURIComponent(week)}`;

/**
 * The lists behind a shadow-comparison row: the decided flags of the period whose claim the shadow model
 * scored, by decision, and those it would flag. Its last figure (claims the shadow would flag that the
 * active model never flagged) has no link: those claims have no flag, and the flag list lists flags.
 */
export function shadowLinks(
  row: { modelId: string; revision: string; lang: string },
  from: string,
  to: string,
) {
  const base = { lang: row.lang, shadow: `${row.modelId}@${row.revision}`, from, to, on: 'decided' as const };
  return {
    confirmed: flagsLink({ ...base, status: 'confirmed' }),
    dismissed: flagsLink({ ...base, status: 'dismissed' }),
    wouldFlagConfirmed: flagsLink({ ...base, status: 'confirmed', shadowFlag: 'yes' }),
    wouldFlagDismissed: flagsLink({ ...base, status: 'dismissed', shadowFlag: 'yes' }),
  };
}
