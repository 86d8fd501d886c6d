export type Span = { start: number; end: number };

/**
 * Where a claim sits in the text people see. The classifier's offsets index the NFC form of the
 * document text; when they no longer fit (the article was re-extracted since), the claim's own sentence
 * is looked for instead, and when that is gone too there is nothing to highlight.
 */
export function locateClaim(text: string, claim: { start: number; end: number; text: string }): Span | null {
  const { start, end } = claim;
  if (Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length) {
    if (text.slice(start, end) === claim.text) return { start, end };
  }
  if (claim.text.length === 0) return null;
  const at = text.indexOf(claim.text);
  return at < 0 ? null : { start: at, end: at + claim.text.length };
}
