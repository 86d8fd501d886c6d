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
