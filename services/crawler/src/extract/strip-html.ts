/**
 * Cheap textual pre-pass before jsdom: drops script bodies (except JSON-LD, read for metadata, and HTML templates,
 * unwrapped) and style
 * sheets and <noscript> blocks, and turns inline styles into a `hidden` attribute when they hide the element, dropping them
 * otherwise. jsdom's CSS parser throws on some real-world styles, and none of it is text; parsing less
 * also makes the DOM faster to build.
 */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE_SHEET = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;
// A browser running scripts treats <noscript> content as raw text: dropped here textually, because parsed
// as markup an unclosed element inside it can swallow the rest of the page.
const NOSCRIPT = /<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>/gi;
const STYLE_ATTRIBUTE = /(<[a-z][\w:-]*\b[^<>]*?)\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const HIDING = /display\s*:\s*none|visibility\s*:\s*hidden/i;

export function stripHtml(html: string): string {
  return html
    .replace(SCRIPT, (whole, attributes: string, body: string) => {
      if (/ld\+json/i.test(attributes)) return whole;
      // Client-side templates (Blogger and others) hold the article as HTML inside a script.
      if (/type\s*=\s*["']?text\/(template|html|x-template)/i.test(attributes) && /<p[\s>]/i.test(body))
        return `<div>${body}</div>`;
      return '';
    })
    .replace(STYLE_SHEET, '')
    .replace(NOSCRIPT, '')
    .replace(STYLE_ATTRIBUTE, (_whole, before: string, value: string) =>
      HIDING.test(value) ? `${before} hidden` : before,
    );
}
