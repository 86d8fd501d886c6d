import { foldDiacritics, nfc } from '../normalise-text.ts';

export type EntityKind = 'country' | 'organisation' | 'term';

/**
 * One surface form of a language-neutral entity id ("Hàn Quốc" → country KR). Terms carry their
 * category from relations.json (partnership_level, visit, agreement, membership, economy, maritime…);
 * organisations their kind from organisations.json (trade_agreement, regional_organisation…).
 */
export type GazetteerEntry = {
  id: string;
  kind: EntityKind;
  surface: string;
  lang: string;
  category?: string;
};

/**
 * An entity found in a sentence; offsets index into the sentence text. Stored in `claims.entities` as is.
 * `category` (terms and organisations) is an addition: readers that know only id/kind/start/end/surface are
 * unaffected.
 */
export type EntityMention = {
  id: string;
  kind: EntityKind;
  start: number;
  end: number;
  surface: string;
  category?: string;
};

export type Gazetteer = {
  /** Mentions in `text`, longest match first, non-overlapping, in text order. */
  find(text: string): EntityMention[];
  size: number;
};

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How a surface form must match. Acronyms ("US", "UN") and one-word names of four letters or fewer
 * ("Mỹ", "Anh", "Nga") match only as written: in lower case they are ordinary words ("us", "anh" =
 * brother). Longer names match in any case, and multi-word names also without tone marks
 * ("han quoc"). CJK names match anywhere (no spaces between words).
 */
type MatchMode = 'exact' | 'caseless' | 'cjk';

function modeFor(surface: string): MatchMode {
  if (CJK.test(surface)) return 'cjk';
  const isAcronym = surface === surface.toUpperCase() && /\p{Lu}/u.test(surface);
  const words = surface.split(/\s+/);
  if (isAcronym || (words.length === 1 && [...surface].length <= 4)) return 'exact';
  return 'caseless';
}

/**
 * `blockers` are phrases that contain a surface form but do not mean the entity ("Lào Cai" is a province,
 * not Laos; "tiếng Anh" is the English language): they win the longest match and are then dropped.
 */
export function buildGazetteer(entries: GazetteerEntry[], blockers: string[] = []): Gazetteer {
  const lookup = new Map<string, GazetteerEntry>();
  const exact: string[] = [];
  const caseless: string[] = [];
  const folded: string[] = [];
  const cjk: string[] = [];
  const blockerEntry = (surface: string): GazetteerEntry => ({ id: '', kind: 'term', surface, lang: '' });
  for (const entry of [...blockers.map(blockerEntry), ...entries]) {
    const surface = nfc(entry.surface.trim());
    if (!surface) continue;
    const mode = modeFor(surface);
    const add = (key: string, list: string[]) => {
      if (!lookup.has(key)) {
        lookup.set(key, entry);
        list.push(key);
      }
    };
    if (mode === 'exact') add(`E:${surface}`, exact);
    else if (mode === 'cjk') add(`J:${surface}`, cjk);
    else {
      add(`C:${surface.toLowerCase()}`, caseless);
      if (surface.includes(' ')) add(`F:${foldDiacritics(surface)}`, folded);
    }
  }
  const pattern = (keys: string[], boundaries: boolean, flags: string) => {
    if (keys.length === 0) return undefined;
    const body = keys
      .map((k) => k.slice(2))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    return boundaries
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags)
      : new RegExp(`(?:${body})`, flags);
  };
  const passes = [
    { prefix: 'E:', regex: pattern(exact, true, 'gu'), view: (t: string) => t },
    { prefix: 'C:', regex: pattern(caseless, true, 'gu'), view: (t: string) => t.toLowerCase() },
    { prefix: 'F:', regex: pattern(folded, true, 'gu'), view: foldDiacritics },
    { prefix: 'J:', regex: pattern(cjk, false, 'gu'), view: (t: string) => t },
  ];

  return {
    size: lookup.size,
    find(rawText) {
      const text = nfc(rawText);
      const found: EntityMention[] = [];
      for (const { prefix, regex, view } of passes) {
        if (!regex) continue;
        const viewed = view(text);
        // Views that change length (rare casing edge cases) would shift offsets: skip them.
        if (viewed.length !== text.length) continue;
        regex.lastIndex = 0;
        for (let m = regex.exec(viewed); m; m = regex.exec(viewed)) {
          const entry = lookup.get(prefix + m[0]);
          // A tone-mark-free match counts only where the text itself is typed without marks: "hòa kỳ"
          // written with marks is not "Hoa Kỳ".
          if (prefix === 'F:' && /[^ -~]/u.test(text.slice(m.index, m.index + m[0].length))) {
            if (lookup.get(`C:${text.slice(m.index, m.index + m[0].length).toLowerCase()}`) !== entry)
              continue;
          }
          if (entry)
            found.push({
              id: entry.id,
              kind: entry.kind,
              start: m.index,
              end: m.index + m[0].length,
              surface: text.slice(m.index, m.index + m[0].length),
              ...(entry.category ? { category: entry.category } : {}),
            });
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
      const kept: EntityMention[] = [];
      for (const mention of found) {
        const last = kept[kept.length - 1];
        if (last && mention.start < last.end) continue;
        kept.push(mention);
      }
      return kept.filter((m) => m.id !== '');
    },
  };
}
