import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/**
 * A local web site that misbehaves on purpose, for integration tests: slow answers, redirect loops,
 * 429 with Retry-After, robots.txt disallow, a gzip bomb, a wrong charset, a huge page, redirects to
 * loopback and cloud-metadata addresses, an image where a page was expected, exact and syndicated copies
 * of one story, and a page whose text exists only after JavaScript runs. Counts hits per path.
 */
export type MisbehavingSite = {
  base: string;
  host: string;
  hits: Map<string, number>;
  /** Paths of every article-like route, for building feeds. */
  paths: string[];
  close(): Promise<void>;
};

const STORY = [
  'Vietnam and Japan signed an agreement on Monday in Hanoi to expand cooperation in trade, investment, education and clean energy over the next five years, officials from both countries said after the talks.',
  'The deal includes new scholarship programmes, a joint fund for infrastructure and a review every year by a committee that meets alternately in Hanoi and Tokyo, according to a statement from the ministry.',
  'Analysts said the agreement builds on a comprehensive strategic partnership and could double bilateral trade by the end of the decade if the infrastructure fund is used as planned by both governments.',
];

const CAFE = [
  'Café crème – “the taste of a Saturday morning” – is back on the menu of the old café near the lake, where the owner has served coffee for more than thirty years.',
  'Regulars say the recipe has not changed: strong coffee, warm milk, a little cream, and a croissant from the bakery next door that opens before dawn every day.',
];

export const articleHtml = (title: string, paragraphs: string[], extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extra}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>Footer links and copyright</footer></body></html>`;

export const syndicatedStory = STORY;

const jsOnly = (
  forbiddenUrl: string,
) => `<!doctype html><html><head><title>Loading…</title></head><body><div id="app">Loading…</div>
<script>
  // A hostile page trying to reach a private address from the browser: must be refused.
  fetch(${JSON.stringify(forbiddenUrl)}).then((r) => r.text()).then((t) => { document.body.append('LEAKED ' + t); }).catch(() => {});
  const paragraphs = ${JSON.stringify(STORY.map((p) => p.replace('Vietnam and Japan', 'Vietnam and Korea')))};
  document.title = 'Rendered story';
  document.getElementById('app').innerHTML = '<article><h1>Rendered story</h1>' + paragraphs.map((p) => '<p>' + p + '</p>').join('') + '</article>';
</script></body></html>`;

export async function startMisbehavingSite(
  options: { retryAfterSeconds?: number; forbiddenUrl?: string } = {},
): Promise<MisbehavingSite> {
  const hits = new Map<string, number>();
  let base = '';
  const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => {
      res.setHeader('content-type', type);
      res.end(body);
    };
    const redirect = (to: string) => {
      res.statusCode = 302;
      res.setHeader('location', to);
      res.end();
    };
    switch (path) {
      case '/robots.txt':
        return html('User-agent: *\nDisallow: /private/\n', 'text/plain');
      case '/slow':
        res.setHeader('content-type', 'text/html');
        res.write('<html><body><p>');
        // Never finishes within the client's timeout; the timer is cleared when the client gives up.
        return void req.socket.setTimeout(60_000);
      case '/loop-a':
        return redirect('/loop-b');
      case '/loop-b':
        return redirect('/loop-a');
      case '/rate-limited':
        res.statusCode = 429;
        res.setHeader('retry-after', String(options.retryAfterSeconds ?? 120));
        return res.end('slow down');
      case '/private/secret':
        return html(articleHtml('Secret', STORY));
      case '/bomb':
        res.setHeader('content-type', 'text/html');
        res.setHeader('content-encoding', 'gzip');
        return res.end(bomb);
      case '/huge':
        res.setHeader('content-type', 'text/html');
        return res.end(`<html><body>${'<p>filler text</p>'.repeat(200_000)}</body></html>`);
      case '/wrong-charset':
        // Declared UTF-8, written in windows-1252: the text must still come out right.
        return html(iconv.encode(articleHtml('Café crème', CAFE), 'windows-1252'));
      case '/to-loopback':
        return redirect('http://127.0.0.1:1/admin');
      case '/to-metadata':
        return redirect('http://169.254.169.254/latest/meta-data/');
      case '/to-localhost-name':
        return redirect(`${base.replace('127.0.0.1', 'localhost')}/dup-a`);
      case '/image':
        return html('\x89PNG....', 'image/png');
      case '/dup-a':
      case '/dup-b':
        return html(articleHtml('One story, two URLs', STORY));
      case '/syndicated-1':
        return html(articleHtml('Vietnam, Japan sign deal', STORY));
      case '/syndicated-2':
        return html(
          articleHtml('Hanoi and Tokyo agree', [
            ...STORY,
            'Reporting by a wire agency; editing by another desk.',
          ]),
        );
      case '/syndicated-3':
        return html(
          articleHtml('Japan deal signed', [
            STORY[0]!.replace('on Monday', 'this week'),
            STORY[1]!,
            STORY[2]!,
          ]),
        );
      case '/js-only':
        return html(jsOnly(options.forbiddenUrl ?? 'http://169.254.169.254/latest/meta-data/'));
      default:
        res.statusCode = 404;
        return res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    base,
    host: `127.0.0.1:${port}`,
    hits,
    paths: [
      '/slow',
      '/loop-a',
      '/private/secret',
      '/bomb',
      '/huge',
      '/wrong-charset',
      '/to-loopback',
      '/to-metadata',
      '/to-localhost-name',
      '/image',
      '/dup-a',
      '/dup-b',
      '/syndicated-1',
      '/syndicated-2',
      '/syndicated-3',
    ],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
