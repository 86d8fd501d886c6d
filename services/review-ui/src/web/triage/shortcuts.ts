/**
 * The triage keyboard map, as a pure function of the key event, so the list and item screens share it and
 * a unit test pins it. Keys typed into form fields never reach it.
 */

export type TriageCommand =
  | 'down'
  | 'up'
  | 'open'
  | 'toggleSelect'
  | 'selectRange'
  | 'selectAllResults'
  | 'confirm'
  | 'dismiss'
  | 'escalate'
  | 'assignToMe'
  | 'undo'
  | 'help'
  | 'escape'
  | 'showNew'
  | 'back'
  | 'note';

export type KeyLike = {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
};

export function commandOf(event: KeyLike): TriageCommand | undefined {
  if (event.altKey) return undefined;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') return 'undo';
  if (event.ctrlKey || event.metaKey) return undefined;
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      return 'down';
    case 'k':
    case 'ArrowUp':
      return 'up';
    case 'Enter':
    case 'o':
      return 'open';
    case 'x':
      return 'toggleSelect';
    case 'X':
      return 'selectRange';
    case '*':
      return 'selectAllResults';
    case 'c':
      return 'confirm';
    case 'd':
      return 'dismiss';
    case 'e':
      return 'escalate';
    case 'a':
      return 'assignToMe';
    case 'u':
      return 'undo';
    case '?':
      return 'help';
    case 'Escape':
      return 'escape';
    case 'r':
      return 'showNew';
    case 'b':
      return 'back';
    case 'n':
      return 'note';
    default:
      return undefined;
  }
}

/** Typing in a field is typing, not a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Enter on a button, link or checkbox is that control's own click, not "open the focused row". */
export function isControlTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A', 'INPUT'].includes(target.tagName);
}

/** Ids from `anchor` to `focus` inclusive, in list order (shift-x). */
export function rangeIds(ids: string[], anchor: number, focus: number): string[] {
  const [from, to] = anchor <= focus ? [anchor, focus] : [focus, anchor];
  return ids.slice(Math.max(0, from), Math.min(ids.length, to + 1));
}

/** The help dialog's rows: key label and the catalog key of its description. */
export const shortcutHelp = [
  ['j / k', 'move'],
  ['Enter', 'open'],
  ['x', 'select'],
  ['Shift+x', 'selectRange'],
  ['*', 'selectAll'],
  ['c', 'confirm'],
  ['d', 'dismiss'],
  ['e', 'escalate'],
  ['a', 'assignToMe'],
  ['u / Ctrl+z', 'undo'],
  ['r', 'showNew'],
  ['b', 'back'],
  ['n', 'note'],
  ['Esc', 'escape'],
  ['?', 'help'],
] as const;
