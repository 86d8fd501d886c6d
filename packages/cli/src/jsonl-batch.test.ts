import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createFeedBatchParser } from '@claimwatch/crawler';
import { afterAll, describe, expect, it } from 'vitest';
import { mapJsonLines } from './jsonl-batch.ts';

describe('claimwatch feed (JSON lines in, one line out per line in)', () => {
  const parser = createFeedBatchParser({ workers: 1, timeoutMs: 5000 });
  afterAll(() => parser.close());

  it('answers every line of a gzipped file in order, bad lines included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cw-feed-'));
    const lines = [
      JSON.stringify({
        id: 'vi',
        content:
          '<rss><channel><title>Tin mới</title><item><title>Hà Nội</title><pubDate>Tue, 14 Nov 2017 17:42:01 +0700</pubDate></item></channel></rss>',
      }),
      'not json',
      JSON.stringify({ id: 'empty' }),
      JSON.stringify({ id: 'html', content: '<html><body>x</body></html>' }),
    ];
    writeFileSync(path.join(dir, 'in.jsonl.gz'), gzipSync(`${lines.join('\n')}\n`));
    const { lines: count } = await mapJsonLines({
      inPath: path.join(dir, 'in.jsonl.gz'),
      outPath: path.join(dir, 'out.jsonl'),
      concurrency: 4,
      run: (record) => parser.run(record),
      onBadLine: (reason) => ({ id: null, title: null, items: [], error: `input_invalid: ${reason}` }),
    });
    const out = readFileSync(path.join(dir, 'out.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(count).toBe(4);
    expect(out.map((o) => o.id)).toEqual(['vi', null, 'empty', 'html']);
    expect(out[0]).toMatchObject({
      title: 'Tin mới',
      error: null,
      items: [{ title: 'Hà Nội', published: '2017-11-14T17:42:01+07:00' }],
    });
    expect(out.slice(1).every((o) => typeof o.error === 'string')).toBe(true);
  }, 30_000);
});
