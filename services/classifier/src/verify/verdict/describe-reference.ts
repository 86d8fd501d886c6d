/** Names and dates in the two UI languages, for one-sentence explanations. */
export type Lang = 'vi' | 'en';

const displayNames = {
  vi: new Intl.DisplayNames(['vi'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};

const ORGANISATION_NAMES: Record<string, { vi: string; en: string }> = {
  UN: { vi: 'Liên hợp quốc', en: 'the United Nations' },
  UNSC: { vi: 'Hội đồng Bảo an Liên hợp quốc', en: 'the UN Security Council' },
  WTO: { vi: 'Tổ chức Thương mại Thế giới (WTO)', en: 'the World Trade Organization' },
  EU: { vi: 'Liên minh châu Âu', en: 'the European Union' },
  NATO: { vi: 'NATO', en: 'NATO' },
};

export function nameOf(id: string, lang: Lang): string {
  const org = ORGANISATION_NAMES[id];
  if (org) return org[lang];
  if (/^[A-Z]{2}$/.test(id)) {
    try {
      const name = displayNames[lang].of(id);
      if (name && name !== id) return lang === 'vi' && id === 'US' ? 'Hoa Kỳ' : name;
    } catch {
      // not a region code: fall through
    }
  }
  return id;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** ISO partial date (YYYY, YYYY-MM, YYYY-MM-DD) at its own precision. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'vi') {
    if (d) return `ngày ${d}/${m}/${y}`;
    if (m) return `tháng ${m}/${y}`;
    return `năm ${y}`;
  }
  if (d) return `${d} ${EN_MONTHS[m! - 1]} ${y}`;
  if (m) return `${EN_MONTHS[m - 1]} ${y}`;
  return `${y}`;
}

export const LEVEL_NAMES: Record<string, { vi: string; en: string }> = {
  comprehensive_strategic_partnership: {
    vi: 'Đối tác chiến lược toàn diện',
    en: 'comprehensive strategic partnership',
  },
  strategic_partnership: { vi: 'Đối tác chiến lược', en: 'strategic partnership' },
  comprehensive_partnership: { vi: 'Đối tác toàn diện', en: 'comprehensive partnership' },
  member: { vi: 'thành viên', en: 'member' },
  partner: { vi: 'nước đối tác', en: 'partner country' },
  non_permanent_member: { vi: 'ủy viên không thường trực', en: 'non-permanent member' },
  observer: { vi: 'quan sát viên', en: 'observer' },
};

export function formatMoney(value: number, unit: string, lang: Lang): string {
  const [scale, vi, en] =
    value >= 1e9 ? [1e9, 'tỷ', 'billion'] : value >= 1e6 ? [1e6, 'triệu', 'million'] : [1, '', ''];
  const n = Number((value / scale).toFixed(2));
  const written = lang === 'vi' ? String(n).replace('.', ',') : String(n);
  return `${written}${(lang === 'vi' ? vi : en) ? ` ${lang === 'vi' ? vi : en}` : ''} ${unit}`;
}
