import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from './export.ts';

describe('escaping for exports', () => {
  it('keeps Markdown literal: inline markup anywhere, block markers at line starts', () => {
    expect(escapeMarkdown('a *b* _c_ `d` [e](f) <g> |h| ~i~')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\|h\\| \\~i\\~',
    );
    expect(escapeMarkdown('# title\n- item\n+ item\n> quote\n1. one\n  2) two')).toBe(
      '\\# title\n\\- item\n\\+ item\n\\> quote\n1\\. one\n  2\\) two',
    );
    expect(escapeMarkdown('Ngày 21/9/1973 - hai nước.')).toBe('Ngày 21/9/1973 - hai nước.');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
