import { AppError } from '@claimwatch/shared/errors';
import { parseFeedDate } from '../feed/feed-date.ts';
import { child, childElements, innerText, localName, parseXml } from '../feed/feed-xml.ts';
import { safeHttpUrl } from '../feed/parse-feed.ts';

/**
 * XML sitemaps (sitemaps.org), sitemap indexes, and Google News sitemaps (`news:publication_date`,
 * `news:title`). Forgiving like the feed parser. Dates keep the publisher's offset.
 */
export type SitemapEntry = { url: string; lastmod: string | null; title: string | null };
export type ParsedSitemap =
  | { kind: 'urlset'; entries: SitemapEntry[] }
  | { kind: 'index'; sitemaps: SitemapEntry[] };

/** sitemaps.org caps a file at 50,000 URLs. */
const MAX_ENTRIES = 50_000;

export function parseSitemap(xml: string, baseUrl?: string): ParsedSitemap {
  const root = parseXml(xml.replace(/^\uFEFF/, '').trimStart()).find((r) =>
    ['urlset', 'sitemapindex'].includes(localName(r)),
  );
  if (!root) throw new AppError('feed_invalid', 'Not a sitemap: no urlset or sitemapindex element');
  const isIndex = localName(root) === 'sitemapindex';
  const entries: SitemapEntry[] = [];
  for (const el of childElements(root)) {
    if (entries.length >= MAX_ENTRIES) break;
    if (localName(el) !== (isIndex ? 'sitemap' : 'url')) continue;
    const loc = child(el, 'loc');
    const url = loc ? safeHttpUrl(innerText(loc), baseUrl) : null;
    if (!url) continue;
    const news = child(el, 'news:news', 'news');
    const published = news ? child(news, 'publication_date') : undefined;
    const lastmod = child(el, 'lastmod');
    const title = news ? child(news, 'title') : undefined;
    entries.push({
      url,
      lastmod: parseFeedDate(published ? innerText(published) : lastmod ? innerText(lastmod) : null),
      title: title ? innerText(title).replace(/\s+/g, ' ').trim() || null : null,
    });
  }
  return isIndex ? { kind: 'index', sitemaps: entries } : { kind: 'urlset', entries };
}

/**
 * Entries worth crawling now: dated ones within `maxAgeDays`, newest first; undated ones after them,
 * up to `limit` in all (an undated sitemap of a whole archive must not become 50,000 fetches).
 */
export function recentEntries(
  entries: SitemapEntry[],
  now: Date,
  maxAgeDays: number,
  limit: number,
): SitemapEntry[] {
  const since = now.getTime() - maxAgeDays * 86_400_000;
  const dated = entries
    .filter((e) => e.lastmod && Date.parse(e.lastmod) >= since)
    .sort((a, b) => Date.parse(b.lastmod!) - Date.parse(a.lastmod!));
  const undated = entries.filter((e) => !e.lastmod);
  return [...dated, ...undated].slice(0, limit);
}
