import type { PublishedReliability } from '@claimwatch/shared/domain';

/**
 * Metadata read from the page before cleaning: title, canonical URL, publication date with how much to
 * trust it, lead image, declared language, and the JSON-LD `articleBody` (a candidate text).
 */
export type PageMetadata = {
  title: string | null;
  canonicalUrl: string | null;
  publishedAt: Date | null;
  publishedReliability: PublishedReliability;
  leadImageUrl: string | null;
  declaredLang: string | null;
  jsonLdBody: string | null;
};

type JsonLdNode = Record<string, unknown>;

function jsonLdNodes(document: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) for (const v of value) visit(v, depth + 1);
    else {
      nodes.push(value as JsonLdNode);
      const graph = (value as JsonLdNode)['@graph'];
      if (graph) visit(graph, depth + 1);
      const main = (value as JsonLdNode).mainEntity;
      if (main) visit(main, depth + 1);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // malformed JSON-LD is common; it only loses a candidate
    }
  }
  return nodes;
}

const ARTICLE_TYPES = /article|posting|report|blog|newsarticle|webpage/i;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

function safeUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function toDate(value: string | undefined): Date | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(time) : null;
}

/** `/2026/11/05/…` or `/2026-11-05-…` in the URL: a date, but only to the day. */
function dateFromUrl(url: string): Date | null {
  const m = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|\.html?|$)/.exec(url);
  return m ? toDate(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : null;
}

export function readPageMetadata(document: Document, url: string): PageMetadata {
  const meta = (selector: string) =>
    document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const nodes = jsonLdNodes(document);
  const article = nodes.find((n) => ARTICLE_TYPES.test(String(n['@type'] ?? ''))) ?? nodes[0];
  const candidates: [string | undefined, PublishedReliability][] = [
    [meta('meta[property="article:published_time"]'), 'high'],
    [str(article?.datePublished), 'high'],
    [meta('meta[itemprop="datePublished"]'), 'high'],
    [
      document.querySelector('[itemprop="datePublished"][datetime]')?.getAttribute('datetime') ?? undefined,
      'high',
    ],
    [meta('meta[name="pubdate"]') ?? meta('meta[name="publishdate"]') ?? meta('meta[name="date"]'), 'medium'],
    [meta('meta[name="dc.date"]') ?? meta('meta[name="DC.date.issued"]'), 'medium'],
    [
      document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined,
      'medium',
    ],
  ];
  let publishedAt: Date | null = null;
  let publishedReliability: PublishedReliability = 'none';
  for (const [value, reliability] of candidates) {
    publishedAt = toDate(value);
    if (publishedAt) {
      publishedReliability = reliability;
      break;
    }
  }
  if (!publishedAt) {
    publishedAt = dateFromUrl(url);
    if (publishedAt) publishedReliability = 'low';
  }
  const image = article?.image;
  const imageUrl =
    meta('meta[property="og:image"]') ??
    str(image) ??
    (image && typeof image === 'object' ? str((image as JsonLdNode).url) : undefined);
  const body = str(article?.articleBody)?.trim();
  return {
    title:
      meta('meta[property="og:title"]') ??
      str(article?.headline) ??
      (document.querySelector('title')?.textContent?.trim() || null),
    canonicalUrl: safeUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), url),
    publishedAt,
    publishedReliability,
    leadImageUrl: safeUrl(imageUrl, url),
    declaredLang: document.documentElement.getAttribute('lang')?.trim().toLowerCase() || null,
    jsonLdBody: body && body.length > 200 ? body : null,
  };
}
