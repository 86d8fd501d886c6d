import { describe, expect, it } from 'vitest';
import { findDates } from './dates.ts';
import { findQuantities, parseNumber } from './quantities.ts';

const dates = (s: string) => findDates(s).map((d) => (d.until ? `${d.value}..${d.until}` : d.value));
const quantities = (s: string, lang: string) =>
  findQuantities(s, lang, findDates(s)).map((q) => ({ value: q.value, unit: q.unit, kind: q.kind }));

describe('numbers', () => {
  it('reads Vietnamese and English separators', () => {
    expect(parseNumber('8,67', 'vi')).toBe(8.67);
    expect(parseNumber('1.000', 'vi')).toBe(1000);
    expect(parseNumber('1.234.567,5', 'vi')).toBe(1234567.5);
    expect(parseNumber('8.67', 'en')).toBe(8.67);
    expect(parseNumber('5,000', 'en')).toBe(5000);
    expect(parseNumber('3.5', 'vi')).toBe(3.5);
  });
});

describe('quantities', () => {
  it('normalises Vietnamese money and percentages', () => {
    expect(quantities('Singapore đầu tư 8,67 tỷ USD vốn đăng ký.', 'vi')).toEqual([
      { value: 8.67e9, unit: 'USD', kind: 'money' },
    ]);
    expect(quantities('Viện trợ 476,8 triệu USD và tăng 12,5% so với cùng kỳ.', 'vi')).toEqual([
      { value: 476.8e6, unit: 'USD', kind: 'money' },
      { value: 12.5, unit: '%', kind: 'percent' },
    ]);
    expect(quantities('Hơn 1.000 lượt quân nhân tham gia.', 'vi')).toEqual([
      { value: 1000, unit: 'lượt', kind: 'count' },
    ]);
    expect(quantities('Kim ngach dat 1,4 ty USD', 'vi')).toEqual([
      { value: 1.4e9, unit: 'USD', kind: 'money' },
    ]);
  });

  it('normalises English money forms', () => {
    expect(quantities('Trade hit $3.5bn, up 12 percent.', 'en')).toEqual([
      { value: 3.5e9, unit: 'USD', kind: 'money' },
      { value: 12, unit: '%', kind: 'percent' },
    ]);
    expect(quantities('Australia pledged A$94.5 million and €2 billion came from the EU.', 'en')).toEqual([
      { value: 94.5e6, unit: 'AUD', kind: 'money' },
      { value: 2e9, unit: 'EUR', kind: 'money' },
    ]);
    expect(quantities('It was worth 1.2 billion dollars.', 'en')).toEqual([
      { value: 1.2e9, unit: 'USD', kind: 'money' },
    ]);
  });

  it('leaves dates, years and scores alone', () => {
    expect(quantities('Ngày 8/8/2025, năm 1995, đội thắng 3-2.', 'vi')).toEqual([]);
  });
});

describe('dates', () => {
  it('normalises Vietnamese press formats', () => {
    expect(dates('ký ngày 8/8/2025 tại Hà Nội')).toEqual(['2025-08-08']);
    expect(dates('thiết lập quan hệ ngày 21-9-1973')).toEqual(['1973-09-21']);
    expect(dates('từ tháng 5/2025')).toEqual(['2025-05']);
    expect(dates('vào tháng 11 năm 2023')).toEqual(['2023-11']);
    expect(dates('gia nhập năm 1995')).toEqual(['1995']);
    expect(dates('thăm cấp Nhà nước trong hai ngày 19–20/6/2024')).toEqual(['2024-06-19..2024-06-20']);
    expect(dates('ngày 5 tháng 9 năm 1962')).toEqual(['1962-09-05']);
    expect(dates('sẽ thăm từ ngày 20/5')).toEqual(['--05-20']);
    expect(dates('nhiệm kỳ 2020–2021')).toEqual(['2020..2021']);
  });

  it('normalises English formats', () => {
    expect(dates('on 12 July 1995 in Hanoi')).toEqual(['1995-07-12']);
    expect(dates('on January 18, 1950,')).toEqual(['1950-01-18']);
    expect(dates('signed on 8 Aug. 2025')).toEqual(['2025-08-08']);
    expect(dates('since July 1995')).toEqual(['1995-07']);
    expect(dates('joined in 2007 and served 2020-2021')).toEqual(['2007', '2020..2021']);
  });

  it('ignores impossible dates and figures that look like years', () => {
    expect(dates('ngày 31/2/2025')).toEqual([]);
    expect(dates('đạt 2024 tỷ USD')).toEqual([]);
  });
});

describe('Chinese, French and Russian forms', () => {
  it('normalises dates', () => {
    expect(dates('越南与韩国于1992年12月22日建交。')).toEqual(['1992-12-22']);
    expect(dates('2025年5月双方签署协议')).toEqual(['2025-05']);
    expect(dates('Le Vietnam et la France ont établi des relations le 12 avril 1973.')).toEqual([
      '1973-04-12',
    ]);
    expect(dates('Вьетнам и Россия подписали соглашение 20 июня 2024 года.')).toEqual(['2024-06-20']);
    expect(dates('Договор от 3 марта 1995 и 5 мая 1996')).toEqual(['1995-03-03', '1996-05-05']);
  });

  it('normalises Chinese money with 亿 and 万', () => {
    expect(quantities('双边贸易额达到86.4亿美元，增长12%。', 'zh')).toEqual([
      { value: 8.64e9, unit: 'USD', kind: 'money' },
      { value: 12, unit: '%', kind: 'percent' },
    ]);
  });
});
