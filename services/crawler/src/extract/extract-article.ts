import type { PublishedReliability } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { selectProseBlocks } from './block-fallback.ts';
import { filterBlocks } from './block-filter.ts';
import { cleanDocument } from './clean-dom.ts';
import { readPageMetadata } from './page-metadata.ts';
import { stripHtml } from './strip-html.ts';
import { blocksOf, blocksToText, type TextBlock } from './text-blocks.ts';

export type ExtractedArticle = {
  title: string | null;
  text: string;
  canonicalUrl: string | null;
  publishedAt: Date | null;
  publishedReliability: PublishedReliability;
  /** Language declared by the page (`<html lang>`); fastText's guess is made on the text by the caller. */
  declaredLang: string | null;
  leadImageUrl: string | null;
  /** Which extractor produced the text (stored on the document). */
  extractor: string;
};

export const EXTRACTOR_VERSION = 'cw-extract-2';
/** Below this, Readability's result is treated as a miss and the prose fallback is tried. */
const SHORT_TEXT = 250;

/** Main text and metadata of an article page. Scripts never run: jsdom parses only. */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const stripped = stripHtml(html);
  const dom = new JSDOM(stripped, { url, virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  try {
    const metadata = readPageMetadata(document, url);
    cleanDocument(document);
    // Readability rewrites the document it reads; the fallbacks, needed only when its answer is short,
    // read a fresh parse of the page instead of a copy made for every page.
    const fromReadability = readabilityBlocks(document);
    const readability = { blocks: fromReadability?.blocks ?? [], extractor: 'readability' };
    const others = (): Candidate[] => fallbackCandidates(stripped, url, metadata.jsonLdBody);
    const chosen = chooseCandidate(readability, others);
    const blocks = chosen.blocks;
    const extractor = `${EXTRACTOR_VERSION}/${chosen.extractor}`;
    const text = blocksToText(blocks);
    if (text.length < 40) throw new AppError('extract_no_content', `No article text found at ${url}`);
    return {
      title: metadata.title ?? fromReadability?.title ?? null,
      text,
      canonicalUrl: metadata.canonicalUrl,
      publishedAt: metadata.publishedAt,
      publishedReliability: metadata.publishedReliability,
      declaredLang: metadata.declaredLang,
      leadImageUrl: metadata.leadImageUrl,
      extractor,
    };
  } finally {
    dom.window.close();
  }
}

type Candidate = { blocks: TextBlock[]; extractor: string };

const textLength = (blocks: TextBlock[]) => blocks.reduce((n, b) => n + b.text.length, 0);
/**
 * Readability's answer unless it is short (under 1000 characters) and another candidate is clearly
 * longer: twice as long, or simply longer when Readability found almost nothing.
 */
function chooseCandidate(readability: Candidate, fallbacks: () => Candidate[]): Candidate {
  const length = textLength(readability.blocks);
  if (length >= 1000) return readability;
  const [best] = fallbacks().sort((a, b) => textLength(b.blocks) - textLength(a.blocks));
  if (!best) return readability;
  return textLength(best.blocks) > (length < SHORT_TEXT ? length : length * 2) ? best : readability;
}

function fallbackCandidates(stripped: string, url: string, jsonLdBody: string | null): Candidate[] {
  const dom = new JSDOM(stripped, { url, virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const main = cleanDocument(document);
    return [
      { blocks: main ? filterBlocks(blocksOf(main)) : [], extractor: 'main-candidate' },
      { blocks: document.body ? selectProseBlocks(blocksOf(document.body)) : [], extractor: 'prose' },
      { blocks: jsonLdBody ? [{ text: jsonLdBody, tag: 'p', linkChars: 0 }] : [], extractor: 'json-ld' },
    ];
  } finally {
    dom.window.close();
  }
}

function readabilityBlocks(document: Document): { title: string | null; blocks: TextBlock[] } | null {
  // The serializer hands back Readability's element itself: no HTML string to build and parse again.
  const article = new Readability<Element>(document, {
    charThreshold: 300,
    serializer: (el) => el as Element,
  }).parse();
  if (!article?.content) return null;
  return { title: article.title?.trim() || null, blocks: filterBlocks(blocksOf(article.content)) };
}
