import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The fictional demo corpus: one Markdown file per article with YAML front matter (see README.md). */
export const articlesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'articles');

const plantedClaim = z.object({
  reason: z.enum(['contradicts_verified_fact', 'repeats_known_narrative']),
  ref: z.string().min(1),
  sentence: z.string().min(1),
});

const frontMatter = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.string().min(2),
  outlet: z.string().min(1),
  section: z.string().min(1),
  published: z.union([z.string(), z.date()]).transform((v) => new Date(v)),
  title: z.string().min(1),
  summary: z.string().min(1),
  planted: z.array(plantedClaim).optional(),
  syndicatedFrom: z.string().optional(),
});

export type PlantedClaim = z.infer<typeof plantedClaim>;
export type DemoArticle = z.infer<typeof frontMatter> & { file: string; paragraphs: string[] };

export function parseArticle(file: string, content: string): DemoArticle {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(content);
  if (!match) throw new Error(`${file}: missing front matter`);
  const meta = frontMatter.parse(parseYaml(match[1]!));
  const paragraphs = match[2]!
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { ...meta, file, paragraphs };
}

export function loadDemoArticles(dir = articlesDir): DemoArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticle(f, readFileSync(path.join(dir, f), 'utf8')));
}

export const outletSlug = (outlet: string) =>
  outlet
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
