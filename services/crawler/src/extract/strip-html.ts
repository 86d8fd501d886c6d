/**
 * Cheap textual pre-pass before jsdom: drops script bodies (except JSON-LD, read for metadata) and style
 * sheets, and turns inline styles into a `hidden` attribute when they hide the element, dropping them
 * otherwise. jsdom's CSS parser throws on some real-world styles, and none of it is text; parsing less
 * also makes the DOM faster to build.
 */
const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const STYLE_SHEET = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
const STYLE_ATTRIBUTE = /(<[a-z][\w:-]*\b[^<>]*?)\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const HIDING = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function stripHtml(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string) => (/ld\+json/i.test(attributes) ? whole : ''))
    .replace(STYLE_SHEET, '')
    .replace(STYLE_ATTRIBUTE, (_whole, before: string, value: string) =>
      HIDING.test(value) ? `${before} hidden` : before,
    );
}
