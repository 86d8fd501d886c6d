import type { FlagReason, ReferenceSource, ResponseTemplate, VerdictLabel } from '@claimwatch/shared/domain';
import { SOCIAL_REPLY_MAX_LENGTH } from './response.schemas.ts';

/**
 * Deterministic drafts: every sentence is fixed wording around data the system holds (the claim, where it
 * appeared, the verified facts and their sources). No generated prose: the writer edits from here.
 */

export type TemplateClaim = {
  text: string;
  documentTitle: string | null;
  documentUrl: string;
  publishedAt: Date | null;
};
export type TemplateFact = { id: string; text: { vi: string; en: string }; sources: ReferenceSource[] };
export type TemplateInput = {
  template: ResponseTemplate;
  verdict: VerdictLabel;
  claims: TemplateClaim[];
  facts: TemplateFact[];
};
type Lang = 'vi' | 'en';

export const verdictWords: Record<Lang, Record<VerdictLabel, string>> = {
  vi: {
    false: 'Sai sự thật',
    misleading: 'Gây hiểu lầm',
    missing_context: 'Thiếu bối cảnh',
    unverified: 'Chưa được kiểm chứng',
    true: 'Đúng sự thật',
  },
  en: {
    false: 'False',
    misleading: 'Misleading',
    missing_context: 'Missing context',
    unverified: 'Unverified',
    true: 'True',
  },
};

export function defaultVerdict(reason: FlagReason): VerdictLabel {
  if (reason === 'contradicts_verified_fact') return 'false';
  if (reason === 'repeats_known_narrative') return 'misleading';
  return 'unverified';
}

const outlet = (c: TemplateClaim) => {
  try {
    return new URL(c.documentUrl).hostname;
  } catch {
    return c.documentUrl;
  }
};
const day = (d: Date | null, lang: Lang) =>
  d
    ? lang === 'vi'
      ? d.toISOString().slice(0, 10).split('-').reverse().join('/')
      : d.toISOString().slice(0, 10)
    : null;

function appeared(c: TemplateClaim, lang: Lang): string {
  const date = day(c.publishedAt, lang);
  if (lang === 'vi') return `đăng trên ${outlet(c)}${date ? ` ngày ${date}` : ''}`;
  return `published by ${outlet(c)}${date ? ` on ${date}` : ''}`;
}

function sourcesOf(facts: TemplateFact[]): ReferenceSource[] {
  const seen = new Set<string>();
  return facts.flatMap((f) => f.sources).filter((s) => !seen.has(s.url) && !!seen.add(s.url));
}

function sourceLines(facts: TemplateFact[]): string[] {
  return sourcesOf(facts).map((s) => `- ${s.title} — ${s.url}`);
}

function officialStatement(input: TemplateInput, lang: Lang): string {
  const verdict = verdictWords[lang][input.verdict];
  const lines: string[] = [];
  if (lang === 'vi') {
    lines.push('TUYÊN BỐ', '');
    for (const c of input.claims)
      lines.push(
        `Về thông tin “${c.text}” ${appeared(c, lang)}: đánh giá của chúng tôi là ${verdict.toLowerCase()}.`,
      );
    if (input.facts.length > 0) {
      lines.push('', 'Sự thật đã được xác minh:');
      for (const f of input.facts) lines.push(`- ${f.text.vi}`);
    }
    lines.push('', 'Nguồn:', ...sourceLines(input.facts));
    lines.push('', 'Đề nghị bạn đọc tham khảo các nguồn chính thức nêu trên.');
  } else {
    lines.push('STATEMENT', '');
    for (const c of input.claims)
      lines.push(
        `Regarding the claim “${c.text}” ${appeared(c, lang)}: our assessment is ${verdict.toLowerCase()}.`,
      );
    if (input.facts.length > 0) {
      lines.push('', 'The verified facts:');
      for (const f of input.facts) lines.push(`- ${f.text.en}`);
    }
    lines.push('', 'Sources:', ...sourceLines(input.facts));
    lines.push('', 'We invite readers to consult the official sources above.');
  }
  return lines.join('\n');
}

function qaExplainer(input: TemplateInput, lang: Lang): string {
  const verdict = verdictWords[lang][input.verdict];
  const lines: string[] = [];
  for (const c of input.claims) {
    lines.push(lang === 'vi' ? `Hỏi: Có đúng là “${c.text}”?` : `Q: Is it true that “${c.text}”?`);
    lines.push(lang === 'vi' ? `Đáp: ${verdict}.` : `A: ${verdict}.`);
    for (const f of input.facts) lines.push(f.text[lang]);
    lines.push(
      lang === 'vi' ? `(Thông tin này ${appeared(c, lang)}.)` : `(The claim was ${appeared(c, lang)}.)`,
      '',
    );
  }
  lines.push(lang === 'vi' ? 'Nguồn:' : 'Sources:', ...sourceLines(input.facts));
  return lines.join('\n');
}

const clip = (text: string, max: number) =>
  max <= 1 ? '' : text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** Verdict, the claim and the first fact, clipped so the whole reply stays within the length limit. */
function socialReply(input: TemplateInput, lang: Lang): string {
  const verdict = verdictWords[lang][input.verdict];
  const source = sourcesOf(input.facts)[0]?.url;
  const tail = source ? ` ${lang === 'vi' ? 'Nguồn' : 'Source'}: ${source}` : '';
  const claim = input.claims[0]?.text ?? '';
  const fact = input.facts[0]?.text[lang] ?? '';
  const fixed = `${verdict}: “”.${fact ? ' ' : ''}${tail}`.length;
  const room = SOCIAL_REPLY_MAX_LENGTH - fixed;
  const claimRoom = Math.min(claim.length, Math.max(40, Math.floor(room * 0.4)));
  const clippedClaim = clip(claim, Math.min(claimRoom, room));
  const clippedFact = clip(fact, room - clippedClaim.length);
  const text = `${verdict}: “${clippedClaim}”.${clippedFact ? ` ${clippedFact}` : ''}${tail}`;
  return clip(text, SOCIAL_REPLY_MAX_LENGTH);
}

export function renderTemplate(input: TemplateInput): { vi: string; en: string } {
  const render =
    input.template === 'official_statement'
      ? officialStatement
      : input.template === 'qa_explainer'
        ? qaExplainer
        : socialReply;
  return { vi: render(input, 'vi'), en: render(input, 'en') };
}
