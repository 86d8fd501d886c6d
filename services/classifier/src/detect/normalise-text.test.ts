import { describe, expect, it } from 'vitest';
import { foldDiacritics, nfc, normaliseToneMarks, removeToneMarks } from './normalise-text.ts';

describe('text normalisation', () => {
  it('folds Vietnamese tone marks and đ while keeping offsets', () => {
    const text = 'Đà Nẵng, Hàn Quốc và Hoa Kỳ';
    const folded = foldDiacritics(text);
    expect(folded).toBe('da nang, han quoc va hoa ky');
    expect(folded.length).toBe(text.length);
  });

  it('composes decomposed input to NFC', () => {
    const decomposed = 'Vie\u0302\u0323t Nam';
    expect(nfc(decomposed)).toBe('Việt Nam');
    expect(foldDiacritics(nfc(decomposed))).toBe('viet nam');
  });

  it('moves old-style tone marks to the new style without changing length', () => {
    const old = 'Hoà bình, thoả thuận, thuỷ sản, Khoẻ; hoàng gia và khoá học';
    const fixed = normaliseToneMarks(old);
    expect(fixed).toBe('Hòa bình, thỏa thuận, thủy sản, Khỏe; hoàng gia và khóa học');
    expect(fixed.length).toBe(old.length);
    expect(normaliseToneMarks('Hòa bình')).toBe('Hòa bình');
  });

  it('removes tone marks but keeps Vietnamese letters', () => {
    expect(removeToneMarks('Việt Nam, Hàn Quốc, Đức')).toBe('Viêt Nam, Han Quôc, Đưc');
    expect(foldDiacritics(removeToneMarks('Việt Nam'))).toBe(foldDiacritics('Viet Nam'));
  });

  it('folds upper-case text and leaves CJK untouched', () => {
    expect(foldDiacritics('ĐỐI TÁC CHIẾN LƯỢC')).toBe('doi tac chien luoc');
    expect(foldDiacritics('越南与中国')).toBe('越南与中国');
  });
});
