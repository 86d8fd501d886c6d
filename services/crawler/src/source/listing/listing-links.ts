import { JSDOM, VirtualConsole } from 'jsdom';
import { stripHtml } from '../../extract/strip-html.ts';

/**
 * Article links on an HTML listing page (a section front, a search result, a homepage without a feed),
 * chosen by the source's CSS selectors, by default links inside article teasers and headings. Only
 * http(s) links to the listing's own site are kept, once each, in page order.
 */
export type ListingSelectors = { links?: string; exclude?: string };

export const DEFAULT_LINK_SELECTOR =
  'article a[href], h1 a[href], h2 a[href], h3 a[href], h4 a[href], [class*="title" i] a[href], a[class*="title" i][href]';
const MAX_LINKS = 500;

const siteOf = (host: string) => host.toLowerCase().replace(/^(www|m|mobile)\./, '');

export type ListedLink = { url: string; title: string | null };

export function extractListingLinks(
  html: string,
  pageUrl: string,
  selectors: ListingSelectors = {},
): ListedLink[] {
  const dom = new JSDOM(stripHtml(html), { url: pageUrl, virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    const site = siteOf(new URL(pageUrl).hostname);
    const excluded = new Set(selectors.exclude ? [...document.querySelectorAll(selectors.exclude)] : []);
    const seen = new Set<string>();
    const links: ListedLink[] = [];
    let anchors: Element[];
    try {
      anchors = [...document.querySelectorAll(selectors.links ?? DEFAULT_LINK_SELECTOR)];
    } catch {
      anchors = []; // an invalid operator selector lists nothing rather than crash the poll
    }
    for (const el of anchors) {
      const anchor = el.closest('a[href]') ?? el.querySelector('a[href]');
      if (!anchor || [...excluded].some((x) => x.contains(anchor))) continue;
      let url: URL;
      try {
        url = new URL(anchor.getAttribute('href')!, pageUrl);
      } catch {
        continue;
      }
      url.hash = '';
      if (!/^https?:$/.test(url.protocol) || siteOf(url.hostname) !== site) continue;
      if (url.pathname === '/' || url.href === pageUrl || seen.has(url.href)) continue;
      seen.add(url.href);
      links.push({ url: url.href, title: anchor.textContent?.replace(/\s+/g, ' ').trim() || null });
      if (links.length >= MAX_LINKS) break;
    }
    return links;
  } finally {
    dom.window.close();
  }
}

const FEED_TYPES = /application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(rss|atom)|text\/xml/i;

/** Feed autodiscovery: `<link rel="alternate" type="application/rss+xml" href=…>` and friends, in order. */
export function discoverFeedUrls(html: string, pageUrl: string): string[] {
  const head = html.slice(0, 500_000);
  const urls: string[] = [];
  for (const match of head.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const attr = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const rel = attr('rel');
    const type = attr('type');
    const href = attr('href');
    if (!rel || !/alternate/i.test(rel[0]) || !type || !FEED_TYPES.test(type[0]) || !href) continue;
    try {
      const url = new URL((href[2] ?? href[3] ?? href[4] ?? '').replace(/&amp;/g, '&'), pageUrl);
      if (/^https?:$/.test(url.protocol) && !urls.includes(url.href)) urls.push(url.href);
    } catch {
      // ignore unusable hrefs
    }
  }
  return urls;
}
