export type Sentence = { start: number; end: number; text: string };

const segmenters = new Map<string, Intl.Segmenter>();
const segmenterFor = (lang: string) => {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
};

/**
 * Abbreviations after which ICU wrongly ends a sentence in news text (English months and titles,
 * Vietnamese titles and "TP." for city). The next segment is joined back.
 */
const ABBREVIATION_END =
  /(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sen|Rep|Gov|St|No|Nos|vs|etc|approx|Inc|Ltd|Co|Corp|U\.S|U\.N|TP|Th\.S|TS|PGS|GS|ThS|Q|P|[A-Z])\.\s*$/u;

/**
 * Titles that precede a name, so the next word is capitalised and ICU takes it for a new sentence:
 * "Mr. Smith", "TP. Hồ Chí Minh" (city), "PGS. TS." (academic titles). Always joined.
 */
const TITLE_END =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sen|Rep|Gov|St|Mt|Ft|Capt|Adm|Amb|Pres|Sr|Jr|TP|Tp|PGS|GS|TS|ThS|Th\.S|BS|KS|LS|NXB|TT)\.\s*$/u;

/** Chinese and Japanese attribution after a closing quote: "“……。”外交部发言人说。" is one sentence. */
const CJK_ATTRIBUTION = /^[^。！？!?]{1,24}(?:说|表示|称|指出|强调|宣布|介绍|言う|述べた|と語った)[。．.]?$/u;
const CJK_QUOTE_END = /[。！？!?][”」』]$/u;

function shouldJoin(previous: string, next: string): boolean {
  if (TITLE_END.test(previous) && /^[\p{Lu}\p{N}]/u.test(next)) return true;
  if (ABBREVIATION_END.test(previous) && /^[\p{Ll}\p{N}]/u.test(next)) return true;
  return CJK_QUOTE_END.test(previous) && CJK_ATTRIBUTION.test(next);
}

/**
 * Sentences with character offsets into `text`. Paragraph breaks always end a sentence; surrounding
 * whitespace is trimmed from each span.
 */
export function segmentSentences(text: string, lang = 'en'): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = /[^\n]+/g;
  for (let p = paragraphs.exec(text); p; p = paragraphs.exec(text)) {
    let pending: Sentence | undefined;
    for (const segment of segmenterFor(lang).segment(p[0])) {
      const raw = segment.segment;
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (!trimmed) continue;
      const start = p.index + segment.index + lead;
      const end = start + trimmed.length;
      if (pending && shouldJoin(pending.text, trimmed)) {
        pending = { start: pending.start, end, text: text.slice(pending.start, end) };
        continue;
      }
      if (pending) out.push(pending);
      pending = { start, end, text: trimmed };
    }
    if (pending) out.push(pending);
  }
  return out;
}
