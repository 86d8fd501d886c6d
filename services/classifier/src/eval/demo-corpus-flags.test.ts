import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoArticles } from '../../../../infra/demo-site/load-articles.ts';
import { defaultGazetteer } from '../detect/gazetteer/load-gazetteer.ts';
import { classifyDocument, classifyFiles } from '../jsonl/classify-jsonl.ts';
import { loadBuiltInActiveModels } from '../models/built-in.ts';
import { createVerifyContext, readStarterReferenceData } from '../verify/verifier.ts';
import { evaluateFlags } from './evaluate-flags.ts';

const gazetteer = defaultGazetteer();

describe('flags on the bundled demo corpus (starter reference data, built-in models)', () => {
  it('flags every planted claim with the right reason and reference, and no ordinary article as contradicting', async () => {
    const models = await loadBuiltInActiveModels();
    const { facts, narratives } = readStarterReferenceData();
    const ctx = createVerifyContext(facts, narratives, { gazetteer });
    const articles = loadDemoArticles();
    const documents = [];
    for (const a of articles) {
      const r = await classifyDocument(
        {
          id: a.slug,
          text: a.paragraphs.join('\n\n'),
          title: a.title,
          lang: a.lang,
          publishedAt: a.published.toISOString(),
        },
        gazetteer,
        models,
        ctx,
      );
      documents.push({ id: a.slug, planted: a.planted ?? [], flags: r.flags });
    }
    const result = evaluateFlags(documents);
    expect(result.planted).toBeGreaterThanOrEqual(12);
    expect(result.missed).toEqual([]);
    expect(result.ordinaryContradicting).toEqual([]);
    expect(result.precision).toBeGreaterThanOrEqual(0.9);
    // Every flag is a suggestion that explains itself in both UI languages and names its models.
    for (const d of documents)
      for (const f of d.flags) {
        expect(f.status).toBe('suggested');
        expect(f.explanation.vi.length).toBeGreaterThan(10);
        expect(f.explanation.en.length).toBeGreaterThan(10);
        expect(f.models.map((m) => m.id)).toContain('claimwatch-verify-policy');
      }
    // 47 articles through language ID, detection and verification: seconds on a loaded 2-core machine.
  }, 120_000);
});

describe('claimwatch classify (JSON lines, no Redis or database)', () => {
  it('writes one line per document, in input order, with suggested flags and their references', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cw-classify-'));
    try {
      const inFile = path.join(dir, 'docs.jsonl');
      const outFile = path.join(dir, 'flags.jsonl');
      const docs = [
        {
          id: 1,
          text: 'Vietnam, which became a full member of BRICS last year, is expected to press for more infrastructure loans.',
          lang: 'en',
        },
        { id: 'rain', text: 'Heavy rain fell on the central provinces on Monday.', title: 'Weather' },
      ];
      writeFileSync(inFile, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
      const counts = await classifyFiles({
        inFile,
        outFile,
        models: await loadBuiltInActiveModels(),
        gazetteer,
      });
      const lines = readFileSync(outFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual(['1', 'rain']);
      expect(counts.documents).toBe(2);
      const [brics, rain] = lines;
      expect(rain.flags).toEqual([]);
      expect(
        brics.flags.map((f: { reason: string; references: { id: string }[] }) => [
          f.reason,
          f.references[0]?.id,
        ]),
      ).toEqual([
        ['contradicts_verified_fact', 'vn-brics-partner-country'],
        ['repeats_known_narrative', 'nar-vn-full-member-brics'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
