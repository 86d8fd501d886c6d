export type TextSegment = { text: string; isClaim: boolean };

/**
 * The article text cut around the claim's span, for rendering as text with the claim in a <mark>.
 * A span outside the text is clamped; an empty or missing one yields the whole text unmarked.
 */
export function splitHighlight(text: string, span: { start: number; end: number } | null): TextSegment[] {
  if (!span) return [{ text, isClaim: false }];
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  if (start === end) return [{ text, isClaim: false }];
  return [
    { text: text.slice(0, start), isClaim: false },
    { text: text.slice(start, end), isClaim: true },
    { text: text.slice(end), isClaim: false },
  ].filter((s) => s.text.length > 0);
}

/** Only web links are offered as links; crawled data could hold `javascript:` or worse. */
export function safeExternalUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
