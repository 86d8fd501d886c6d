import type { TextBlock } from './text-blocks.ts';

/**
 * Drops the boilerplate that survives inside an article container: "read also" teasers, share, rate and
 * follow prompts, copyright lines, lists of links, date-only lines, and the short headings and labels
 * left dangling at the end once the list they introduced is gone. Only short blocks are judged; a long
 * paragraph is article text even when it mentions "subscribe".
 */
const TEASER =
  /^(read|see|watch|listen|related|more|also read|read also|read more|recommended|you (might|may) also like|lea (también|más|además)|lee también|mira|ver también|puedes ver|à lire aussi|lire aussi|voir aussi|lesen sie (auch|mehr)|mehr (zum thema|zu)|weitere (beiträge|artikel|informationen)|zum weiterlesen|auch interessant|das könnte sie auch interessieren|beiträge zum thema|neueste artikel|leggi anche|xem thêm|đọc thêm|tin liên quan|bài liên quan|читайте также|相关阅读|延伸阅读)\b/i;
const PROMPT =
  /\b(share (this|on)|follow (us|the)|sign up|subscribe|newsletter|all rights reserved|copyright ©|©\s*\d{4}|click here|we want to hear|teilen sie|jetzt (abonnieren|teilen)|nicht zu teilen|den artikel teilen|artikel (nützlich|gefallen)|wie bewerten sie|bewertungen|keine kommentare|kommentare (insgesamt|geschlossen)|nicht eingeloggt|werbung|anzeige|advertisement|publicidad|suscríbete|abonnez-vous|zapraszamy|đăng ký nhận|theo dõi chúng tôi)\b/i;
/** Image credits and source labels. */
const CREDIT =
  /^(titelbild|bildquelle|bild|foto|fotos|photo|photos|image|images|credit|credits|quelle|source|fuente|ảnh|nguồn)\s*:|\|\s*(foto|photo|bild)?\s*[\p{Lu}][\p{L}.-]+(\s[\p{Lu}][\p{L}.-]+)?$|^(©|\(c\))/iu;
const TOC = /^(inhaltsverzeichnis|table of contents|contents|sommaire|índice|indice|mục lục|目录)$/i;
const MONTH =
  '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|tháng)[a-zäéû]*\\.?';
const DATE_ONLY = new RegExp(
  `^([a-zäöüß]+\\s+(am|on|le|el)\\s+)?([a-zäöüß]+,?\\s+)?(\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4})?[,\\s]*(\\d{1,2}:\\d{2}(:\\d{2})?\\s*(am|pm|uhr|h)?)?$`,
  'i',
);

export function isBoilerplateBlock(block: TextBlock): boolean {
  const text = block.text;
  const length = text.length;
  if (length === 0) return true;
  if (length < 220 && TEASER.test(text) && (length < 60 || /[:|»›>]/.test(text.slice(0, 40)))) return true;
  if (length < 160 && PROMPT.test(text)) return true;
  if (length < 40 && (TOC.test(text) || DATE_ONLY.test(text))) return true;
  if (length < 100 && CREDIT.test(text)) return true;
  // A short block that is (almost) all link text is navigation or a teaser list item.
  if (length < 200 && block.linkChars / length > 0.6) return true;
  return false;
}

const ENDS_LIKE_PROSE = /[.!?…"»”’)\]]$/;

/** A short block at the very end that does not end like a sentence: a label, heading or byline. */
function isDanglingTail(block: TextBlock): boolean {
  if (block.text.length >= 100) return false;
  return (
    /^h[1-6]$/.test(block.tag) ||
    block.text.endsWith(':') ||
    (block.text.length < 30 && !ENDS_LIKE_PROSE.test(block.text) && block.tag !== 'li')
  );
}

export function filterBlocks(blocks: TextBlock[]): TextBlock[] {
  const kept = blocks.filter((b) => !isBoilerplateBlock(b));
  while (kept.length > 1 && isDanglingTail(kept[kept.length - 1]!)) kept.pop();
  return kept;
}
