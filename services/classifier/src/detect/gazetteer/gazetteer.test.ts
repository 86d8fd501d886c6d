import { describe, expect, it } from 'vitest';
import { buildGazetteer, type GazetteerEntry } from './gazetteer.ts';

const entries: GazetteerEntry[] = [
  { id: 'VN', kind: 'country', surface: 'Việt Nam', lang: 'vi' },
  { id: 'VN', kind: 'country', surface: 'Vietnam', lang: 'en' },
  { id: 'VN', kind: 'country', surface: '越南', lang: 'zh' },
  { id: 'KR', kind: 'country', surface: 'Hàn Quốc', lang: 'vi' },
  { id: 'KR', kind: 'country', surface: 'South Korea', lang: 'en' },
  { id: 'US', kind: 'country', surface: 'Mỹ', lang: 'vi' },
  { id: 'US', kind: 'country', surface: 'US', lang: 'en' },
  { id: 'GB', kind: 'country', surface: 'Anh', lang: 'vi' },
  { id: 'CN', kind: 'country', surface: '中国', lang: 'zh' },
  { id: 'ASEAN', kind: 'organisation', surface: 'ASEAN', lang: 'en' },
  { id: 'csp', kind: 'term', surface: 'Đối tác chiến lược toàn diện', lang: 'vi' },
];
const gazetteer = buildGazetteer(entries);
const ids = (text: string) => gazetteer.find(text).map((m) => m.id);

describe('gazetteer', () => {
  it('finds countries, organisations and terms with offsets into the text', () => {
    const text = 'Việt Nam và Hàn Quốc nâng quan hệ lên Đối tác chiến lược toàn diện trong khuôn khổ ASEAN.';
    const found = gazetteer.find(text);
    expect(found.map((m) => m.id)).toEqual(['VN', 'KR', 'csp', 'ASEAN']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('matches multi-word Vietnamese names typed without tone marks', () => {
    expect(ids('Viet Nam va Han Quoc thiet lap quan he ngoai giao nam 1992')).toEqual(['VN', 'KR']);
    expect(ids('VIỆT NAM VÀ HÀN QUỐC')).toEqual(['VN', 'KR']);
  });

  it('matches short names and acronyms only as written', () => {
    expect(ids('Việt Nam và Mỹ')).toEqual(['VN', 'US']);
    expect(ids('Let us talk about my plans')).toEqual([]);
    expect(ids('anh ấy đi làm')).toEqual([]);
    expect(ids('Thủ tướng Anh thăm Việt Nam')).toEqual(['GB', 'VN']);
  });

  it('matches CJK names without word boundaries, and whole words only elsewhere', () => {
    expect(ids('越南与中国建交')).toEqual(['VN', 'CN']);
    expect(ids('Vietnamese')).toEqual([]);
    expect(ids('the Vietnam-South Korea summit')).toEqual(['VN', 'KR']);
  });
});

describe('gazetteer blockers and tone-mark-free matching', () => {
  const withBlockers = buildGazetteer(
    [
      ...entries,
      { id: 'LA', kind: 'country', surface: 'Lào', lang: 'vi' },
      { id: 'US', kind: 'country', surface: 'Hoa Kỳ', lang: 'vi' },
    ],
    ['Lào Cai', 'tiếng Anh'],
  );
  const found = (text: string) => withBlockers.find(text).map((m) => m.id);

  it('drops names inside blocking phrases', () => {
    expect(found('Việt Nam và Lào ký hiệp định tại Lào Cai')).toEqual(['VN', 'LA']);
    expect(found('Học sinh Việt Nam học tiếng Anh')).toEqual(['VN']);
  });

  it('matches a folded name only where the text is typed without marks', () => {
    expect(found('Viet Nam va Hoa Ky')).toEqual(['VN', 'US']);
    expect(found('Việt Nam và Hoa Kỳ')).toEqual(['VN', 'US']);
    expect(found('Việt Nam hòa kỹ năng')).toEqual(['VN']);
  });
});
