import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { normaliseParagraphs } from './text-blocks.ts';

export const READABILITY_BASELINE_ID = 'readability-0.6';

/** Readability alone on a fresh jsdom: the baseline our extractor is measured against. */
export function extractWithReadability(html: string, url: string): { title: string | null; text: string } {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const article = new Readability(dom.window.document).parse();
    return { title: article?.title?.trim() || null, text: normaliseParagraphs(article?.textContent ?? '') };
  } finally {
    dom.window.close();
  }
}
