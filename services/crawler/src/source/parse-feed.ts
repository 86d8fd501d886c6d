import { AppError } from '@claimwatch/shared/errors';
import { parseFeed as parseAnyFeed } from 'feedsmith';

export type FeedItem = {
  title: string | null;
  link: string | null;
  /** ISO 8601 in UTC, or null when absent or unparseable. */
  published: string | null;
  /** Plain text: markup from the feed is never passed through. */
  summary: string | null;
};

export type ParsedFeed = { title: string | null; items: FeedItem[] };

type TextLike = string | { value?: string } | undefined | null;

const textOf = (value: TextLike): string | null => {
  const raw = typeof value === 'string' ? value : (value?.value ?? null);
  if (raw === null) return null;
  const text = htmlToText(raw);
  return text === '' ? null : text;
};

/** Strips markup (including script/style content) and decodes entities: feed text is shown as text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript|iframe|object|template)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => decodeEntity(entity, code))
    .replace(/\s+/g, ' ')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity(entity: string, code: string): string {
  if (code.startsWith('#x') || code.startsWith('#X'))
    return safeCodePoint(Number.parseInt(code.slice(2), 16), entity);
  if (code.startsWith('#')) return safeCodePoint(Number.parseInt(code.slice(1), 10), entity);
  return NAMED[code.toLowerCase()] ?? entity;
}

function safeCodePoint(cp: number, fallback: string): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

export function toIsoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed into one shape; throws `feed_invalid`. */
export function parseFeed(content: string): ParsedFeed {
  let parsed: ReturnType<typeof parseAnyFeed>;
  try {
    parsed = parseAnyFeed(content);
  } catch (error) {
    throw new AppError(
      'feed_invalid',
      `Not a feed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { format, feed } = parsed;
  switch (format) {
    case 'rss':
    case 'rdf':
      return {
        title: textOf(feed.title),
        items: (feed.items ?? []).map((item) => {
          const i = item as {
            title?: string;
            link?: string;
            description?: string;
            pubDate?: string;
            dc?: { date?: string };
          };
          return {
            title: textOf(i.title),
            link: i.link?.trim() || null,
            published: toIsoDate(i.pubDate ?? i.dc?.date),
            summary: textOf(i.description),
          };
        }),
      };
    case 'atom':
      return {
        title: textOf(feed.title as TextLike),
        items: (feed.entries ?? []).map((entry) => {
          const links = (entry.links ?? []) as { href?: string; rel?: string }[];
          const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
          return {
            title: textOf(entry.title as TextLike),
            link: link?.href?.trim() || null,
            published: toIsoDate((entry.published ?? entry.updated) as string | undefined),
            summary: textOf((entry.summary ?? entry.content) as TextLike),
          };
        }),
      };
    case 'json':
      return {
        title: textOf(feed.title),
        items: (feed.items ?? []).map((item) => ({
          title: textOf(item.title),
          link: item.url?.trim() || null,
          published: toIsoDate(typeof item.date_published === 'string' ? item.date_published : null),
          summary: textOf(item.summary ?? item.content_html ?? item.content_text),
        })),
      };
    default: {
      const exhaustive: never = format;
      throw new AppError('feed_invalid', `Unsupported feed format ${String(exhaustive)}`);
    }
  }
}
