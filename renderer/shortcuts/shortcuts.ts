/**
 * The meeting screen's keyboard shortcuts: one table, read both by the key handler and by the
 * cheat sheet (F1), so what the sheet says is what the keys do. Keys are chosen to avoid what the
 * editor, the agenda (Alt+Up/Down reorders an item) and Electron already use: its default menu
 * takes Ctrl+Shift+I (developer tools) before the page sees it, so an interest is Ctrl+Shift+E.
 * Export is Ctrl+Shift+X: Ctrl+E is the browser's search box, and neither Electron's menu nor the
 * minutes editor (strike-through and code marks are off) uses Ctrl+Shift+X.
 */

export type ShortcutCommand =
  | 'nextItem'
  | 'previousItem'
  | 'newAction'
  | 'newDecision'
  | 'declareInterest'
  | 'markMovement'
  | 'insertTime'
  | 'insertSnippet'
  | 'exportMinutes'
  | 'showShortcuts';

export interface Shortcut {
  command: ShortcutCommand;
  /** KeyboardEvent.key, compared case-insensitively. */
  key: string;
  ctrl: boolean;
  shift: boolean;
  /** As the clerk reads it: "Ctrl+Shift+A". */
  label: string;
  /** In aria-keyshortcuts form: "Control+Shift+A". */
  ariaKeys: string;
  description: string;
}

function shortcut(command: ShortcutCommand, key: string, modifiers: { ctrl?: boolean; shift?: boolean }, description: string): Shortcut {
  const ctrl = modifiers.ctrl ?? false;
  const shift = modifiers.shift ?? false;
  const name = key.length === 1 ? key.toUpperCase() : key;
  const label = [ctrl ? 'Ctrl' : '', shift ? 'Shift' : '', name].filter(Boolean).join('+');
  const ariaKeys = [ctrl ? 'Control' : '', shift ? 'Shift' : '', name].filter(Boolean).join('+');
  return { command, key, ctrl, shift, label, ariaKeys, description };
}

export const SHORTCUTS: readonly Shortcut[] = [
  shortcut('nextItem', 'F8', {}, 'Next agenda item'),
  shortcut('previousItem', 'F8', { shift: true }, 'Previous agenda item'),
  shortcut('newAction', 'a', { ctrl: true, shift: true }, 'New action on this item'),
  shortcut('newDecision', 'd', { ctrl: true, shift: true }, 'New decision on this item'),
  shortcut('declareInterest', 'e', { ctrl: true, shift: true }, 'Declare an interest on this item'),
  shortcut('markMovement', 'm', { ctrl: true, shift: true }, 'Mark an arrival or departure'),
  shortcut('insertTime', 't', { ctrl: true, shift: true }, 'Insert the current time into the minutes'),
  shortcut('insertSnippet', 's', { ctrl: true, shift: true }, 'Insert a standard phrase into the minutes'),
  shortcut('exportMinutes', 'x', { ctrl: true, shift: true }, 'Export the minutes to Word'),
  shortcut('showShortcuts', 'F1', {}, 'Show these keyboard shortcuts'),
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The shortcut this key press is, if any. Cmd counts as Ctrl on a Mac. */
export function shortcutFor(press: KeyPress): Shortcut | undefined {
  if (press.altKey) return undefined;
  const ctrl = press.ctrlKey || press.metaKey;
  const key = press.key.toLowerCase();
  return SHORTCUTS.find((each) => each.key.toLowerCase() === key && each.ctrl === ctrl && each.shift === press.shiftKey);
}

export function shortcutOf(command: ShortcutCommand): Shortcut {
  return SHORTCUTS.find((each) => each.command === command)!;
}
