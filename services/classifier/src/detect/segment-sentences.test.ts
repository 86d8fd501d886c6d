import { describe, expect, it } from 'vitest';
import { segmentSentences } from './segment-sentences.ts';

describe('segmentSentences', () => {
  it('splits sentences and paragraphs with offsets into the original text', () => {
    const text =
      'Việt Nam và Nhật Bản ký thỏa thuận. Hai bên nhất trí hợp tác.\n\nVietnam and Japan signed a deal on 8 Aug. 2025. It covers trade.';
    const sentences = segmentSentences(text, 'vi');
    expect(sentences.map((s) => s.text)).toEqual([
      'Việt Nam và Nhật Bản ký thỏa thuận.',
      'Hai bên nhất trí hợp tác.',
      'Vietnam and Japan signed a deal on 8 Aug. 2025.',
      'It covers trade.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for blank text', () => {
    expect(segmentSentences(' \n\n ')).toEqual([]);
  });
});
