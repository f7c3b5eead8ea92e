/**
 * The meeting screen's commands as data: one table of what each is called, its keys, whether it
 * may run while the meeting is open read only, and (for those with a button) the button's label.
 * The key handler, the cheat sheet (F1) and the buttons all read it, so what the sheet says is what
 * the keys and buttons do; the screen supplies what each command runs (`CommandRunners`). Keys are chosen to avoid what the
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
  /** Only looks or moves around, so it runs in a meeting open read only; the rest change the meeting and wait for "Edit as well". */
  allowedWhileReadOnly: boolean;
  /** The label of the command's button on the meeting screen, for those that have one. */
  button?: string;
}

interface CommandTraits {
  ctrl?: boolean;
  shift?: boolean;
  allowedWhileReadOnly?: boolean;
  button?: string;
}

function shortcut(command: ShortcutCommand, key: string, traits: CommandTraits, description: string): Shortcut {
  const ctrl = traits.ctrl ?? false;
  const shift = traits.shift ?? false;
  const name = key.length === 1 ? key.toUpperCase() : key;
  const label = [ctrl ? 'Ctrl' : '', shift ? 'Shift' : '', name].filter(Boolean).join('+');
  const ariaKeys = [ctrl ? 'Control' : '', shift ? 'Shift' : '', name].filter(Boolean).join('+');
  const allowedWhileReadOnly = traits.allowedWhileReadOnly ?? false;
  return { command, key, ctrl, shift, label, ariaKeys, description, allowedWhileReadOnly, ...(traits.button === undefined ? {} : { button: traits.button }) };
}

export const SHORTCUTS: readonly Shortcut[] = [
  shortcut('nextItem', 'F8', { allowedWhileReadOnly: true }, 'Next agenda item'),
  shortcut('previousItem', 'F8', { shift: true, allowedWhileReadOnly: true }, 'Previous agenda item'),
  shortcut('newAction', 'a', { ctrl: true, shift: true }, 'New action on this item'),
  shortcut('newDecision', 'd', { ctrl: true, shift: true }, 'New decision on this item'),
  shortcut('declareInterest', 'e', { ctrl: true, shift: true }, 'Declare an interest on this item'),
  shortcut('markMovement', 'm', { ctrl: true, shift: true }, 'Mark an arrival or departure'),
  shortcut('insertTime', 't', { ctrl: true, shift: true }, 'Insert the current time into the minutes'),
  shortcut('insertSnippet', 's', { ctrl: true, shift: true }, 'Insert a standard phrase into the minutes'),
  shortcut('exportMinutes', 'x', { ctrl: true, shift: true, allowedWhileReadOnly: true, button: 'Export…' }, 'Export the minutes to Word'),
  shortcut('showShortcuts', 'F1', { allowedWhileReadOnly: true, button: 'Keyboard shortcuts (F1)' }, 'Show these keyboard shortcuts'),
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

/** What each command does on the screen showing them: one runner per command, none forgotten. */
export type CommandRunners = Record<ShortcutCommand, () => void>;

/**
 * Runs a command, unless it would change a meeting open read only: then `refuse` says why instead.
 */
export function runCommand(command: ShortcutCommand, runners: CommandRunners, readOnly: boolean, refuse: () => void): void {
  if (readOnly && !shortcutOf(command).allowedWhileReadOnly) {
    refuse();
    return;
  }
  runners[command]();
}
