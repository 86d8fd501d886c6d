import type { DemoArticle } from './load-articles.ts';
import { outletSlug } from './load-articles.ts';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const BANNER = {
  vi: 'NỘI DUNG MINH HỌA HƯ CẤU — trang tin giả lập dùng để trình diễn ClaimWatch.',
  en: 'FICTIONAL DEMO CONTENT — a simulated news site for demonstrating ClaimWatch.',
};

const bannerFor = (lang: string) => (lang === 'vi' ? BANNER.vi : BANNER.en);

/** An article page shaped like a real news site: navigation, sidebar and footer around the article. */
export function renderArticlePage(article: DemoArticle, base: string, related: DemoArticle[]): string {
  const url = `${base}/articles/${article.slug}.html`;
  const date = article.published.toISOString();
  return `<!doctype html>
<html lang="${esc(article.lang)}">
<head>
<meta charset="utf-8">
<title>${esc(article.title)} | ${esc(article.outlet)}</title>
<meta name="description" content="${esc(article.summary)}">
<meta property="og:title" content="${esc(article.title)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="${date}">
<link rel="canonical" href="${url}">
<link rel="alternate" type="application/rss+xml" href="${base}/rss/${outletSlug(article.outlet)}.xml">
<style>body{font-family:sans-serif;max-width:60rem;margin:auto}.banner{background:#fee;padding:.5rem}aside{float:right;width:14rem}</style>
</head>
<body>
<div class="banner" role="note">${esc(bannerFor(article.lang))}</div>
<header><a href="${base}/">${esc(article.outlet)}</a>
<nav><a href="${base}/section/${esc(article.section)}.html">${esc(article.section)}</a> · <a href="${base}/">Trang chủ / Home</a> · <a href="${base}/sitemap.xml">Sitemap</a></nav></header>
<aside><h3>${article.lang === 'vi' ? 'Đọc nhiều' : 'Most read'}</h3><ul>
${related.map((r) => `<li><a href="${base}/articles/${r.slug}.html">${esc(r.title)}</a></li>`).join('\n')}
</ul><div class="ad">${article.lang === 'vi' ? 'Quảng cáo' : 'Advertisement'}</div></aside>
<main><article>
<h1>${esc(article.title)}</h1>
<p class="byline"><time datetime="${date}">${date.slice(0, 10)}</time> · ${esc(article.outlet)}</p>
<p class="lead"><strong>${esc(article.summary)}</strong></p>
${article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article></main>
<footer><p>${esc(bannerFor(article.lang))}</p><p>© ${esc(article.outlet)} (demo)</p></footer>
</body>
</html>`;
}

export function renderRss(outlet: string, articles: DemoArticle[], base: string): string {
  const items = articles
    .slice()
    .sort((a, b) => b.published.getTime() - a.published.getTime())
    .map(
      (a) => `<item>
<title>${esc(a.title)}</title>
<link>${base}/articles/${a.slug}.html</link>
<guid isPermaLink="true">${base}/articles/${a.slug}.html</guid>
<pubDate>${a.published.toUTCString()}</pubDate>
<description><![CDATA[${a.summary.replace(/]]>/g, ']]&gt;')}]]></description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${esc(outlet)} (demo)</title>
<link>${base}/</link>
<description>${esc(BANNER.en)}</description>
${items}
</channel></rss>`;
}

export function renderSitemap(articles: DemoArticle[], base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${articles.map((a) => `<url><loc>${base}/articles/${a.slug}.html</loc><lastmod>${a.published.toISOString()}</lastmod></url>`).join('\n')}
</urlset>`;
}

export function renderHome(articles: DemoArticle[], outlets: string[], base: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>ClaimWatch demo news</title>
${outlets.map((o) => `<link rel="alternate" type="application/rss+xml" title="${esc(o)}" href="${base}/rss/${outletSlug(o)}.xml">`).join('\n')}
</head><body><div class="banner">${esc(BANNER.vi)} / ${esc(BANNER.en)}</div><ul>
${articles.map((a) => `<li><a href="${base}/articles/${a.slug}.html">${esc(a.title)}</a></li>`).join('\n')}
</ul></body></html>`;
}
