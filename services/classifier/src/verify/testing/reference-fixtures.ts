import type { KnownNarrative, VerifiedFact } from '@claimwatch/shared/domain';

/**
 * Small reference set for tests, in the starter files' shape. Facts are real public-record facts
 * (dates of relations, partnership levels, memberships); sources are illustrative test URLs.
 */
const source = (title: string) => [
  { url: `https://reference.example/${encodeURIComponent(title)}`, title, publisher: 'test', date: null },
];

const fact = (
  id: string,
  kind: VerifiedFact['kind'],
  structured: Partial<VerifiedFact['structured']> & { parties: string[]; relation: string },
  vi: string,
  en: string,
): VerifiedFact => ({
  id,
  kind,
  structured: {
    level: null,
    organisation: null,
    date: null,
    quantity: null,
    validFrom: structured.date ?? null,
    validTo: null,
    ...structured,
  },
  text: { vi, en },
  sources: source(id),
  tags: [],
  status: 'active',
});

export const fixtureFacts: VerifiedFact[] = [
  fact(
    'vn-kr-diplomatic-relations',
    'diplomatic_relations',
    { parties: ['VN', 'KR'], relation: 'diplomatic_relations', date: '1992-12-22' },
    'Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao ngày 22/12/1992.',
    'Vietnam and South Korea established diplomatic relations on 22 December 1992.',
  ),
  fact(
    'vn-jp-diplomatic-relations',
    'diplomatic_relations',
    { parties: ['VN', 'JP'], relation: 'diplomatic_relations', date: '1973-09-21' },
    'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21/9/1973.',
    'Vietnam and Japan established diplomatic relations on 21 September 1973.',
  ),
  fact(
    'vn-us-comprehensive-partnership',
    'partnership',
    {
      parties: ['VN', 'US'],
      relation: 'comprehensive_partnership',
      level: 'comprehensive_partnership',
      date: '2013-07-25',
      validTo: '2023-09-10',
    },
    'Việt Nam và Hoa Kỳ xác lập quan hệ Đối tác toàn diện ngày 25/7/2013.',
    'Vietnam and the United States established a Comprehensive Partnership on 25 July 2013.',
  ),
  fact(
    'vn-us-comprehensive-strategic-partnership',
    'partnership',
    {
      parties: ['VN', 'US'],
      relation: 'comprehensive_strategic_partnership',
      level: 'comprehensive_strategic_partnership',
      date: '2023-09-10',
    },
    'Việt Nam và Hoa Kỳ nâng cấp quan hệ lên Đối tác chiến lược toàn diện ngày 10/9/2023.',
    'Vietnam and the United States upgraded their ties to a Comprehensive Strategic Partnership on 10 September 2023.',
  ),
  fact(
    'vn-ca-comprehensive-partnership',
    'partnership',
    {
      parties: ['VN', 'CA'],
      relation: 'comprehensive_partnership',
      level: 'comprehensive_partnership',
      date: '2017-11-08',
    },
    'Việt Nam và Canada xác lập quan hệ Đối tác toàn diện ngày 8/11/2017.',
    'Vietnam and Canada established a Comprehensive Partnership on 8 November 2017.',
  ),
  fact(
    'vn-asean-membership',
    'membership',
    {
      parties: ['VN', 'ASEAN'],
      relation: 'membership',
      level: 'member',
      organisation: 'ASEAN',
      date: '1995-07-28',
    },
    'Việt Nam gia nhập ASEAN ngày 28/7/1995.',
    'Vietnam joined ASEAN on 28 July 1995.',
  ),
  fact(
    'vn-brics-partner-country',
    'membership',
    {
      parties: ['VN', 'BRICS'],
      relation: 'membership',
      level: 'partner',
      organisation: 'BRICS',
      date: '2025-06-13',
    },
    'Việt Nam trở thành nước đối tác của BRICS ngày 13/6/2025; Việt Nam không phải thành viên đầy đủ.',
    'Vietnam became a BRICS partner country on 13 June 2025; it is not a full member.',
  ),
  fact(
    'vn-us-trade-2022',
    'figure',
    {
      parties: ['VN', 'US'],
      relation: 'figure',
      date: '2022',
      quantity: { value: 123, unit: 'USD', scale: 1e9, metric: 'bilateral_trade', year: 2022 },
    },
    'Năm 2022, kim ngạch thương mại song phương Việt Nam – Hoa Kỳ đạt khoảng 123 tỷ USD.',
    'In 2022, Vietnam–US bilateral trade reached about 123 billion USD.',
  ),
  fact(
    'vn-defence-four-nos',
    'defence_policy',
    { parties: ['VN'], relation: 'defence_policy', date: '2019-11-25' },
    'Chính sách quốc phòng "bốn không" của Việt Nam: không tham gia liên minh quân sự, không liên kết với nước này để chống nước kia, không cho nước ngoài đặt căn cứ quân sự hoặc sử dụng lãnh thổ Việt Nam để chống lại nước khác, không sử dụng vũ lực hoặc đe dọa sử dụng vũ lực trong quan hệ quốc tế.',
    'Vietnam\'s "four nos" defence policy: no military alliances, no siding with one country against another, no foreign military bases or use of Vietnamese territory against other countries, and no use or threat of force in international relations.',
  ),
  fact(
    'vn-evfta-in-force',
    'agreement',
    { parties: ['VN', 'EU'], relation: 'agreement', date: '2020-08-01' },
    'Hiệp định Thương mại tự do Việt Nam – EU (EVFTA) có hiệu lực từ ngày 1/8/2020.',
    'The EU–Vietnam Free Trade Agreement (EVFTA) entered into force on 1 August 2020.',
  ),
];

export const fixtureNarratives: KnownNarrative[] = [
  {
    id: 'nar-vn-joined-military-alliance',
    title: { vi: 'Việt Nam đã gia nhập một liên minh quân sự', en: 'Vietnam has joined a military alliance' },
    description: {
      vi: 'Câu chuyện sai sự thật cho rằng Việt Nam đã gia nhập một liên minh quân sự.',
      en: 'The false storyline that Vietnam has joined a military alliance.',
    },
    examplePhrasings: [
      { lang: 'vi', text: 'Việt Nam và Nga đã chính thức trở thành đồng minh quân sự.' },
      { lang: 'en', text: 'Vietnam has quietly entered a military alliance with Moscow.' },
    ],
    refutedBy: ['vn-defence-four-nos'],
    firstSeen: '2016',
    status: 'active',
  },
  {
    id: 'nar-vn-full-member-brics',
    title: {
      vi: 'Việt Nam đã trở thành thành viên chính thức của BRICS',
      en: 'Vietnam became a full member of BRICS',
    },
    description: {
      vi: 'Nhầm tư cách nước đối tác BRICS của Việt Nam thành thành viên đầy đủ.',
      en: "Confuses Vietnam's BRICS partner-country status with full membership.",
    },
    examplePhrasings: [
      { lang: 'vi', text: 'Việt Nam đã chính thức trở thành thành viên đầy đủ của khối BRICS.' },
      { lang: 'en', text: 'Vietnam became a full member of BRICS this year.' },
    ],
    refutedBy: ['vn-brics-partner-country'],
    firstSeen: '2025-06',
    status: 'active',
  },
];

/** The fixtures as the import files look. */
export const fixtureFactsFile = () =>
  JSON.stringify({ name: 'test facts', status: 'test fixture', facts: fixtureFacts }, null, 2);
export const fixtureNarrativesFile = () =>
  JSON.stringify({ name: 'test narratives', status: 'test fixture', narratives: fixtureNarratives }, null, 2);
