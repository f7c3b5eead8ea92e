/**
 * The formatting toolbar above the minutes. It follows the toolbar pattern: one Tab stop, arrow
 * keys between buttons, and buttons that keep the cursor in the minutes when clicked. It reads only
 * the few facts it shows from the editor, so typing does not re-render it.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { SUB_HEADING_LEVEL } from './blocks';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  subHeading: boolean;
  bulletList: boolean;
  numberedList: boolean;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

interface ToolbarButton {
  label: string;
  shortcut?: string;
  /** Whether the button shows as pressed; undefined for actions rather than toggles. */
  pressed?: (state: ToolbarState) => boolean;
  enabled?: (state: ToolbarState) => boolean;
  run: (editor: Editor) => void;
}

const BUTTONS: readonly ToolbarButton[] = [
  { label: 'Bold', shortcut: 'Control+B', pressed: (s) => s.bold, run: (e) => e.chain().focus().toggleBold().run() },
  { label: 'Italic', shortcut: 'Control+I', pressed: (s) => s.italic, run: (e) => e.chain().focus().toggleItalic().run() },
  {
    label: 'Underline',
    shortcut: 'Control+U',
    pressed: (s) => s.underline,
    run: (e) => e.chain().focus().toggleUnderline().run(),
  },
  {
    label: 'Sub-heading',
    shortcut: `Control+Alt+${SUB_HEADING_LEVEL}`,
    pressed: (s) => s.subHeading,
    run: (e) => e.chain().focus().toggleHeading({ level: SUB_HEADING_LEVEL }).run(),
  },
  {
    label: 'Bulleted list',
    shortcut: 'Control+Shift+8',
    pressed: (s) => s.bulletList,
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    label: 'Numbered list',
    shortcut: 'Control+Shift+7',
    pressed: (s) => s.numberedList,
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    // Three columns with a header row, the shape of most minutes tables (Minute / Item / Lead); Tab moves on, and adds a row at the end.
    label: 'Insert table',
    enabled: (s) => !s.inTable,
    run: (e) => e.chain().focus().insertTable({ rows: 2, cols: 3, withHeaderRow: true }).run(),
  },
  { label: 'Undo', shortcut: 'Control+Z', enabled: (s) => s.canUndo, run: (e) => e.chain().focus().undo().run() },
  { label: 'Redo', shortcut: 'Control+Y', enabled: (s) => s.canRedo, run: (e) => e.chain().focus().redo().run() },
];

/** Keys and what they do, for the F1 sheet. */
export interface KeyHelp {
  keys: string;
  description: string;
}

/** The toolbar's keys as the F1 sheet lists them, from the same table as the buttons. */
export const FORMATTING_KEYS: readonly KeyHelp[] = BUTTONS.flatMap((button) =>
  button.shortcut ? [{ keys: button.shortcut.replace('Control', 'Ctrl'), description: `In the minutes: ${button.label.toLowerCase()}` }] : [],
);

/** What typing does in the minutes besides the keys: tiptap's input rules as the starter kit sets them, and name completion. */
export const TYPED_TRIGGERS: readonly KeyHelp[] = [
  { keys: '- or * then a space, at the start of a line', description: 'In the minutes: start a bulleted list' },
  { keys: '1. then a space, at the start of a line', description: 'In the minutes: start a numbered list' },
  { keys: '### then a space, at the start of a line', description: 'In the minutes: make the line a sub-heading' },
  { keys: '**words**', description: 'In the minutes: bold (the asterisks go)' },
  { keys: '*words* or _words_', description: 'In the minutes: italic' },
  { keys: 'Tab / Shift+Tab', description: 'In a list: indent or outdent the item; in a table: next or previous cell (Tab in the last cell adds a row)' },
];

function readToolbarState(editor: Editor): ToolbarState {
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    subHeading: editor.isActive('heading', { level: SUB_HEADING_LEVEL }),
    bulletList: editor.isActive('bulletList'),
    numberedList: editor.isActive('orderedList'),
    inTable: editor.isActive('table'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

function sameToolbarState(a: ToolbarState, b: ToolbarState | null): boolean {
  if (!b) return false;
  return (Object.keys(a) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);
}

export function MinutesToolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => readToolbarState(current),
    equalityFn: sameToolbarState,
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function moveFocus(index: number): void {
    const wrapped = (index + BUTTONS.length) % BUTTONS.length;
    setFocusIndex(wrapped);
    buttons.current[wrapped]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const keys: Record<string, number> = {
      ArrowRight: focusIndex + 1,
      ArrowLeft: focusIndex - 1,
      Home: 0,
      End: BUTTONS.length - 1,
    };
    const target = keys[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveFocus(target);
  }

  return (
    <div className="minutes-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      {BUTTONS.map((button, index) => {
        const enabled = button.enabled ? button.enabled(state) : true;
        return (
          <button
            key={button.label}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className={`minutes-toolbar__button minutes-toolbar__button--${button.label.toLowerCase().replace(/\W+/g, '-')}`}
            tabIndex={index === focusIndex ? 0 : -1}
            aria-pressed={button.pressed ? button.pressed(state) : undefined}
            // Stays focusable when unavailable, as the toolbar pattern asks, so arrow keys never skip it.
            aria-disabled={enabled ? undefined : true}
            aria-keyshortcuts={button.shortcut}
            title={button.shortcut ? `${button.label} (${button.shortcut.replace('Control', 'Ctrl')})` : button.label}
            // Clicking must not take the cursor out of the minutes.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocusIndex(index)}
            onClick={() => {
              if (enabled) button.run(editor);
            }}
          >
            {button.label}
          </button>
        );
      })}
    </div>
  );
}
