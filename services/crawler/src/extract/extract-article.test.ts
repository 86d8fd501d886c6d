import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.ts';

const paragraphs = [
  'Hà Nội và Tokyo đã ký một thỏa thuận hợp tác mới về thương mại và đầu tư trong buổi gặp hôm thứ Hai.',
  'The agreement covers trade, investment and education between the two countries over the next five years.',
  'Officials said the deal would be reviewed every year by a joint committee meeting alternately in both capitals.',
];

const page = (
  article: string,
  head = '',
) => `<!doctype html><html lang="vi"><head><title>Deal signed | Example News</title>
<meta property="og:title" content="Deal signed"><link rel="canonical" href="/news/deal?utm_source=x">${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-buttons">Share this on Facebook</div>
${article}
<aside class="related"><h3>Related</h3><a href="/a">Another story about something else entirely</a></aside>
<footer>© 2026 Example News. All rights reserved.</footer></body></html>`;

describe('extractArticle', () => {
  it('keeps the article paragraphs and drops navigation, sharing, captions, hidden and related blocks', () => {
    const html = page(`<article><h1>Deal signed</h1>
      <figure><img src="/p.jpg"><figcaption>Photo: Reuters/Someone</figcaption></figure>
      ${paragraphs.map((p) => `<p>${p}</p>`).join('')}
      <p>Read more: Another unrelated story</p>
      <div style="display:none">Hidden tracking text that must not appear</div>
      <script>document.write('never')</script></article>`);
    const article = extractArticle(html, 'https://news.example/news/deal');
    for (const p of paragraphs) expect(article.text).toContain(p);
    expect(article.text).not.toMatch(/Share this|Photo: Reuters|Hidden tracking|never|Read more|All rights/);
    expect(article.title).toBe('Deal signed');
    expect(article.canonicalUrl).toBe('https://news.example/news/deal?utm_source=x');
    expect(article.declaredLang).toBe('vi');
    expect(article.extractor).toMatch(/readability$/);
  });

  it('reads the publication date from JSON-LD with high reliability, else from the URL with low', () => {
    const jsonLd = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2026-11-02T08:00:00+07:00","image":{"url":"/lead.jpg"}}</script>`;
    const withJsonLd = extractArticle(
      page(`<article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`, jsonLd),
      'https://news.example/x',
    );
    expect(withJsonLd.publishedAt?.toISOString()).toBe('2026-11-02T01:00:00.000Z');
    expect(withJsonLd.publishedReliability).toBe('high');
    expect(withJsonLd.leadImageUrl).toBe('https://news.example/lead.jpg');
    const fromUrl = extractArticle(
      page(`<article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`),
      'https://news.example/2026/11/05/deal.html',
    );
    expect(fromUrl.publishedAt?.toISOString()).toBe('2026-11-05T00:00:00.000Z');
    expect(fromUrl.publishedReliability).toBe('low');
  });

  it('falls back to prose blocks when Readability finds too little', () => {
    const cells = paragraphs.map((p) => `<tr><td>${p} ${p}</td></tr>`).join('');
    const article = extractArticle(`<html><body><table>${cells}</table></body></html>`, 'https://t.example/');
    for (const p of paragraphs) expect(article.text).toContain(p);
  });

  it('survives inline styles that jsdom cannot parse, and refuses pages without text', () => {
    const odd = page(
      `<article style="border: inherit; border-width: )))"><p style="font: ((">${paragraphs.join(' ')}</p></article>`,
    );
    expect(extractArticle(odd, 'https://o.example/').text).toContain(paragraphs[0]);
    expect(() => extractArticle('<html><body><nav>Menu</nav></body></html>', 'https://e.example/')).toThrow(
      expect.objectContaining({ code: 'extract_no_content' }),
    );
  });
});
