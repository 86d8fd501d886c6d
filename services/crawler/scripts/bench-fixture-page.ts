/** A realistic news page for the benchmark: navigation, scripts, an article, related links, a footer. */
const WORDS =
  'government minister agreement cooperation trade investment partnership economy security region summit delegation statement official talks energy infrastructure education visit president'.split(
    ' ',
  );

function sentence(seed: number, length: number): string {
  const words = Array.from({ length }, (_, k) => WORDS[(seed * 31 + k * 7) % WORDS.length]);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function fixturePage(i: number): string {
  const nav = Array.from({ length: 60 }, (_, k) => `<li><a href="/section-${k}">Section ${k}</a></li>`).join(
    '',
  );
  const paragraphs = Array.from(
    { length: 10 },
    (_, p) =>
      `<p>${Array.from({ length: 4 }, (_, s) => sentence(i * 13 + p * 5 + s, 14 + ((i + s) % 9))).join(' ')}</p>`,
  ).join('\n');
  const related = Array.from(
    { length: 25 },
    (_, k) => `<li><a href="/article-${(i + k + 1) * 7}.html">${sentence(i + k, 8)}</a></li>`,
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story ${i} | Fixture News</title>
<meta property="og:title" content="Story ${i}"><meta property="article:published_time" content="2026-11-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+07:00">
<style>${'.x{color:red}'.repeat(200)}</style><script>${'var a=1;'.repeat(400)}</script></head>
<body><header><nav><ul>${nav}</ul></nav></header>
<main><article><h1>Story ${i}</h1><div class="byline">By the desk</div>${paragraphs}
<div class="share-buttons"><a href="#">Share</a><a href="#">Tweet</a></div></article>
<aside class="related"><h3>Related</h3><ul>${related}</ul></aside></main>
<footer><p>© 2026 Fixture News. All rights reserved.</p>${nav}</footer></body></html>`;
}
