import type { VerifiedFact } from '@claimwatch/shared/domain';
import { describe, expect, it } from 'vitest';
import { fixtureFacts } from '../testing/reference-fixtures.ts';
import { findTestEntities } from '../testing/test-gazetteer.ts';
import { compareWithFacts, indexFacts, type StructuredVerdict } from './structured-verdicts.ts';

const facts = indexFacts(fixtureFacts, findTestEntities);
const judge = (text: string, date = '2026-11-01'): StructuredVerdict[] =>
  compareWithFacts({ text, entities: findTestEntities(text), date: new Date(date) }, facts);
const first = (text: string, date?: string) => judge(text, date)[0];

const expectVerdict = (
  v: StructuredVerdict | undefined,
  verdict: StructuredVerdict['verdict'],
  factId: string,
  check: StructuredVerdict['check'],
) => {
  expect(v, 'no verdict').toBeDefined();
  expect({ verdict: v!.verdict, factId: v!.factId, check: v!.check }).toEqual({ verdict, factId, check });
  // One sentence in each UI language.
  expect(v!.explanation.vi.length).toBeGreaterThan(20);
  expect(v!.explanation.en.length).toBeGreaterThan(20);
  expect(v!.explanation.en.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3)).toHaveLength(1);
};

describe('year of diplomatic relations', () => {
  it.each([
    [
      'vi',
      'Kể từ khi thiết lập quan hệ ngoại giao năm 1995, Việt Nam và Hàn Quốc đã trở thành đối tác kinh tế hàng đầu.',
    ],
    ['en', 'Vietnam and South Korea established diplomatic relations in 1995.'],
    ['zh', '越南与日本于1979年建立外交关系。'],
  ])('contradicts a wrong year (%s)', (_lang, text) => {
    const v = first(text);
    expectVerdict(
      v,
      'contradicts',
      text.includes('日本') ? 'vn-jp-diplomatic-relations' : 'vn-kr-diplomatic-relations',
      'relations_year',
    );
    expect(v!.explanation.en).toMatch(/established on (22 December 1992|21 September 1973)/);
  });

  it.each([
    ['vi', 'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992.'],
    ['en', 'Since establishing diplomatic relations in 1992, Vietnam and South Korea have grown close.'],
  ])('supports the right year (%s)', (_lang, text) => {
    expectVerdict(first(text), 'supports', 'vn-kr-diplomatic-relations', 'relations_year');
  });

  it('says nothing when the year belongs to another event', () => {
    expect(judge('Vietnam and South Korea signed a trade deal in 2015.')).toEqual([]);
  });
});

describe('partnership level as of the claim date', () => {
  it.each([
    ['vi', 'Canada đã trở thành đối tác chiến lược toàn diện của Việt Nam.'],
    [
      'en',
      'Ottawa and Hanoi elevated their relationship to a comprehensive strategic partnership earlier this year.',
    ],
  ])('contradicts a level Vietnam does not have with that country (%s)', (_lang, text) => {
    const v = first(text);
    expectVerdict(v, 'contradicts', 'vn-ca-comprehensive-partnership', 'partnership_level');
    expect(v!.factValue).toBe('comprehensive_partnership');
  });

  it.each([
    [
      'vi',
      'Việt Nam và Hoa Kỳ là Đối tác chiến lược toàn diện.',
      '2026-11-01',
      'supports',
      'vn-us-comprehensive-strategic-partnership',
    ],
    [
      'en',
      'Vietnam and the United States are comprehensive strategic partners.',
      '2020-05-01',
      'contradicts',
      'vn-us-comprehensive-partnership',
    ],
  ] as const)(
    'judges the same words by the date of the claim (%s, %s)',
    (_lang, text, date, verdict, factId) => {
      expectVerdict(first(text, date), verdict, factId, 'partnership_level');
    },
  );

  it('does not contradict a country without any recorded framework, nor a negated sentence', () => {
    expect(judge('Vietnam and France are comprehensive strategic partners.')).toEqual([]);
    expect(
      judge('Canada chưa phải là đối tác chiến lược toàn diện của Việt Nam; không phải là như vậy.'),
    ).toEqual([]);
  });
});

