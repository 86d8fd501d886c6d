import { describe, expect, it } from 'vitest';
import { foldDiacritics, nfc } from './normalise-text.ts';

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
});
