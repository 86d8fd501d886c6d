import { describe, expect, it } from 'vitest';
import { segmentSentences } from './segment-sentences.ts';

const texts = (text: string, lang: string) => segmentSentences(text, lang).map((s) => s.text);

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

  it('keeps titles with the name that follows (vi, en)', () => {
    expect(texts('Đoàn đến TP. Hồ Chí Minh ngày 5/9. Sau đó đoàn thăm Đà Nẵng.', 'vi')).toEqual([
      'Đoàn đến TP. Hồ Chí Minh ngày 5/9.',
      'Sau đó đoàn thăm Đà Nẵng.',
    ]);
    expect(texts('Theo PGS. TS. Nguyễn Văn A., quan hệ rất tốt. Hai bên ký thỏa thuận.', 'vi')).toHaveLength(
      2,
    );
    expect(texts('The U.S. and Vietnam signed a deal. Mr. Smith said it was good.', 'en')).toEqual([
      'The U.S. and Vietnam signed a deal.',
      'Mr. Smith said it was good.',
    ]);
  });

  it('does not split decimals, and splits after quotes and ellipses', () => {
    expect(texts('Trade grew 8.5 per cent in 2024. It was worth $3.5bn.', 'en')).toHaveLength(2);
    expect(
      texts('Người phát ngôn nói: “Việt Nam kiên quyết phản đối.” Hai bên nhất trí hợp tác.', 'vi'),
    ).toEqual(['Người phát ngôn nói: “Việt Nam kiên quyết phản đối.”', 'Hai bên nhất trí hợp tác.']);
  });

  it('splits Chinese on full-width punctuation and keeps a quote with its attribution', () => {
    expect(texts('越南与韩国于1992年建交。两国关系提升为全面战略伙伴关系！双方签署了协议？', 'zh')).toEqual([
      '越南与韩国于1992年建交。',
      '两国关系提升为全面战略伙伴关系！',
      '双方签署了协议？',
    ]);
    expect(texts('“我们坚决反对。”外交部发言人说。越南和中国是邻国。', 'zh')).toEqual([
      '“我们坚决反对。”外交部发言人说。',
      '越南和中国是邻国。',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(segmentSentences(' \n\n ')).toEqual([]);
  });
});