describe('organisation membership', () => {
  it.each([
    ['vi', 'Việt Nam đã chính thức trở thành thành viên đầy đủ của khối BRICS.'],
    ['en', 'Vietnam, which became a full member of BRICS last year, wants more lending.'],
  ])('contradicts full membership where Vietnam is a partner country (%s)', (_lang, text) => {
    expectVerdict(first(text), 'contradicts', 'vn-brics-partner-country', 'membership_status');
  });

  it.each([
    ['vi', 'Việt Nam chưa phải thành viên đầy đủ của BRICS mà chỉ là nước đối tác.'],
    ['en', 'Vietnam is not yet a full member of BRICS.'],
  ])('does not contradict a sentence denying full membership (%s)', (_lang, text) => {
    expect(judge(text).filter((v) => v.verdict === 'contradicts')).toEqual([]);
  });

  it('supports partner-country status', () => {
    expectVerdict(
      first('Vietnam joined BRICS as a partner country in 2025.'),
      'supports',
      'vn-brics-partner-country',
      'membership_status',
    );
  });

  it.each([
    ['fr', "Membre de l'ASEAN depuis 1997, le Vietnam a assuré à trois reprises la présidence tournante."],
    ['vi', 'Việt Nam gia nhập ASEAN năm 1997.'],
    ['en', 'Vietnam joined ASEAN in 1997.'],
  ])('contradicts a wrong year of joining (%s)', (_lang, text) => {
    expectVerdict(first(text), 'contradicts', 'vn-asean-membership', 'membership_year');
  });

  it('supports the right year and ignores other years of a member', () => {
    expectVerdict(
      first('Việt Nam gia nhập ASEAN ngày 28/7/1995.'),
      'supports',
      'vn-asean-membership',
      'membership_year',
    );
    expect(judge('Vietnam, an ASEAN member, chaired the bloc in 2020.')).toEqual([]);
  });
});

describe('quantities', () => {
  it.each([
    ['vi', 'Năm 2022, kim ngạch thương mại song phương Việt Nam – Hoa Kỳ chỉ đạt khoảng 12 tỷ USD.'],
    ['en', 'Vietnam–US trade reached only $12 billion in 2022.'],
  ])('contradicts a figure beyond the tolerance (%s)', (_lang, text) => {
    const v = first(text);
    expectVerdict(v, 'contradicts', 'vn-us-trade-2022', 'quantity');
    expect(v!.explanation.en).toMatch(/123 billion USD/);
  });

  it.each([
    ['vi', 'Năm 2022, thương mại Việt Nam – Hoa Kỳ đạt 123,9 tỷ USD.'],
    ['en', 'In 2022 Vietnam–US trade was 120 billion USD.'],
  ])('supports a figure within the tolerance (%s)', (_lang, text) => {
    expectVerdict(first(text), 'supports', 'vn-us-trade-2022', 'quantity');
  });

  it('compares only the same year', () => {
    expect(judge('Vietnam–US trade reached $12 billion in 2005.')).toEqual([]);
  });
});

