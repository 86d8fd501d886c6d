/**
 * Removes what is never article text before any extractor looks at the page: scripts and widgets,
 * hidden elements, navigation, captions, and blocks whose class or id names boilerplate (sharing,
 * related links, newsletters, comments…). Nothing is removed that contains the page's main text
 * candidate (a quick paragraph-scoring pass, boilerplate-named containers penalised) or holds 40% of the
 * page's paragraph or non-link text: some sites name their article wrapper `widget` or `has-sidebar`.
 */
const NEVER_TEXT =
  'script,style,template,iframe,object,embed,svg,canvas,video,audio,input,select,textarea,button,link,meta,dialog';
const CHROME = 'nav,aside,[role="navigation"],[role="complementary"],[role="banner"],[role="contentinfo"]';
const CAPTIONS = 'figcaption,[class*="caption" i],[class*="credit" i]';
export const BOILERPLATE =
  /(^|[\s_-])(share|sharing|social|sociable|related|recommend\w*|newsletter|subscri\w*|signup|promo\w*|advert\w*|sponsor\w*|cookie\w*|consent|gdpr|breadcrumbs?|comments?|disqus|respond|reply|author-?(bio|box|info)|about-?the-?author|tag-?(list|cloud)|tags|more-?(stories|articles|news)|popular|trending|most-?(read|viewed)|outbrain|taboola|pagination|pager|toolbar|rating|sidebar|footer|masthead|menu|modal|popup|banner)($|[\s_-])/i;

const namesOf = (el: Element) => `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
const isBoilerplateNamed = (el: Element) => {
  const names = namesOf(el);
  return names.length <= 300 && BOILERPLATE.test(names);
};

function linkChars(el: Element): number {
  let total = 0;
  for (const a of el.querySelectorAll('a')) total += a.textContent?.length ?? 0;
  return total;
}

/**
 * The element holding most prose: paragraph-like elements score their parent fully and their grandparent
 * half; text written straight into a container (`<div>text<br>text</div>`) scores the container itself.
 */
function findMainCandidate(body: Element): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, score: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const p of body.querySelectorAll('p, pre, blockquote, td, li')) {
    const text = p.textContent ?? '';
    if (text.length < 40) continue;
    const score = Math.max(0, text.length - 2 * linkChars(p));
    add(p.parentElement, score);
    add(p.parentElement?.parentElement ?? null, score / 2);
  }
  for (const el of body.querySelectorAll('div, section, article, main, span, font')) {
    let direct = 0;
    for (const node of el.childNodes) if (node.nodeType === 3) direct += node.nodeValue?.trim().length ?? 0;
    if (direct < 40) continue;
    add(el, direct);
    add(el.parentElement, direct / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const weighted = isBoilerplateNamed(el) ? score * 0.2 : score;
    if (weighted > bestScore) {
      best = el;
      bestScore = weighted;
    }
  }
  return best;
}

function paragraphChars(el: Element): number {
  let total = 0;
  for (const p of el.querySelectorAll('p')) total += p.textContent?.length ?? 0;
  return total;
}

/** Cleans the document in place; returns the main text candidate (still in the document), if any. */
export function cleanDocument(document: Document): Element | null {
  const body = document.body;
  if (!body) return null;
  for (const el of [...document.querySelectorAll(NEVER_TEXT)]) el.remove();
  const main = findMainCandidate(body);
  const totalParagraphs = paragraphChars(body);
  const totalContent = Math.max(1, (body.textContent?.length ?? 0) - linkChars(body));
  const isProtected = (el: Element) =>
    (!!main && el.contains(main)) ||
    (totalParagraphs > 0 && paragraphChars(el) > totalParagraphs * 0.4) ||
    (el.textContent?.length ?? 0) - linkChars(el) > totalContent * 0.4;
  for (const el of [...body.querySelectorAll('[hidden],[aria-hidden="true"]')]) {
    if (el.isConnected && !isProtected(el)) el.remove();
  }
  for (const el of [...body.querySelectorAll(CHROME)]) if (el.isConnected && !isProtected(el)) el.remove();
  for (const el of [...body.querySelectorAll(CAPTIONS)]) {
    if (el.isConnected && (el.textContent?.length ?? 0) < 300 && !isProtected(el)) el.remove();
  }
  for (const el of [...body.querySelectorAll('[class],[id]')]) {
    if (el.isConnected && isBoilerplateNamed(el) && !isProtected(el)) el.remove();
  }
  return main?.isConnected ? main : null;
}
