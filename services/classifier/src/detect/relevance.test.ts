import { describe, expect, it } from 'vitest';
import { buildGazetteer } from './gazetteer/gazetteer.ts';
import { normaliseToneMarks } from './normalise-text.ts';
import { sentenceRelevance, withDocumentContext } from './relevance.ts';

const gazetteer = buildGazetteer([
  { id: 'VN', kind: 'country', surface: 'Việt Nam', lang: 'vi' },
  { id: 'VN', kind: 'country', surface: 'Vietnam', lang: 'en' },
  { id: 'JP', kind: 'country', surface: 'Nhật Bản', lang: 'vi' },
  { id: 'KR', kind: 'country', surface: 'Hàn Quốc', lang: 'vi' },
  { id: 'TH', kind: 'country', surface: 'Thailand', lang: 'en' },
  { id: 'ASEAN', kind: 'organisation', surface: 'ASEAN', lang: 'en' },
  { id: 'aid', kind: 'term', surface: 'viện trợ', lang: 'vi', category: 'economy' },
  { id: 'trade', kind: 'term', surface: 'xuất khẩu', lang: 'vi', category: 'economy' },
  { id: 'membership', kind: 'term', surface: 'gia nhập', lang: 'vi', category: 'membership' },
  { id: 'foreign_ministry', kind: 'term', surface: 'Bộ Ngoại giao', lang: 'vi', category: 'institution' },
]);
const relevance = (text: string, lang = 'vi') => {
  const t = normaliseToneMarks(text);
  return sentenceRelevance(gazetteer.find(t), t, lang);
};

describe('sentence relevance', () => {
  it('is strongest for Vietnam with a partner, and names its triggers', () => {
    expect(relevance('Việt Nam và Nhật Bản ký hiệp định.')).toMatchObject({
      isRelevant: true,
      score: 1,
      partners: ['JP'],
      triggers: ['VN', 'JP'],
    });
  });

  it('reads "the two sides" as Vietnam and a partner (annotation guide §1)', () => {
    expect(relevance('Hai bên đã trao đổi ý kiến về các vấn đề cùng quan tâm.')).toMatchObject({
      isRelevant: true,
      triggers: ['cue:hai ben'],
    });
    expect(relevance('Both sides stressed the importance of regular exchanges.', 'en').isRelevant).toBe(true);
  });

  it('needs a partner for national economic figures, not for memberships', () => {
    expect(relevance('Năm 2024, xuất khẩu gạo của Việt Nam đạt kỷ lục.').isRelevant).toBe(false);
    expect(relevance('Việt Nam gia nhập tổ chức này năm 1995.').isRelevant).toBe(true);
  });

  it('reads a lone partner acting in a relations frame as Vietnamese news about Vietnam', () => {
    expect(relevance('Nhật Bản viện trợ không hoàn lại 2,3 tỷ yên cho tỉnh Cần Thơ.').isRelevant).toBe(true);
    expect(relevance('Bộ Ngoại giao Hàn Quốc ra thông cáo.').isRelevant).toBe(true);
    expect(relevance('Nhật Bản và Hàn Quốc bình thường hóa quan hệ năm 1965.').isRelevant).toBe(false);
  });

  it('keeps sport out', () => {
    const r = relevance('Vietnam beat Thailand 3-2 in the ASEAN Championship final.', 'en');
    expect(r).toMatchObject({ isRelevant: false, score: 0.2 });
    expect(r.triggers).toContain('cue:sport');
  });

  it('adds document context for state voices only in documents about Vietnam’s relations', () => {
    const text = 'A senior Defence Ministry official said the ships would stay.';
    const own = sentenceRelevance([], text, 'en');
    expect(own.isRelevant).toBe(false);
    expect(withDocumentContext(own, [], text, false).isRelevant).toBe(false);
    expect(withDocumentContext(own, [], text, true)).toMatchObject({ isRelevant: true, score: 0.6 });
  });
});
