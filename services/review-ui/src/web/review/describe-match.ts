/**
 * One entry of a flag's `evidence.matches`, as the classifier wrote it, read defensively: the web UI shows
 * the fields it knows as text and keeps anything else as raw JSON.
 */
export type DescribedMatch = {
  kind: 'verified_fact' | 'known_narrative' | 'response' | 'other';
  id: string | null;
  version: number | null;
  score: number | null;
  text: string | null;
  /** A structured comparison: which check, and the two values compared. */
  check: { name: string; claimValue: string | null; factValue: string | null } | null;
  nli: { entailment: number; neutral: number; contradiction: number } | null;
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const KINDS = new Set(['verified_fact', 'known_narrative', 'response']);

export function describeMatch(match: unknown): DescribedMatch | null {
  if (!isObject(match)) return null;
  const kind = str(match.kind);
  const nli = isObject(match.nli) ? match.nli : null;
  const nliScores = nli
    ? { entailment: num(nli.entailment), neutral: num(nli.neutral), contradiction: num(nli.contradiction) }
    : null;
  return {
    kind: kind && KINDS.has(kind) ? (kind as DescribedMatch['kind']) : 'other',
    id: str(match.id),
    version: num(match.version),
    score: num(match.score),
    text: str(match.text),
    check: str(match.check)
      ? { name: str(match.check)!, claimValue: str(match.claimValue), factValue: str(match.factValue) }
      : null,
    nli:
      nliScores &&
      nliScores.entailment !== null &&
      nliScores.neutral !== null &&
      nliScores.contradiction !== null
        ? (nliScores as DescribedMatch['nli'])
        : null,
  };
}
