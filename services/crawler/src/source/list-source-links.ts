import { gunzipSync } from 'node:zlib';
import type { SourceRow } from '@claimwatch/shared/db';
import { decodeHtml } from '../extract/decode-html.ts';
import type { HttpResponse } from '../fetch/http-fetch.ts';
import { type FetchDeps, politeFetchWaiting } from '../fetch/polite-fetch.ts';
import { parseFeed } from './feed/parse-feed.ts';
import { discoverFeedUrls, extractListingLinks, type ListingSelectors } from './listing/listing-links.ts';
import { parseSitemap, recentEntries } from './sitemap/parse-sitemap.ts';

/** One article URL a source lists, with what the listing says about it. */
export type ListedItem = { url: string; title: string | null; publishedAt: Date | null };

export const FEED_ACCEPT =
  'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';
const SITEMAP_CHILDREN = 5;
const SITEMAP_LIMIT = 1000;

/** Text of a listing body; gzipped sitemaps (`.xml.gz` served as a file) are unpacked within the size cap. */
export function bodyText(response: HttpResponse, maxBytes: number): string {
  let body = response.body;
  if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body, { maxOutputLength: maxBytes });
  return decodeHtml(body, response.headers['content-type']).html;
}

function selectorsOf(source: SourceRow): ListingSelectors {
  const raw = typeof source.selectors === 'string' ? JSON.parse(source.selectors) : source.selectors;
  return raw && typeof raw === 'object' ? (raw as ListingSelectors) : {};
}

const toItem = (url: string, title: string | null, published: string | null): ListedItem => ({
  url,
  title,
  publishedAt: published ? new Date(published) : null,
});

/**
 * The article links a source lists, by kind: feed items, recent sitemap entries (following an index to
 * its newest child sitemaps), links picked by CSS selectors on a listing page, or the feed a homepage
 * advertises (its links when it advertises none).
 */
export async function listSourceLinks(
  deps: FetchDeps,
  source: SourceRow,
  response: HttpResponse,
  now: Date,
): Promise<ListedItem[]> {
  const text = bodyText(response, deps.config.maxBodyBytes);
  switch (source.kind) {
    case 'feed':
      return parseFeed(text, response.url).items.flatMap((i) =>
        i.link ? [toItem(i.link, i.title, i.published)] : [],
      );
    case 'sitemap': {
      const sitemap = parseSitemap(text, response.url);
      if (sitemap.kind === 'urlset') {
        return recentEntries(sitemap.entries, now, deps.config.sitemapMaxAgeDays, SITEMAP_LIMIT).map((e) =>
          toItem(e.url, e.title, e.lastmod),
        );
      }
      const children = recentEntries(sitemap.sitemaps, now, deps.config.sitemapMaxAgeDays, SITEMAP_CHILDREN);
      const items: ListedItem[] = [];
      for (const child of children) {
        const childResponse = await politeFetchWaiting(deps, child.url, { accept: FEED_ACCEPT });
        const parsed = parseSitemap(bodyText(childResponse, deps.config.maxBodyBytes), childResponse.url);
        if (parsed.kind !== 'urlset') continue; // indexes of indexes are not followed
        const recent = recentEntries(parsed.entries, now, deps.config.sitemapMaxAgeDays, SITEMAP_LIMIT);
        items.push(...recent.map((e) => toItem(e.url, e.title, e.lastmod)));
      }
      return items.slice(0, SITEMAP_LIMIT);
    }
    case 'listing':
      return extractListingLinks(text, response.url, selectorsOf(source)).map((l) =>
        toItem(l.url, l.title, null),
      );
    case 'homepage': {
      const [feedUrl] = discoverFeedUrls(text, response.url);
      if (feedUrl) {
        const feed = await politeFetchWaiting(deps, feedUrl, { accept: FEED_ACCEPT });
        return parseFeed(bodyText(feed, deps.config.maxBodyBytes), feed.url).items.flatMap((i) =>
          i.link ? [toItem(i.link, i.title, i.published)] : [],
        );
      }
      return extractListingLinks(text, response.url, selectorsOf(source)).map((l) =>
        toItem(l.url, l.title, null),
      );
    }
    case 'url':
      return [toItem(source.url, null, null)];
    default: {
      const exhaustive: never = source.kind;
      return exhaustive;
    }
  }
}
