/** NFC, the form all stored text and all dictionaries use. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Lower-case and without tone marks or other diacritics ("Hàn Quốc" → "han quoc", "Đà Nẵng" → "da nang"),
 * so that Vietnamese typed without accents still matches. Length-preserving for precomposed Latin text,
 * so offsets found in the folded text point into the original.
 */
export function foldDiacritics(text: string): string {
  let out = '';
  for (const char of text) {
    const folded = char
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    // Keep the length of each original code unit run so offsets stay valid.
    out +=
      folded.length === char.length
        ? folded
        : char.toLowerCase().length === char.length
          ? char.toLowerCase()
          : char;
  }
  return out;
}

const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** The base letter and tone mark of a precomposed vowel ("à" → ["a", U+0300]). */
function splitTone(char: string): [string, string | undefined] {
  const decomposed = char.normalize('NFD');
  const tone = [...decomposed].find((c) => TONES.includes(c));
  return [tone ? decomposed.replace(tone, '').normalize('NFC') : char, tone];
}

/**
 * Vietnamese has two conventions for where the tone mark sits in open syllables ending in oa, oe, uy:
 * old "hoà, thoả, thuỷ" and new "hòa, thỏa, thủy". Both are common in the press; this moves marks to the
 * new style (the one our data and gazetteers use). Length-preserving on NFC text, so offsets hold.
 */
export function normaliseToneMarks(text: string): string {
  return text.replace(/([oOuU])([\p{L}])(?![\p{L}\p{M}])/gu, (whole, first: string, second: string) => {
    const [base, tone] = splitTone(second);
    const isCluster = /[oO]/.test(first) ? /^[aAeE]$/.test(base) : /^[yY]$/.test(base);
    if (!tone || !isCluster) return whole;
    return `${(first + tone).normalize('NFC')}${base}`;
  });
}

/** Removes the five tone marks only, keeping the letters ă â ê ô ơ ư đ ("Việt Nam" → "Viêt Nam"). */
export function removeToneMarks(text: string): string {
  return [...text.normalize('NFD')]
    .filter((c) => !TONES.includes(c))
    .join('')
    .normalize('NFC');
}
