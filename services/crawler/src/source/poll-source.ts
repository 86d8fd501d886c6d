import {
  type Db,
  getSource,
  insertDiscoveredPages,
  markSourcePolled,
  type PageRow,
} from '@claimwatch/shared/db';
import { AppError } from '@claimwatch/shared/errors';
import { decodeHtml } from '../extract/decode-html.ts';
import { type FetchDeps, politeFetch } from '../fetch/polite-fetch.ts';
import { parseFeed } from './feed/parse-feed.ts';
import { urlKey } from './url-key.ts';

export type PollDeps = FetchDeps & { db: Db };

export type PollResult = { sourceId: string; listed: number; newPages: PageRow[] };

/** Fetches a source's listing (feed) and records the article pages it lists; returns the new ones. */
export async function pollSource(deps: PollDeps, sourceId: string, now = new Date()): Promise<PollResult> {
  const source = await getSource(deps.db, sourceId);
  if (!source) throw new AppError('not_found', `Source ${sourceId} does not exist`);
  if (!source.is_enabled) return { sourceId, listed: 0, newPages: [] };
  if (source.kind !== 'feed') {
    throw new AppError('input_invalid', `Source kind ${source.kind} is not crawled by this version`);
  }

  const response = await politeFetch(deps, source.url, {
    accept: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5',
  });
  const feed = parseFeed(decodeHtml(response.body, response.headers['content-type']).html);
  const items = feed.items.flatMap((item) => {
    if (!item.link) return [];
    try {
      const absolute = new URL(item.link, response.url).href;
      return [
        {
          url: absolute,
          urlKey: urlKey(absolute),
          title: item.title,
          publishedAt: item.published ? new Date(item.published) : null,
        },
      ];
    } catch {
      return [];
    }
  });
  const newPages = await insertDiscoveredPages(deps.db, source.id, items);
  await markSourcePolled(
    deps.db,
    source.id,
    now,
    new Date(now.getTime() + source.poll_interval_seconds * 1000),
  );
  return { sourceId, listed: items.length, newPages };
}
