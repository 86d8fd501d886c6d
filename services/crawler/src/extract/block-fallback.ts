import { isBoilerplateBlock } from './block-filter.ts';
import type { TextBlock } from './text-blocks.ts';

/**
 * The second extractor, for pages where Readability finds nothing or too little (text spread over many
 * containers, tables, unusual markup): keep the blocks that read like prose (long enough, few links),
 * plus short blocks (subheadings, short paragraphs) that sit between two prose blocks.
 */
const isProse = (b: TextBlock) => b.text.length >= 80 && b.linkChars / b.text.length <= 0.25;

export function selectProseBlocks(blocks: TextBlock[]): TextBlock[] {
  const candidates = blocks.filter((b) => !isBoilerplateBlock(b));
  const prose = candidates.map(isProse);
  const kept: TextBlock[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const block = candidates[i]!;
    if (prose[i]) {
      kept.push(block);
      continue;
    }
    const before = prose.slice(Math.max(0, i - 2), i).some(Boolean);
    const after = prose.slice(i + 1, i + 3).some(Boolean);
    if (before && after && block.linkChars / block.text.length <= 0.5) kept.push(block);
  }
  return kept;
}
