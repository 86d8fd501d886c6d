/**
 * Removes what is never article text before any extractor looks at the page: scripts and styles, hidden
 * elements, widgets, navigation, and blocks whose class or id names boilerplate (sharing, related links,
 * newsletters, comments, captions…). A boilerplate-named element is kept when it holds much of the page's
 * non-link text: some sites name their article container `post-comments-wrapper`.
 * Style attributes go too (after being read for `display:none`): jsdom's CSS parser throws on some.
 */
const NEVER_TEXT =
  'script,style,noscript,template,iframe,object,embed,svg,canvas,video,audio,input,select,textarea,button,link,meta,dialog';
const CHROME = 'nav,aside,[role="navigation"],[role="complementary"],[role="banner"],[role="contentinfo"]';
const CAPTIONS = 'figcaption,[class*="caption" i],[class*="credit" i]';
const BOILERPLATE =
  /(^|[\s_-])(share|sharing|social|sociable|related|recommend\w*|newsletter|subscri\w*|signup|promo\w*|advert\w*|ads?|adv|sponsor\w*|cookie\w*|consent|gdpr|breadcrumbs?|comments?|disqus|respond|reply|author-?(bio|box|info)|about-?the-?author|tag-?(list|cloud)|tags|read-?more|more-?(stories|articles|news)|popular|trending|most-?(read|viewed)|outbrain|taboola|paywall|pagination|pager|toolbar|print|rating|widget|sidebar|footer|masthead|menu|modal|popup|banner)($|[\s_-])/i;
const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;

function paragraphChars(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll('p')) total += p.textContent?.length ?? 0;
  return total;
}

/** Text outside links: what an article container has a lot of and a menu has little of. */
function contentChars(el: Element): number {
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += a.textContent?.length ?? 0;
  return Math.max(0, (el.textContent?.length ?? 0) - links);
}

export function cleanDocument(document: Document): void {
  const body = document.body;
  if (!body) return;
  for (const el of [...document.querySelectorAll(NEVER_TEXT)]) el.remove();
  for (const el of [...body.querySelectorAll('[hidden],[aria-hidden="true"],[style]')]) {
    const style = el.getAttribute('style') ?? '';
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || HIDDEN_STYLE.test(style)) {
      // An aria-hidden wrapper of real paragraphs is a screen-reader quirk, not hidden content.
      if (el.getAttribute('aria-hidden') === 'true' && (el.textContent?.length ?? 0) > 500) continue;
      el.remove();
    } else el.removeAttribute('style');
  }
  const totalParagraphs = paragraphChars(body);
  const totalContent = Math.max(1, contentChars(body));
  const isMostOfPage = (el: Element) =>
    (totalParagraphs > 0 && paragraphChars(el) > totalParagraphs * 0.4) ||
    contentChars(el) > totalContent * 0.4;
  for (const el of [...body.querySelectorAll(CHROME)]) if (el.isConnected && !isMostOfPage(el)) el.remove();
  for (const el of [...body.querySelectorAll(CAPTIONS)]) {
    if (el.isConnected && (el.textContent?.length ?? 0) < 400) el.remove();
  }
  for (const el of [...body.querySelectorAll('[class],[id]')]) {
    if (!el.isConnected || el === body) continue;
    const names = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (names.length > 300 || !BOILERPLATE.test(names)) continue;
    if (!isMostOfPage(el)) el.remove();
  }
}
