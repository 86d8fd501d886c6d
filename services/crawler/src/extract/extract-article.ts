import type { PublishedReliability } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

export type ExtractedArticle = {
  title: string | null;
  text: string;
  canonicalUrl: string | null;
  publishedAt: Date | null;
  publishedReliability: PublishedReliability;
  /** Language declared by the page (`<html lang>`); the classifier detects it from the text. */
  declaredLang: string | null;
  extractor: string;
};

export const EXTRACTOR_ID = 'readability-0.6';

/** Main text and metadata of an article page. Scripts never run: jsdom parses only. */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const virtualConsole = new VirtualConsole(); // swallow CSS/HTML parse noise from hostile pages
  const dom = new JSDOM(html, { url, virtualConsole });
  const document = dom.window.document;
  try {
    const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const canonicalUrl = canonicalHref ? safeUrl(canonicalHref, url) : null;
    const { publishedAt, reliability } = findPublishedDate(document);
    const declaredLang = document.documentElement.getAttribute('lang')?.trim().toLowerCase() || null;
    const article = new Readability(document).parse();
    const text = normaliseParagraphs(article?.textContent ?? '');
    if (!article || text.length < 40)
      throw new AppError('extract_no_content', `No article text found at ${url}`);
    return {
      title: article.title?.trim() || null,
      text,
      canonicalUrl,
      publishedAt,
      publishedReliability: reliability,
      declaredLang,
      extractor: EXTRACTOR_ID,
    };
  } finally {
    dom.window.close();
  }
}

function safeUrl(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** Readability's textContent keeps layout whitespace; keep paragraphs, collapse the rest. */
export function normaliseParagraphs(text: string): string {
  return text
    .split(/\n\s*\n|\n(?=\s{2,})/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

function findPublishedDate(document: Document): {
  publishedAt: Date | null;
  reliability: PublishedReliability;
} {
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content') ?? undefined;
  const candidates: [string | undefined, PublishedReliability][] = [
    [meta('meta[property="article:published_time"]'), 'high'],
    [meta('meta[itemprop="datePublished"]'), 'high'],
    [document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined, 'medium'],
    [meta('meta[name="pubdate"]') ?? meta('meta[name="date"]'), 'medium'],
  ];
  for (const [value, reliability] of candidates) {
    const time = value ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(time)) return { publishedAt: new Date(time), reliability };
  }
  return { publishedAt: null, reliability: 'none' };
}
