import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchJsonl } from './match-jsonl.ts';

describe('matchJsonl', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cw-match-'));
  const refs = path.join(dir, 'refs.jsonl');
  const queries = path.join(dir, 'q.jsonl');
  const out = path.join(dir, 'out.jsonl');

  it('writes k results per query, best first, accepting CLEF "vclaim" lines', async () => {
    writeFileSync(
      refs,
      [
        {
          id: 'a',
          text: 'The Eiffel Tower was painted pink for a charity event',
          title: 'Pink Eiffel Tower?',
        },
        { id: 'b', vclaim: 'A shark swam down a flooded highway after a hurricane', title: 'Highway shark' },
        { id: 3, text: 'Bill Gates said vaccines contain microchips' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    writeFileSync(
      queries,
      `${JSON.stringify({ id: 'q1', text: 'Look, a shark on the flooded highway!' })}\n`,
    );
    const counts = await matchJsonl({ indexFile: refs, queriesFile: queries, outFile: out, k: 2 });
    expect(counts).toEqual({ references: 3, queries: 1, errors: 0 });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].query_id).toBe('q1');
    expect(lines[0].results[0].id).toBe('b');
    expect(lines[0].results.length).toBeLessThanOrEqual(2);
  });

  it('answers unreadable query lines with an error line and goes on', async () => {
    writeFileSync(refs, `${JSON.stringify({ id: 'b', text: 'A shark swam down a flooded highway' })}\n`);
    writeFileSync(
      queries,
      [
        JSON.stringify({ id: 'q1', text: 'shark on the highway' }),
        '{not json',
        JSON.stringify({ id: 7 }),
        JSON.stringify({ text: 'no id here' }),
        '',
        JSON.stringify({ id: 'q2', text: 'flooded highway shark' }),
      ].join('\n'),
    );
    const counts = await matchJsonl({ indexFile: refs, queriesFile: queries, outFile: out, k: 1 });
    expect(counts).toEqual({ references: 1, queries: 2, errors: 3 });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query_id)).toEqual(['q1', null, '7', null, 'q2']);
    expect(lines[0].results[0].id).toBe('b');
    expect(lines[1]).toEqual({ query_id: null, line: 2, error: 'line 2: not JSON' });
    expect(lines[2].error).toMatch(/^line 3: text/);
    expect(lines[2].results).toBeUndefined();
    expect(lines[3].line).toBe(4);
    expect(lines[4].results[0].id).toBe('b');
  });

  it('names the file and line of a bad reference', async () => {
    writeFileSync(refs, `${JSON.stringify({ id: 'a', text: 'ok' })}\n${JSON.stringify({ id: 'b' })}\n`);
    await expect(matchJsonl({ indexFile: refs, queriesFile: queries, outFile: out, k: 1 })).rejects.toThrow(
      /refs\.jsonl:2/,
    );
  });

  it('remembers confirmed phrasings of references, except for the query they came from', async () => {
    writeFileSync(
      refs,
      [
        { id: 'a', text: 'The Eiffel Tower was painted pink for a charity event' },
        {
          id: 'b',
          text: 'A shark swam down a flooded highway after a hurricane',
          phrasings: ['Great white spotted cruising the interstate after the storm'],
        },
        {
          id: 'c',
          text: 'Bill Gates said vaccines contain microchips',
          phrasings: [{ text: 'Tiny trackers are hidden in the jab, says billionaire', source: 'q2' }],
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    writeFileSync(
      queries,
      [
        JSON.stringify({ id: 'q1', text: 'Great white cruising the interstate!' }),
        JSON.stringify({ id: 'q2', text: 'Tiny trackers hidden in the jab' }),
        JSON.stringify({ id: 'q3', text: 'Tiny trackers hidden in the jab' }),
      ].join('\n'),
    );
    await matchJsonl({ indexFile: refs, queriesFile: queries, outFile: out, k: 3 });
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { results: { id: string }[] });
    const ids = lines.map((l) => l.results.map((r) => r.id));
    expect(ids[0]).toContain('b');
    expect(ids[1]).not.toContain('c');
    expect(ids[2]).toContain('c');
  });

  it('refuses a phrasing that is neither a string nor {text}', async () => {
    writeFileSync(refs, `${JSON.stringify({ id: 'a', text: 'ok', phrasings: [{ words: 'x' }] })}\n`);
    await expect(matchJsonl({ indexFile: refs, queriesFile: queries, outFile: out, k: 1 })).rejects.toThrow(
      /refs\.jsonl:1/,
    );
  });
});
