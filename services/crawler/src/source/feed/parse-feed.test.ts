import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './feed-date.ts';
import { htmlToText } from './feed-text.ts';
import { parseFeed } from './parse-feed.ts';

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
        published: '2026-11-05T08:30:00+07:00',
        summary: 'Hai nước nâng cấp quan hệ',
      },
    ]);
    expect(Date.parse(feed.items[0]!.published!)).toBe(Date.parse('2026-11-05T01:30:00Z'));
  });

  it('reads Atom entries, preferring the alternate link and resolving xml:base', () => {
    const feed =
      parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://x.example/news/"><title>A</title>
      <entry><title type="html">One &amp;amp; two</title><link rel="self" href="/api/1"/><link rel="alternate" href="1.html"/>
      <updated>2026-11-02T08:00:00+07:00</updated><summary>S</summary></entry></feed>`);
    expect(feed.items[0]).toEqual({
      title: 'One & two',
      link: 'https://x.example/news/1.html',
      published: '2026-11-02T08:00:00+07:00',
      summary: 'S',
    });
  });

  it('reads RSS 1.0 (RDF) items outside the channel and Dublin Core dates', () => {
    const feed =
      parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel><title>R</title></channel>
      <item rdf:about="https://r.example/1"><title>T</title><dc:date>2026-11-01T10:00Z</dc:date></item></rdf:RDF>`);
    expect(feed.items).toEqual([
      { title: 'T', link: 'https://r.example/1', published: '2026-11-01T10:00:00Z', summary: null },
    ]);
  });

  it('still reads ill-formed feeds: unclosed tags, stray ampersands, HTML entities, upper case', () => {
    const feed = parseFeed(`<RSS><CHANNEL><TITLE>Caf&eacute; & co</TITLE>
      <ITEM><TITLE>Broken <b>bold</TITLE><LINK>https://b.example/1</LINK><DESCRIPTION>x &nbsp; y`);
    expect(feed.title).toBe('Café & co');
    expect(feed.items[0]).toMatchObject({ title: 'Broken bold', link: 'https://b.example/1' });
  });

  it('fails with feed_invalid on something that is not a feed', () => {
    expect(() => parseFeed('<html><body><channel>no</channel></body></html>')).toThrow(
      expect.objectContaining({ code: 'feed_invalid' }),
    );
  });

  it('drops links that are not http(s)', () => {
    const feed = parseFeed(
      '<rss><channel><item><link>javascript:alert(1)</link><guid>data:text/html,x</guid></item></channel></rss>',
    );
    expect(feed.items[0]!.link).toBeNull();
  });

  it('reads JSON Feed', () => {
    const feed = parseFeed(
      JSON.stringify({
        title: 'J',
        items: [{ url: 'https://j.example/1', date_published: '2026-11-01T00:00:00Z' }],
      }),
    );
    expect(feed.items[0]).toMatchObject({ link: 'https://j.example/1', published: '2026-11-01T00:00:00Z' });
  });
});

describe('htmlToText', () => {
  it('drops scripts, styles and tags and decodes entities', () => {
    expect(htmlToText('<p>a&amp;b &#272;&#x1EA1;</p><style>p{}</style><script>x()</script>c')).toBe(
      'a&b Đạ c',
    );
  });

  it('never lets escaped or double-escaped markup through', () => {
    for (const hostile of [
      '&lt;script&gt;alert(1)&lt;/script&gt;safe',
      '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;safe',
      'safe<iframe src="http://e.example/"/> <img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)" onclick="alert(2)">safe</a><style>body{}</style>',
      '<svg onload="alert(1)"><script>alert(2)</script></svg>safe',
    ]) {
      const text = htmlToText(hostile);
      expect(text).toContain('safe');
      expect(text).not.toMatch(/<|alert|onerror|onclick|onload/);
    }
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 14 Nov 2017 17:42:01 +0700', '2017-11-14T17:42:01+07:00'],
    ['14 Nov 2017 17:42 ICT', '2017-11-14T17:42:00+07:00'],
    ['Sun, 01 Jan 06 00:00:00 EST', '2006-01-01T00:00:00-05:00'],
    ['2026-11-02T08:00:00.250+07:00', '2026-11-02T08:00:00.250+07:00'],
    ['2026-11-02', '2026-11-02T00:00:00Z'],
    ['2026-11', '2026-11-01T00:00:00Z'],
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it.each(['yesterday', '2026-02-31', '', '31 Foo 2020', '2026-13-01'])('refuses %j', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});
