import { buildGazetteer, type GazetteerEntry } from '../../detect/gazetteer/gazetteer.ts';

/** A small multilingual gazetteer for verification tests (the real one lives in detect/gazetteer/data). */
const names: [id: string, kind: GazetteerEntry['kind'], surfaces: string[], category?: string][] = [
  ['VN', 'country', ['Việt Nam', 'Vietnam', 'Viet Nam', 'Hà Nội', 'Hanoi', '越南', 'Вьетнам']],
  ['KR', 'country', ['Hàn Quốc', 'South Korea', 'Korea', 'Seoul', '韩国', 'Corée du Sud']],
  ['JP', 'country', ['Nhật Bản', 'Japan', 'Tokyo', '日本', 'Japon']],
  ['CA', 'country', ['Canada', 'Ottawa', '加拿大']],
  ['US', 'country', ['Hoa Kỳ', 'Mỹ', 'United States', 'Washington', 'US', '美国']],
  ['RU', 'country', ['Nga', 'Russia', 'Moscow', 'Russie', 'Россия', 'России']],
  ['AU', 'country', ['Australia', 'Úc']],
  ['FR', 'country', ['France', 'Pháp']],
  ['GB', 'country', ['UK', 'United Kingdom', 'Anh']],
  ['CN', 'country', ['China', 'Trung Quốc']],
  ['ASEAN', 'organisation', ['ASEAN', "l'ASEAN", '东盟', 'АСЕАН']],
  ['BRICS', 'organisation', ['BRICS', 'БРИКС', '金砖国家']],
  ['EU', 'organisation', ['EU', 'European Union', 'Liên minh châu Âu']],
  [
    'EVFTA',
    'organisation',
    ['EVFTA', 'EU–Vietnam Free Trade Agreement', 'Hiệp định Thương mại tự do Việt Nam – EU'],
    'trade_agreement',
  ],
  ['UKVFTA', 'organisation', ['UKVFTA'], 'trade_agreement'],
  ['RCEP', 'organisation', ['RCEP', 'Regional Comprehensive Economic Partnership'], 'trade_agreement'],
  ['treaty', 'term', ['treaty', 'hiệp ước']],
  ['NATO', 'organisation', ['NATO']],
];

export const testGazetteer = buildGazetteer(
  names.flatMap(([id, kind, surfaces, category]) =>
    surfaces.map((surface) => ({ id, kind, surface, lang: 'x', ...(category ? { category } : {}) })),
  ),
);
export const findTestEntities = (text: string) => testGazetteer.find(text);
