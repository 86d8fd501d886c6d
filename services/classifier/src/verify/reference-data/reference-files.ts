import { factKinds, type KnownNarrative, type VerifiedFact } from '@claimwatch/shared/domain';
import { AppError } from '@claimwatch/shared/errors';
import { z } from 'zod';

/**
 * The JSON files reference data is exchanged in (infra/reference-data/*.json): validated field by field,
 * with errors that name the file, the record and the field.
 */
const isoPartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const kebabId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case id');
const bilingual = z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) });

const Source = z.object({
  url: z.url(),
  title: z.string().min(1),
  publisher: z.string().nullish(),
  date: isoPartialDate.nullish(),
});

const Quantity = z.object({
  value: z.number(),
  unit: z.string().min(1),
  scale: z.number().positive().default(1),
  metric: z.string().min(1),
  year: z.number().int().nullish(),
});

const Structure = z.object({
  parties: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected an ISO code or organisation id')).min(1),
  relation: z.string().min(1),
  level: z.string().nullish(),
  organisation: z.string().nullish(),
  date: isoPartialDate.nullish(),
  quantity: Quantity.nullish(),
  validFrom: isoPartialDate.nullish(),
  validTo: isoPartialDate.nullish(),
});

export const FactRecord = z
  .object({
    id: kebabId,
    kind: z.enum(factKinds),
    structured: Structure,
    text: bilingual,
    sources: z.array(Source).min(1, 'a fact needs at least one source'),
    tags: z.array(z.string()).default([]),
    status: z.enum(['active', 'retired']).default('active'),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'figure' && !f.structured.quantity)
      ctx.addIssue({
        code: 'custom',
        path: ['structured', 'quantity'],
        message: 'a figure needs a quantity',
      });
    if (f.kind === 'partnership' && !f.structured.level)
      ctx.addIssue({ code: 'custom', path: ['structured', 'level'], message: 'a partnership needs a level' });
    if (f.kind === 'membership' && !f.structured.organisation)
      ctx.addIssue({
        code: 'custom',
        path: ['structured', 'organisation'],
        message: 'a membership needs an organisation',
      });
    const { validFrom, validTo } = f.structured;
    if (validFrom && validTo && validTo < validFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['structured', 'validTo'],
        message: 'validTo is before validFrom',
      });
  });

export const NarrativeRecord = z.object({
  id: kebabId,
  title: bilingual,
  description: bilingual,
  examplePhrasings: z
    .array(z.object({ lang: z.string().min(2), text: z.string().trim().min(1) }))
    .min(1, 'a narrative needs at least one example phrasing'),
  refutedBy: z.array(kebabId).default([]),
  firstSeen: isoPartialDate.nullish(),
  status: z.enum(['active', 'retired']).default('active'),
});

const FileHeader = {
  name: z.string().optional(),
  status: z.string().optional(),
  generatedAt: z.string().optional(),
};

export const FactsFile = z.object({ ...FileHeader, facts: z.array(z.unknown()) });
export const NarrativesFile = z.object({ ...FileHeader, narratives: z.array(z.unknown()) });

export type ParsedFile<T> = { name?: string | undefined; status?: string | undefined; records: T[] };

function fail(file: string, where: string, issue: z.core.$ZodIssue | undefined): never {
  const field = issue?.path.length ? issue.path.join('.') : '';
  throw new AppError(
    'input_invalid',
    `${file}: ${where}${field ? ` field ${field}` : ''}: ${issue?.message ?? 'invalid'}`,
  );
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('input_invalid', `${file}: not JSON (${(error as Error).message})`);
  }
}

function parseRecords<T>(file: string, items: unknown[], schema: z.ZodType<T>, label: string): T[] {
  const seen = new Set<string>();
  return items.map((item, i) => {
    const id = (item as { id?: unknown })?.id;
    const where = `${label} #${i + 1}${typeof id === 'string' ? ` (${id})` : ''}`;
    const result = schema.safeParse(item);
    if (!result.success) fail(file, where, result.error.issues[0]);
    const record = result.data as T & { id: string };
    if (seen.has(record.id)) throw new AppError('input_invalid', `${file}: ${where}: duplicate id`);
    seen.add(record.id);
    return record;
  });
}

export function parseFactsFile(file: string, text: string): ParsedFile<VerifiedFact> {
  const top = FactsFile.safeParse(parseJson(file, text));
  if (!top.success) fail(file, 'file', top.error.issues[0]);
  const records = parseRecords(file, top.data.facts, FactRecord, 'fact').map(
    (f): VerifiedFact => ({
      ...f,
      structured: {
        parties: f.structured.parties,
        relation: f.structured.relation,
        level: f.structured.level ?? null,
        organisation: f.structured.organisation ?? null,
        date: f.structured.date ?? null,
        quantity: f.structured.quantity
          ? { ...f.structured.quantity, year: f.structured.quantity.year ?? null }
          : null,
        validFrom: f.structured.validFrom ?? null,
        validTo: f.structured.validTo ?? null,
      },
      sources: f.sources.map((s) => ({ ...s, publisher: s.publisher ?? null, date: s.date ?? null })),
    }),
  );
  return { name: top.data.name, status: top.data.status, records };
}

/** `knownFactIds`: every narrative's `refutedBy` must name one of them. */
export function parseNarrativesFile(
  file: string,
  text: string,
  knownFactIds: ReadonlySet<string>,
): ParsedFile<KnownNarrative> {
  const top = NarrativesFile.safeParse(parseJson(file, text));
  if (!top.success) fail(file, 'file', top.error.issues[0]);
  const records = parseRecords(file, top.data.narratives, NarrativeRecord, 'narrative').map(
    (n): KnownNarrative => ({ ...n, firstSeen: n.firstSeen ?? null }),
  );
  for (const n of records)
    for (const factId of n.refutedBy)
      if (!knownFactIds.has(factId))
        throw new AppError(
          'input_invalid',
          `${file}: narrative ${n.id} field refutedBy: unknown fact id ${factId} (import the facts first)`,
        );
  return { name: top.data.name, status: top.data.status, records };
}
