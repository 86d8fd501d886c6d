import type { VerdictLabel } from '@claimwatch/shared/domain';
import type { LoadedResponse } from './responses.ts';
import { verdictWords } from './templates.ts';

/**
 * Exports of an approved or published response. Nothing here posts anything: the files are handed to
 * people who publish them through their own channels.
 */

type Lang = 'vi' | 'en';
const PUBLISHER = 'ClaimWatch';

/** schema.org ClaimReview ratings: 1 (false) … 5 (true). */
const ratingOf: Record<VerdictLabel, number> = {
  false: 1,
  misleading: 2,
  missing_context: 3,
  unverified: 3,
  true: 5,
};

const textOf = (loaded: LoadedResponse, lang: Lang) =>
  lang === 'vi' ? loaded.response.text_vi : loaded.response.text_en;

const isHttp = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

const headings = {
  vi: {
    claims: 'Thông tin được kiểm chứng',
    verdict: 'Kết luận',
    sources: 'Nguồn trích dẫn',
    fact: 'Dữ kiện đã xác minh',
  },
  en: { claims: 'Claims reviewed', verdict: 'Verdict', sources: 'Cited sources', fact: 'Verified fact' },
};

/**
 * Markdown with the text kept literal: inline markup characters (emphasis, code, links, HTML, tables) are
 * escaped everywhere, and block markers (headings, quotes, lists) where a line starts with them.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_{}[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function citationLine(c: LoadedResponse['citations'][number], lang: Lang, md: boolean): string {
  const esc = md ? escapeMarkdown : (s: string) => s;
  if (c.kind === 'verified_fact') return `${headings[lang].fact}: ${esc(c.fact_id ?? '')}`;
  const title = c.title ? esc(c.title) : '';
  const url = c.url ?? '';
  const quote = c.quote ? ` — “${esc(c.quote)}”` : '';
  if (md) return `${title ? `${title}: ` : ''}<${url.replace(/[<>\s]/g, encodeURIComponent)}>${quote}`;
  return `${title ? `${title}: ` : ''}${url}${quote}`;
}

export function toMarkdown(loaded: LoadedResponse, lang: Lang): string {
  const h = headings[lang];
  const lines = [
    `# ${escapeMarkdown(verdictWords[lang][loaded.response.verdict_label])}`,
    '',
    `## ${h.claims}`,
    '',
    ...loaded.claims.map(
      (c) => `- “${escapeMarkdown(c.text)}” (<${c.documentUrl.replace(/[<>\s]/g, encodeURIComponent)}>)`,
    ),
    '',
    `## ${h.verdict}`,
    '',
    ...textOf(loaded, lang)
      .split('\n')
      .map((line) => escapeMarkdown(line)),
    '',
    `## ${h.sources}`,
    '',
    ...loaded.citations.map((c) => `- ${citationLine(c, lang, true)}`),
    '',
  ];
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A standalone page: every text escaped, links only to http(s), no scripts allowed by its own CSP. */
export function toHtml(loaded: LoadedResponse, lang: Lang): string {
  const h = headings[lang];
  const verdict = escapeHtml(verdictWords[lang][loaded.response.verdict_label]);
  const link = (url: string, label: string) =>
    isHttp(url)
      ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(label)}</a>`
      : escapeHtml(label);
  const paragraphs = textOf(loaded, lang)
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const citations = loaded.citations
    .map((c) => {
      if (c.kind === 'verified_fact') return `<li>${escapeHtml(h.fact)}: ${escapeHtml(c.fact_id ?? '')}</li>`;
      const quote = c.quote ? ` — <q>${escapeHtml(c.quote)}</q>` : '';
      return `<li>${link(c.url ?? '', c.title ?? c.url ?? '')}${quote}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>${verdict}</title>
</head>
<body>
<h1>${verdict}</h1>
<h2>${escapeHtml(h.claims)}</h2>
<ul>
${loaded.claims.map((c) => `<li>“${escapeHtml(c.text)}” (${link(c.documentUrl, c.documentTitle ?? c.documentUrl)})</li>`).join('\n')}
</ul>
<h2>${escapeHtml(h.verdict)}</h2>
${paragraphs}
<h2>${escapeHtml(h.sources)}</h2>
<ul>
${citations}
</ul>
</body>
</html>
`;
}

/** schema.org ClaimReview: one object per claim answered (a @graph when there are several). */
export function toClaimReviewJsonLd(loaded: LoadedResponse, lang: Lang): Record<string, unknown> {
  const r = loaded.response;
  const date = (r.published_at ?? r.approved_at ?? r.updated_at).toISOString();
  const reviews = loaded.claims.map((c) => ({
    '@type': 'ClaimReview',
    datePublished: date,
    inLanguage: lang,
    claimReviewed: c.text,
    author: { '@type': 'Organization', name: PUBLISHER },
    reviewBody: textOf(loaded, lang),
    reviewRating: {
      '@type': 'Rating',
      ratingValue: ratingOf[r.verdict_label],
      bestRating: 5,
      worstRating: 1,
      alternateName: verdictWords[lang][r.verdict_label],
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(c.publishedAt ? { datePublished: c.publishedAt.toISOString() } : {}),
      appearance: [
        {
          '@type': 'CreativeWork',
          url: c.documentUrl,
          ...(c.documentTitle ? { headline: c.documentTitle } : {}),
        },
      ],
    },
    citation: loaded.citations
      .filter((x) => x.kind === 'source' && isHttp(x.url))
      .map((x) => ({ '@type': 'CreativeWork', url: x.url, ...(x.title ? { name: x.title } : {}) })),
  }));
  if (reviews.length === 1) return { '@context': 'https://schema.org', ...reviews[0] };
  return { '@context': 'https://schema.org', '@graph': reviews };
}
