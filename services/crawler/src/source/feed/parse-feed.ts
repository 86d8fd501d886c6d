import { AppError } from '@claimwatch/shared/errors';
import { parseFeedDate } from './feed-date.ts';
import { htmlToText } from './feed-text.ts';
import {
  attr,
  baseUriOf,
  child,
  childElements,
  findAll,
  findFirst,
  innerHtml,
  innerText,
  localName,
  parseXml,
  type XmlElement,
} from './feed-xml.ts';

export type FeedItem = {
  title: string | null;
  /** Absolute http(s) URL when it can be resolved; never a javascript:/data: URL. */
  link: string | null;
  /** ISO 8601 with the publisher's offset (`2017-11-14T17:42:01+07:00`), or null. */
  published: string | null;
  /** Plain text: markup from the feed is never passed through. */
  summary: string | null;
};

export type ParsedFeed = { title: string | null; items: FeedItem[] };

/** Bounds the work on absurd feeds; a real feed lists tens to a few hundred items. */
const MAX_ITEMS = 5000;
const MAX_FIELD_CHARS = 20_000;

const FEED_ROOTS = ['rss', 'rdf', 'feed', 'channel', 'scriptingnews'];

/**
 * Parses RSS 0.9x/1.0/2.0, Atom 0.3/1.0, CDF and JSON Feed into one shape, forgivingly: ill-formed XML
 * still yields what can be read. Throws `feed_invalid` only when the document is not a feed at all.
 * `baseUrl` (the feed's own URL) resolves relative links.
 */
export function parseFeed(content: string, baseUrl?: string): ParsedFeed {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, baseUrl);
  const roots = parseXml(trimmed);
  const root = roots.find((r) => FEED_ROOTS.includes(localName(r))) ?? findFeedRootBelow(roots);
  if (!root) throw new AppError('feed_invalid', 'Not a feed: no rss, rdf, feed or channel element');
  const isAtom = localName(root) === 'feed';
  const channel = isAtom ? root : (findFirst(root, ['channel']) ?? root);
  const entries = findAll(root, isAtom ? 'entry' : 'item', MAX_ITEMS);
  // An RSS document with Atom entries (or the reverse) still lists them.
  const others = entries.length === 0 ? findAll(root, isAtom ? 'item' : 'entry', MAX_ITEMS) : [];
  return {
    title: textField(child(channel, 'title')),
    items: [...entries, ...others].map((entry) => readItem(entry, baseUrl)),
  };
}

function findFeedRootBelow(roots: XmlElement[]): XmlElement | undefined {
  for (const root of roots) {
    // Not an HTML page that happens to mention <channel> somewhere deep inside.
    if (localName(root) === 'html') continue;
    const found = findFirst(root, ['feed', 'channel', 'rss']);
    if (found) return found;
  }
  return undefined;
}

function readItem(entry: XmlElement, baseUrl: string | undefined): FeedItem {
  return {
    title: textField(child(entry, 'title', 'media:title')),
    link: linkOf(entry, baseUriOf(entry, baseUrl)),
    published: dateOf(entry),
    summary: textField(
      child(entry, 'description', 'summary', 'abstract', 'subtitle') ??
        child(entry, 'content:encoded', 'encoded') ??
        child(entry, 'content', 'body', 'fullitem', 'itunes:summary', 'media:description'),
    ),
  };
}

