import type { TextBlock } from './text-blocks.ts';

/**
 * Drops the boilerplate that survives inside an article container: "read also" teasers, share and
 * follow prompts, copyright lines, lists of links. Only short blocks are judged; a long paragraph is
 * article text even when it mentions "subscribe".
 */
const TEASER =
  /^(read|see|watch|listen|related|more|also read|read also|read more|recommended|lea (también|más|además)|lee también|mira|ver también|puedes ver|à lire aussi|lire aussi|voir aussi|lesen sie (auch|mehr)|mehr zum thema|auch interessant|das könnte sie auch interessieren|leggi anche|xem thêm|đọc thêm|tin liên quan|bài liên quan|читайте также|相关阅读|延伸阅读)\b.{0,200}$/i;
const PROMPT =
  /\b(share (this|on)|follow (us|the)|sign up|subscribe|newsletter|all rights reserved|copyright ©|©\s*\d{4}|click here|teilen sie|jetzt (abonnieren|teilen)|werbung|anzeige|advertisement|publicidad|suscríbete|abonnez-vous|đăng ký nhận|theo dõi chúng tôi)\b/i;

export function isBoilerplateBlock(block: TextBlock): boolean {
  const length = block.text.length;
  if (length === 0) return true;
  if (length < 220 && TEASER.test(block.text) && /[:|»›>]|^\S+\s*$/.test(block.text.slice(0, 40)))
    return true;
  if (length < 160 && PROMPT.test(block.text)) return true;
  // A short block that is (almost) all link text is navigation or a teaser list item.
  if (length < 200 && block.linkChars / length > 0.6) return true;
  return false;
}

/** Drops boilerplate blocks, then trailing blocks that are only link lists or dates. */
export function filterBlocks(blocks: TextBlock[]): TextBlock[] {
  return blocks.filter((b) => !isBoilerplateBlock(b));
}
