import { describe, expect, it } from 'vitest';
import { loadBuiltInActiveModels } from '../models/built-in.ts';
import { detectDocument } from './detect-document.ts';
import { buildGazetteer } from './gazetteer/gazetteer.ts';

const gazetteer = buildGazetteer([
  { id: 'VN', kind: 'country', surface: 'Việt Nam', lang: 'vi' },
  { id: 'VN', kind: 'country', surface: '越南', lang: 'zh' },
  { id: 'KR', kind: 'country', surface: 'Hàn Quốc', lang: 'vi' },
  { id: 'KR', kind: 'country', surface: '韩国', lang: 'zh' },
  { id: 'JP', kind: 'country', surface: 'Nhật Bản', lang: 'vi' },
  { id: 'VN', kind: 'country', surface: 'Vietnamese', lang: 'en' },
  { id: 'TH', kind: 'country', surface: 'Thailand', lang: 'en' },
  { id: 'port_call', kind: 'term', surface: 'port call', lang: 'en', category: 'security' },
]);
const detect = async (text: string) =>
  detectDocument(
    gazetteer,
    { documentId: 'd', text, title: null, declaredLang: null },
    await loadBuiltInActiveModels(),
  );

describe('detectDocument', () => {
  it('scores Vietnamese claims with the trained model and names it', async () => {
    const d = await detect(
      'Hoà bình. Việt Nam và Hàn Quốc ký thoả thuận ngày 8/8/2025 trị giá 476,8 triệu USD.',
    );
    expect(d.lang).toBe('vi');
    expect(d.claims).toHaveLength(1);
    const [claim] = d.claims;
    expect(claim!.model.id).toBe('claimwatch-checkworthy-vi-en');
    expect(claim!.type).toBe('agreement_signed');
    expect(claim!.dates).toEqual([expect.objectContaining({ value: '2025-08-08' })]);
    expect(claim!.quantities).toEqual([expect.objectContaining({ value: 476.8e6, unit: 'USD' })]);
    expect(d.relevanceTriggers).toEqual(expect.arrayContaining(['VN', 'KR']));
    expect(d.relevance).toBeGreaterThan(0);
  });

  it('falls back to the rules, and says so, for a language the model was not trained on', async () => {
    const d = await detect('越南与韩国于1992年12月22日建交。今天天气很好。');
    expect(d.lang).toBe('zh');
    expect(d.claims.map((c) => c.text)).toEqual(['越南与韩国于1992年12月22日建交。']);
    expect(d.claims[0]!.model.id).toBe('claimwatch-rules');
    expect(d.claims[0]!.dates).toEqual([expect.objectContaining({ value: '1992-12-22' })]);
  });

  it('finds Vietnamese typed without tone marks', async () => {
    const d = await detect('Viet Nam va Han Quoc chinh thuc thiet lap quan he ngoai giao ngay 22/12/1992.');
    expect(d.lang).toBe('vi');
    expect(d.claims).toHaveLength(1);
    expect(d.claims[0]!.type).toBe('relations_established');
  });

  it('reads sentences in the context of a document about Vietnam’s relations', async () => {
    const d = await detect(
      'A foreign frigate made a port call at Cam Ranh with the Vietnamese navy on Monday. ' +
        '"We have agreed that a partner navy will keep ships here," a senior Defence Ministry official said. ' +
        'The weather was fine all week.',
    );
    expect(d.claims.map((c) => c.text)).toEqual([
      'A foreign frigate made a port call at Cam Ranh with the Vietnamese navy on Monday.',
      '"We have agreed that a partner navy will keep ships here," a senior Defence Ministry official said.',
    ]);
    // Without any relations signal in the document, the same official's sentence is not a claim.
    const plain = await detect(
      'The weather was fine. "It will rain tomorrow," a senior Defence Ministry official said.',
    );
    expect(plain.claims).toEqual([]);
  });

  it('takes the title as context', async () => {
    const models = await loadBuiltInActiveModels();
    const text =
      'Lễ ký diễn ra tại Hà Nội chiều 5/11. Thủ tướng phát biểu rằng hợp tác quốc phòng sẽ được mở rộng.';
    const run = (title: string | null) =>
      detectDocument(gazetteer, { documentId: 'd', title, text, declaredLang: null }, models);
    expect((await run(null)).claims).toEqual([]);
    const withTitle = await run('Việt Nam và Hàn Quốc nâng cấp quan hệ');
    expect(withTitle.claims.map((c) => c.text)).toEqual([
      'Thủ tướng phát biểu rằng hợp tác quốc phòng sẽ được mở rộng.',
    ]);
    expect(text.slice(withTitle.claims[0]!.start, withTitle.claims[0]!.end)).toBe(withTitle.claims[0]!.text);
  });

  it('keeps sport out even when it names Vietnam and a partner', async () => {
    const d = await detect(
      'Vietnamese fans cheered as the national team beat Thailand 3-2 in the championship final.',
    );
    expect(d.claims).toEqual([]);
  });
});
