import { describe, expect, it } from 'vitest';
import { htmlToText, parseFeed } from './parse-feed.ts';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin mới nhất</title>
<item><title>Việt Nam – Hàn Quốc</title><link>https://vnexpress.example/a.html</link>
<pubDate>Thu, 05 Nov 2026 08:30:00 +0700</pubDate>
<description><![CDATA[<a href="x"><img src="y" onerror="alert(1)"></a>Hai nước <b>nâng cấp</b> quan hệ<script>alert(2)</script>]]></description></item>
</channel></rss>`;

describe('parseFeed', () => {
  it('reads RSS with Vietnamese text and +0700 dates intact, and summaries as plain text', () => {
    const feed = parseFeed(rss);
    expect(feed.title).toBe('Tin mới nhất');
    expect(feed.items).toEqual([
      {
        title: 'Việt Nam – Hàn Quốc',
        link: 'https://vnexpress.example/a.html',
        published: '2026-11-05T01:30:00.000Z',
        summary: 'Hai nước nâng cấp quan hệ',
      },
    ]);
  });

  it('reads Atom entries', () => {
    const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><title type="html">One &amp;amp; two</title><link rel="alternate" href="https://x.example/1"/>
      <updated>2026-11-02T08:00:00+07:00</updated><summary>S</summary></entry></feed>`);
    expect(feed.items[0]).toMatchObject({
      link: 'https://x.example/1',
      published: '2026-11-02T01:00:00.000Z',
      summary: 'S',
    });
  });

  it('fails with feed_invalid on something that is not a feed', () => {
    expect(() => parseFeed('<html><body>no</body></html>')).toThrow(
      expect.objectContaining({ code: 'feed_invalid' }),
    );
  });
});

describe('htmlToText', () => {
  it('drops scripts, styles and tags and decodes entities', () => {
    expect(htmlToText('<p>a&amp;b &#272;&#x1EA1;</p><style>p{}</style><script>x()</script>c')).toBe(
      'a&b Đạ c',
    );
  });
});
