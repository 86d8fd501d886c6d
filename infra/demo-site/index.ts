import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DemoArticle, loadDemoArticles, outletSlug } from './load-articles.ts';
import { renderArticlePage, renderHome, renderRss, renderSitemap } from './render-pages.ts';

export { type DemoArticle, loadDemoArticles, outletSlug, type PlantedClaim } from './load-articles.ts';

export type DemoSite = {
  url: string;
  /** host:port, for the crawler's SSRF allow list. */
  host: string;
  articles: DemoArticle[];
  feedUrls: string[];
  sitemapUrl: string;
  close(): Promise<void>;
};

/** Serves the bundled fictional news site on loopback: home, per-outlet RSS, one sitemap, article pages. */
export async function startDemoSite(options: { port: number; articles?: DemoArticle[] }): Promise<DemoSite> {
  const articles = options.articles ?? loadDemoArticles();
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  let base = '';
  const bySlug = new Map(articles.map((a) => [a.slug, a]));

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'max-age=60' });
      res.end(body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed');
    if (path === '/robots.txt') {
      return send(
        200,
        'text/plain',
        `User-agent: *\nAllow: /\nDisallow: /private/\n\nSitemap: ${base}/sitemap.xml\n`,
      );
    }
    if (path === '/' || path === '/index.html')
      return send(200, 'text/html', renderHome(articles, outlets, base));
    if (path === '/sitemap.xml') return send(200, 'application/xml', renderSitemap(articles, base));
    const feed = /^\/rss\/([a-z0-9-]+)\.xml$/.exec(path);
    if (feed) {
      const outlet = outlets.find((o) => outletSlug(o) === feed[1]);
      if (!outlet) return send(404, 'text/plain', 'no such feed');
      return send(
        200,
        'application/rss+xml',
        renderRss(
          outlet,
          articles.filter((a) => a.outlet === outlet),
          base,
        ),
      );
    }
    const page = /^\/articles\/([a-z0-9-]+)\.html$/.exec(path);
    const article = page ? bySlug.get(page[1]!) : undefined;
    if (article) {
      const related = articles
        .filter((a) => a.outlet === article.outlet && a.slug !== article.slug)
        .slice(0, 5);
      return send(200, 'text/html', renderArticlePage(article, base, related));
    }
    return send(404, 'text/html', '<!doctype html><title>404</title><p>Not found</p>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    host: `127.0.0.1:${port}`,
    articles,
    feedUrls: outlets.map((o) => `${base}/rss/${outletSlug(o)}.xml`),
    sitemapUrl: `${base}/sitemap.xml`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