describe('agreements', () => {
  it.each([
    [
      'en',
      'The EU–Vietnam Free Trade Agreement, in force since January 2019, has cut tariffs.',
      'contradicts',
    ],
    ['vi', 'EVFTA có hiệu lực từ năm 2020, giúp Việt Nam tăng xuất khẩu sang EU.', 'supports'],
  ] as const)('checks the year an agreement entered into force (%s)', (_lang, text, verdict) => {
    expectVerdict(first(text), verdict, 'vn-evfta-in-force', 'agreement_date');
  });

  // An agreement fact is about the first agreement its text names, not every agreement or country it mentions.
  const agreement = (id: string, parties: string[], date: string, en: string): VerifiedFact => ({
    ...fixtureFacts.find((f) => f.id === 'vn-evfta-in-force')!,
    id,
    structured: { ...fixtureFacts.find((f) => f.id === 'vn-evfta-in-force')!.structured, parties, date },
    text: { vi: en, en },
  });
  const agreements = indexFacts(
    [
      fixtureFacts.find((f) => f.id === 'vn-evfta-in-force')!,
      agreement(
        'vn-ukvfta',
        ['VN', 'GB'],
        '2020-12-29',
        'The UK–Vietnam agreement (UKVFTA) was signed on 29 December 2020 and entered into force on 31 December 2020, carrying over the EVFTA commitments.',
      ),
      agreement(
        'vn-rcep',
        ['VN', 'RCEP'],
        '2020-11-15',
        'The Regional Comprehensive Economic Partnership (RCEP) was signed by 15 countries, ASEAN with China, on 15 November 2020.',
      ),
    ],
    findTestEntities,
  );
  const judgeAgreements = (text: string) =>
    compareWithFacts({ text, entities: findTestEntities(text), date: new Date('2026-11-01') }, agreements);

  it('compares an EVFTA claim with the EVFTA fact only, not with a fact that merely mentions the EVFTA', () => {
    const verdicts = judgeAgreements('EVFTA entered into force in 2018, boosting exports.');
    expect(verdicts.map((v) => [v.factId, v.verdict])).toEqual([['vn-evfta-in-force', 'contradicts']]);
  });

  it('reads the event next to each agreement when a sentence names two', () => {
    const inForce = indexFacts(
      [
        fixtureFacts.find((f) => f.id === 'vn-evfta-in-force')!,
        agreement(
          'vn-rcep-in-force',
          ['VN', 'RCEP'],
          '2022-01-01',
          'The Regional Comprehensive Economic Partnership (RCEP) entered into force on 1 January 2022.',
        ),
      ],
      findTestEntities,
    );
    const text = 'Both are parties to the EVFTA, in force since 2020, and to RCEP, in force since 2022.';
    const verdicts = compareWithFacts(
      { text, entities: findTestEntities(text), date: new Date('2026-11-01') },
      inForce,
    );
    expect(verdicts.map((v) => [v.factId, v.verdict]).sort()).toEqual([
      ['vn-evfta-in-force', 'supports'],
      ['vn-rcep-in-force', 'supports'],
    ]);
  });

  it('does not read "signed a protocol to join X" as the signing of X', () => {
    expect(judgeAgreements('In 2023 the UK signed a protocol to join the RCEP.')).toEqual([]);
    expect(judgeAgreements('Vietnam signed the RCEP in 2019.').map((v) => [v.factId, v.verdict])).toEqual([
      ['vn-rcep', 'contradicts'],
    ]);
  });

  it('does not compare a border treaty with China with the RCEP fact that lists China as a signatory', () => {
    expect(judgeAgreements('The Vietnam–China land border treaty was signed in Hanoi in 1999.')).toEqual([]);
  });
});

describe('"military alliance" against the four-nos defence policy', () => {
  it.each([
    [
      'vi',
      'Với văn kiện vừa ký, Việt Nam đã chính thức gia nhập liên minh quân sự với Nga.',
      'defence_alliance',
    ],
    ['en', 'Vietnam has quietly entered a military alliance with Moscow.', 'defence_alliance'],
    ['en', 'Vietnam is set to join NATO as a member next year.', 'defence_alliance'],
    [
      'en',
      '"A partner navy will keep ships at Cam Ranh on a permanent basis," an official said.',
      'defence_foreign_base',
    ],
    ['vi', 'Việt Nam sẽ cho Nga đặt căn cứ quân sự tại Cam Ranh.', 'defence_foreign_base'],
  ] as const)('contradicts the policy (%s: %s)', (_lang, text, check) => {
    expectVerdict(first(text), 'contradicts', 'vn-defence-four-nos', check);
  });

  it.each([
    ['vi', 'Việt Nam kiên trì chính sách "bốn không", không tham gia liên minh quân sự.'],
    ['en', 'Vietnam does not join military alliances under its four nos policy.'],
    ['vi', 'Nâng cấp quan hệ với Nga không có nghĩa là Việt Nam gia nhập liên minh quân sự.'],
    ['en', 'A closer partnership with Moscow does not mean Vietnam is in a military alliance.'],
    ['en', "Closer ties don't mean Vietnam has entered a military alliance, the ministry said."],
    ['fr', 'Ce partenariat ne signifie pas que le Vietnam entre dans une alliance militaire.'],
  ])('leaves sentences restating the policy or denying the storyline alone (%s)', (_lang, text) => {
    expect(judge(text).filter((v) => v.verdict === 'contradicts')).toEqual([]);
  });
});