function textField(el: XmlElement | undefined): string | null {
  if (!el) return null;
  // Atom 0.3 `mode="base64"`.
  const raw = isBase64Content(el) ? Buffer.from(innerText(el), 'base64').toString('utf8') : innerHtml(el);
  const text = htmlToText(raw.length > MAX_FIELD_CHARS * 5 ? raw.slice(0, MAX_FIELD_CHARS * 5) : raw);
  if (!text) return null;
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}…` : text;
}

/** Atom 0.3 `mode="base64"`, or Atom 1.0 content whose type is a non-text MIME type. */
function isBase64Content(el: XmlElement): boolean {
  if (attr(el, 'mode')?.toLowerCase() === 'base64') return true;
  const type = attr(el, 'type')?.toLowerCase();
  return !!type && type.includes('/') && !/^text\/|[+/]xml$|html/.test(type);
}

const PUBLISHED = ['pubdate', 'published', 'issued', 'dc:date', 'date', 'created', 'dcterms:issued'];
const UPDATED = ['updated', 'modified', 'dcterms:modified', 'lastbuilddate'];

function dateOf(entry: XmlElement): string | null {
  for (const name of [...PUBLISHED, ...UPDATED]) {
    const el = child(entry, name);
    const parsed = el ? parseFeedDate(innerText(el)) : null;
    if (parsed) return parsed;
  }
  const lastMod = attr(entry, 'lastmod'); // CDF
  return lastMod ? parseFeedDate(lastMod) : null;
}

function linkOf(entry: XmlElement, base: string | undefined): string | null {
  const candidates: string[] = [];
  const origLink = child(entry, 'feedburner:origlink');
  if (origLink) candidates.push(innerText(origLink));
  const links = childElements(entry).filter((c) => localName(c) === 'link');
  // Atom: the alternate HTML link first, then any href; RSS: the element text.
  const alternate = links
    .filter((l) => attr(l, 'href') !== undefined)
    .sort((a, b) => linkRank(a) - linkRank(b));
  for (const l of alternate) if (linkRank(l) < 3) candidates.push(attr(l, 'href')!);
  for (const l of links) if (attr(l, 'href') === undefined) candidates.push(innerText(l));
  const guid = child(entry, 'guid', 'id');
  if (guid && attr(guid, 'ispermalink')?.toLowerCase() !== 'false') candidates.push(innerText(guid));
  const href = attr(entry, 'href') ?? attr(entry, 'about'); // CDF <ITEM HREF>, RSS 1.0 rdf:about
  if (href) candidates.push(href);
  for (const candidate of candidates) {
    const url = safeHttpUrl(candidate, base);
    if (url) return url;
  }
  return null;
}

function linkRank(link: XmlElement): number {
  const rel = (attr(link, 'rel') ?? 'alternate').toLowerCase();
  const type = (attr(link, 'type') ?? 'text/html').toLowerCase();
  if (rel === 'alternate') return type.includes('html') ? 0 : 1;
  if (rel === 'self' || rel === 'edit' || rel === 'replies' || rel === 'enclosure') return 3;
  return 2;
}

/** Only http(s) links, resolved against the base; `javascript:` and friends are dropped. */
export function safeHttpUrl(raw: string, base: string | undefined): string | null {
  const value = raw.replace(/\s+/g, '').trim();
  if (!value || value.length > 4096) return null;
  try {
    const url = new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href;
  } catch {
    // No base to resolve against: keep a path-like relative link rather than lose it.
    return /^\/?[\w\-./%~]+(?:\?[\w\-./%~=&;]*)?$/.test(value) && !base ? value : null;
  }
}

type JsonFeedItem = {
  title?: unknown;
  url?: unknown;
  external_url?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  summary?: unknown;
  content_html?: unknown;
  content_text?: unknown;
};

function parseJsonFeed(content: string, baseUrl: string | undefined): ParsedFeed {
  let parsed: { title?: unknown; items?: unknown };
  try {
    parsed = JSON.parse(content) as typeof parsed;
  } catch (error) {
    throw new AppError('feed_invalid', `Not a feed: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.items)) {
    throw new AppError('feed_invalid', 'Not a feed: JSON without an items array');
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const text = (v: unknown) => {
    const s = str(v);
    return s ? htmlToText(s) || null : null;
  };
  return {
    title: text(parsed.title),
    items: (parsed.items as JsonFeedItem[]).slice(0, MAX_ITEMS).map((item) => ({
      title: text(item?.title),
      link: safeHttpUrl(str(item?.url) ?? str(item?.external_url) ?? '', baseUrl),
      published: parseFeedDate(str(item?.date_published) ?? str(item?.date_modified)),
      summary: text(item?.summary ?? item?.content_html ?? item?.content_text),
    })),
  };
}
