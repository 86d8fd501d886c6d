import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../detect/gazetteer/gazetteer.ts';
import { type RankingGroup, trainLinearRanker } from './linear-ranker.ts';
import { createMatcher } from './match-references.ts';
import { computeFeatures, FEATURE_NAMES } from './rank-features.ts';
import { analyseQuery, type Reference, retrieveCandidates } from './reference-index.ts';

const gazetteer = buildGazetteer([
  { id: 'VN', kind: 'country', surface: 'Việt Nam', lang: 'vi' },
  { id: 'VN', kind: 'country', surface: 'Vietnam', lang: 'en' },
  { id: 'US', kind: 'country', surface: 'Hoa Kỳ', lang: 'vi' },
  { id: 'US', kind: 'country', surface: 'United States', lang: 'en' },
  { id: 'JP', kind: 'country', surface: 'Nhật Bản', lang: 'vi' },
  { id: 'JP', kind: 'country', surface: 'Japan', lang: 'en' },
  { id: 'diplomatic_relations', kind: 'term', surface: 'quan hệ ngoại giao', lang: 'vi' },
  { id: 'diplomatic_relations', kind: 'term', surface: 'diplomatic relations', lang: 'en' },
  { id: 'WTO', kind: 'organisation', surface: 'Tổ chức Thương mại Thế giới', lang: 'vi' },
  { id: 'WTO', kind: 'organisation', surface: 'World Trade Organization', lang: 'en' },
]);
const findEntities = (t: string) => gazetteer.find(t);

const facts = [
  { id: 'vn-us', text: 'Vietnam and the United States established diplomatic relations on 12 July 1995.' },
  { id: 'vn-jp', text: 'Vietnam and Japan established diplomatic relations on 21 September 1973.' },
  {
    id: 'vn-wto',
    text: 'Vietnam became the 150th member of the World Trade Organization on 11 January 2007.',
  },
  { id: 'weather', text: 'Heavy rain is expected in the north of the country this week.' },
];

describe('createMatcher', () => {
  it('finds an English fact for a Vietnamese claim through language-neutral ids', () => {
    const matcher = createMatcher(facts, { findEntities });
    const [best] = matcher.match('Việt Nam và Hoa Kỳ thiết lập quan hệ ngoại giao năm 1995', 3);
    expect(best?.id).toBe('vn-us');
    const [wto] = matcher.match('Việt Nam gia nhập Tổ chức Thương mại Thế giới năm 2007', 1);
    expect(wto?.id).toBe('vn-wto');
  });

  it('finds a Vietnamese fact for an English claim, with or without tone marks', () => {
    const viFacts = [
      { id: 'vn-us', text: 'Việt Nam và Hoa Kỳ thiết lập quan hệ ngoại giao ngày 12/7/1995.' },
      { id: 'vn-jp', text: 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21/9/1973.' },
    ];
    const matcher = createMatcher(viFacts, { findEntities });
    expect(matcher.match('Japan and Vietnam set up diplomatic relations in 1973', 1)[0]?.id).toBe('vn-jp');
    expect(matcher.match('Viet Nam va Nhat Ban thiet lap quan he ngoai giao', 1)[0]?.id).toBe('vn-jp');
  });

  it('re-ranks with a trained linear ranker and keeps the best first', () => {
    const matcher = createMatcher(facts, { findEntities });
    const queries = [
      ['Japan Vietnam diplomatic relations 1973', 'vn-jp'],
      ['United States Vietnam ties 1995', 'vn-us'],
      ['Vietnam WTO member 2007', 'vn-wto'],
    ] as const;
    const groups: RankingGroup[] = queries.map(([text, gold]) => {
      const q = analyseQuery(matcher.index, text);
      const c = retrieveCandidates(matcher.index, q, 10);
      return {
        rows: computeFeatures(matcher.index, q, c),
        relevant: c.docs.map((d) => facts[d]!.id === gold),
      };
    });
    const ranker = trainLinearRanker(FEATURE_NAMES, groups, { epochs: 100 });
    expect(ranker.weights).toHaveLength(FEATURE_NAMES.length);
    const reranked = createMatcher(facts, { findEntities, ranker });
    const results = reranked.match('Japan and Vietnam: diplomatic relations since 1973', 3);
    expect(results[0]?.id).toBe('vn-jp');
    for (let i = 1; i < results.length; i++)
      expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
  });
});

describe('confirmed phrasings', () => {
  const references: Reference[] = [
    ...facts,
    {
      id: 'vn-intl-day',
      text: 'Vietnam celebrates International Day of Peace with events in several cities.',
      phrasings: [{ text: 'Hà Nội tổ chức lễ hội hoà bình lớn nhất', source: 'claim-1' }],
    },
  ];
  const claim = 'Lễ hội hoà bình lớn nhất được tổ chức tại Hà Nội';

  it('bring a reference worded differently into the candidates', () => {
    const without = createMatcher(
      references.map((r) => ({ id: r.id, text: r.text })),
      { findEntities },
    );
    expect(without.match(claim, 10).map((m) => m.id)).not.toContain('vn-intl-day');
    const matcher = createMatcher(references, { findEntities });
    expect(matcher.match(claim, 10).map((m) => m.id)).toContain('vn-intl-day');
  });

  it('are left out for the claim they came from', () => {
    const matcher = createMatcher(references, { findEntities });
    const ids = matcher.match(claim, 10, { excludeSource: 'claim-1' }).map((m) => m.id);
    expect(ids).not.toContain('vn-intl-day');
  });

  it('give the re-ranker features that are zero without them', () => {
    const matcher = createMatcher(references, { findEntities });
    const q = analyseQuery(matcher.index, claim);
    const c = retrieveCandidates(matcher.index, q, 10);
    const rows = computeFeatures(matcher.index, q, c);
    const hit = FEATURE_NAMES.indexOf('phrasing_hit');
    const remembered = c.docs.indexOf(references.length - 1);
    expect(remembered).toBeGreaterThanOrEqual(0);
    expect(rows[remembered]![hit]).toBe(1);
    expect(rows[remembered]![FEATURE_NAMES.indexOf('phrasing_query_cov')]).toBeGreaterThan(0.5);
    for (let i = 0; i < rows.length; i++) if (i !== remembered) expect(rows[i]![hit]).toBe(0);
  });
});
