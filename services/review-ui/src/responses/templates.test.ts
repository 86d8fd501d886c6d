import { describe, expect, it } from 'vitest';
import { SOCIAL_REPLY_MAX_LENGTH } from './response.schemas.ts';
import { defaultVerdict, renderTemplate, type TemplateInput } from './templates.ts';

const input = (overrides: Partial<TemplateInput> = {}): TemplateInput => ({
  template: 'official_statement',
  verdict: 'false',
  claims: [
    {
      text: 'Japan and Vietnam only established relations in 1995.',
      documentTitle: 'An article',
      documentUrl: 'https://news.example/a.html',
      publishedAt: new Date('2026-11-02T08:00:00Z'),
    },
  ],
  facts: [
    {
      id: 'vn-jp',
      text: {
        vi: 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao năm 1973.',
        en: 'Vietnam and Japan established relations in 1973.',
      },
      sources: [{ url: 'https://mofa.example/vn-jp', title: 'MOFA' }],
    },
  ],
  ...overrides,
});

describe('response templates', () => {
  it('fill the official statement with the claim, outlet, date, facts and sources in each language', () => {
    const { vi, en } = renderTemplate(input());
    expect(vi).toContain(
      '“Japan and Vietnam only established relations in 1995.” đăng trên news.example ngày 02/11/2026',
    );
    expect(vi).toContain('- Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao năm 1973.');
    expect(vi).toContain('- MOFA — https://mofa.example/vn-jp');
    expect(en).toContain('published by news.example on 2026-11-02: our assessment is false.');
    expect(en).toContain('- Vietnam and Japan established relations in 1973.');
  });

  it('keep a social reply within the limit however long the claim, fact and source URL are', () => {
    for (const size of [10, 100, 400, 2000]) {
      const long = 'x'.repeat(size);
      const { vi, en } = renderTemplate(
        input({
          template: 'social_reply',
          claims: [{ ...input().claims[0]!, text: `Claim ${long}` }],
          facts: [
            {
              id: 'f',
              text: { vi: `Dữ kiện ${long}`, en: `Fact ${long}` },
              sources: [{ url: `https://mofa.example/${'p'.repeat(Math.min(size, 150))}`, title: 'MOFA' }],
            },
          ],
        }),
      );
      for (const text of [vi, en])
        expect([...text].length, `${size}`).toBeLessThanOrEqual(SOCIAL_REPLY_MAX_LENGTH);
      expect(en.startsWith('False: “Claim')).toBe(true);
    }
  });

  it('write a Q&A without facts or sources when none were matched', () => {
    const { vi, en } = renderTemplate(input({ template: 'qa_explainer', verdict: 'unverified', facts: [] }));
    expect(vi).toMatch(/^Hỏi: Có đúng là “Japan/);
    expect(vi).toContain('Đáp: Chưa được kiểm chứng.');
    expect(en).toContain('A: Unverified.');
  });

  it('default the verdict from the flag reason', () => {
    expect(defaultVerdict('contradicts_verified_fact')).toBe('false');
    expect(defaultVerdict('repeats_known_narrative')).toBe('misleading');
    expect(defaultVerdict('unverified_checkworthy')).toBe('unverified');
  });
});
