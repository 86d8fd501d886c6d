import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { normaliseParagraphs } from './text-blocks.ts';

export const READABILITY_BASELINE_ID = 'readability-0.6';

/**
 * Readability alone on a fresh jsdom: the baseline our extractor is measured against. jsdom 27's CSS
 * parser throws on a few real pages (jsdom 24, used for the published baseline, did not), so on a throw
 * the page is read again without style sheets and inline styles, and nothing else.
 */
export function extractWithReadability(html: string, url: string): { title: string | null; text: string } {
  try {
    return readabilityOn(html, url);
  } catch {
    return readabilityOn(
      html
        .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
        .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, ''),
      url,
    );
  }
}

function readabilityOn(html: string, url: string): { title: string | null; text: string } {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const article = new Readability(dom.window.document).parse();
    return { title: article?.title?.trim() || null, text: normaliseParagraphs(article?.textContent ?? '') };
  } finally {
    dom.window.close();
  }
}
