/**
 * Recognises Vietnamese typed without tone marks ("Viet Nam va Han Quoc thiet lap quan he…"), which
 * fastText's lid.176 model mistakes for English, French, Italian and a dozen others. Every Vietnamese word
 * is a syllable of a closed shape (onset + vowel cluster + one of eight codas), so nearly all lower-case
 * words of such a sentence fit that shape, while English or French prose rarely passes 60%.
 */
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?(uye|uya|uyu|oai|oay|oeo|uay|uoi|uou|uya|ieu|yeu|uo|oa|oe|uy|ua|ue|ie|ye|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|a|e|i|o|u|y)(ch|ng|nh|[cmnpt])?$/;

/** Frequent Vietnamese function words and news words without tone marks; rare as words elsewhere. */
const MARKERS = new Set(
  'va cua la cac nhung duoc trong voi cho khong mot nhieu da se dang tu den sang tai ve hai ben quan nuoc thi ma nay roi qua lam minh chua biet nguoi ngay thang nam viet chinh thuc hop tac thanh vien ky nang nhu cung theo hon khi vua gio noi ai di dat tang'.split(
    ' ',
  ),
);

/** Vietnamese-only letters (with their tone-marked forms): one is enough to say Vietnamese script. */
export const VIETNAMESE_LETTERS = /[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u;

export type OrthographyGuess = { isVietnamese: boolean; syllableShare: number; markers: number };

export function unaccentedVietnamese(text: string): OrthographyGuess {
  if (/[^\t\n\r -~\u2013\u2014\u2018\u2019\u201c\u201d]/u.test(text))
    return { isVietnamese: false, syllableShare: 0, markers: 0 };
  // Acronyms (USD, BRICS), numbers and mixed-case names are not evidence either way.
  const words = (text.match(/[A-Za-z]+/g) ?? []).filter((w) => w !== w.toUpperCase() || w.length === 1);
  if (words.length < 4) return { isVietnamese: false, syllableShare: 0, markers: 0 };
  const lower = words.map((w) => w.toLowerCase());
  const syllables = lower.filter((w) => SYLLABLE.test(w)).length;
  const markers = lower.filter((w) => MARKERS.has(w)).length;
  const syllableShare = syllables / lower.length;
  return { isVietnamese: syllableShare >= 0.85 && markers >= 2, syllableShare, markers };
}
