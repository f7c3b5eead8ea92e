/**
 * The minutes of one agenda item, as the clerk types them. The document lives in the editor, not in
 * React state, so a keystroke touches neither React nor the network: changes are turned into blocks
 * after a short pause (see minutesSaveSchedule) and handed to the meeting, which sends only the
 * paragraphs that changed (minutesChanges).
 * Mount one editor per item (key it by item id): loading an item then never counts as an edit, and
 * undo never reaches back into another item.
 */
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { TextSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import type { MinuteBlock } from '../../main/domain/meeting';
import { blocksFromDocument, documentFromBlocks } from './blocks';
import { blockIdAt, blockOffsetAt, minutesUpdateTransaction, textblocksById } from './minutesEditorUpdate';
import type { BlockOffset } from './minutesReconcile';
import { minutesExtensions } from './minutesExtensions';
import { NameCompletion, type CompletionName } from './nameCompletion';
import { createMinutesSaveSchedule, type MinutesSaveSchedule } from './minutesSaveSchedule';
import { MinutesToolbar } from './MinutesToolbar';
import { normalizePastedHtml } from './pastedHtml';
import './minutes.css';

export interface MinutesEditorHandle {
  /** Sends any minutes typed but not yet sent; call before switching item or leaving the meeting. */
  flush(): void;
  /** Inserts plain text at the cursor (or where the cursor last was) and puts focus in the minutes. */
  insertText(text: string): void;
  /** The minutes as the editor holds them now, including what is typed but not yet sent. */
  blocks(): MinuteBlock[];
  /**
   * The id of the paragraph (list item, table) where the clerk's cursor is or was last in these
   * minutes; undefined if the clerk has not put the cursor in them since the item opened.
   */
  blockAtCursor(): string | undefined;
  /** Puts the keyboard in the minutes with the cursor where it is (or was last), not at the start. */
  focus(): void;
  /**
   * Shows these minutes (a colleague's changes merged in, a conflict resolved): only the paragraphs
   * that differ are touched, the cursor stays where it was, undo is not affected and nothing is sent.
   */
  showMinutes(minutes: readonly MinuteBlock[]): void;
}

const NO_NAMES: readonly CompletionName[] = [];

interface MinutesEditorProps {
  initialMinutes: readonly MinuteBlock[];
  onMinutesChange: (minutes: MinuteBlock[]) => void;
  /** The id of the visible label for the minutes, if any; the editable area is named "Minutes" regardless. */
  describedBy?: string;
  /** Who name completion offers ("@" or a surname); read only when the list opens. */
  names?: () => readonly CompletionName[];
  /**
   * Minutes written by Minute Book from the record (apologies, declarations). When they change and
   * nothing typed is waiting to be sent, the editor shows them; once the clerk types, they are left alone.
   */
  generatedMinutes?: readonly MinuteBlock[];
  /** False while the meeting is open read only: the minutes can be read and selected, not changed. */
  editable?: boolean;
  /** Where the clerk's cursor was when this item was last open, to put it back there. */
  initialCursor?: BlockOffset;
  /** Told, when the item closes, where the clerk's cursor was (undefined if never placed). */
  onLeave?: (cursor: BlockOffset | undefined) => void;
  ref?: Ref<MinutesEditorHandle>;
}

// Memoised so that the meeting re-rendering (a title typed, minutes sent) leaves the editor alone.
export const MinutesEditor = memo(function MinutesEditor({
  initialMinutes,
  onMinutesChange,
  describedBy,
  names,
  generatedMinutes,
  editable = true,
  initialCursor,
  onLeave,
  ref,
}: MinutesEditorProps) {
  const onMinutesChangeRef = useRef(onMinutesChange);
  const namesRef = useRef(names);
  useLayoutEffect(() => {
    onMinutesChangeRef.current = onMinutesChange;
    namesRef.current = names;
  }, [onMinutesChange, names]);

  const editor = useEditor(
    {
      extensions: [...minutesExtensions, NameCompletion.configure({ names: () => namesRef.current?.() ?? NO_NAMES })],
      content: documentFromBlocks(initialMinutes),
      editable,
      immediatelyRender: true,
      // The page's Content-Security-Policy forbids inline <style>; the same rules are in minutes.css.
      injectCSS: false,
      // The toolbar subscribes to what it needs; nothing else re-renders while typing.
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          'aria-label': 'Minutes',
          role: 'textbox',
          'aria-multiline': 'true',
          class: 'minutes-editor__content',
          spellcheck: 'true',
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        },
        transformPastedHTML: (html) => normalizePastedHtml(html),
      },
    },
    // Created once per mounted item; later minutes come from the clerk's typing, not from props.
    [],
  );

  useEffect(() => {
    if (!editor) return;
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
    if (editable) editor.view.dom.removeAttribute('aria-readonly');
    else editor.view.dom.setAttribute('aria-readonly', 'true');
  }, [editor, editable]);

  // Whether the clerk has put the cursor in these minutes since the item opened: only then does
  // the selection say where the clerk is writing (before, it is the editor's default at the start).
  const cursorPlaced = useRef(false);
  const onLeaveRef = useRef(onLeave);
  useLayoutEffect(() => {
    onLeaveRef.current = onLeave;
  }, [onLeave]);
  const [cursorToRestore] = useState(initialCursor);
  useLayoutEffect(() => {
    if (!editor || !cursorToRestore) return;
    const placed = textblocksById(editor.state.doc).get(cursorToRestore.blockId);
    if (!placed) return;
    const position = placed.pos + 1 + Math.min(cursorToRestore.offset, placed.node.content.size);
    // Not an edit and not for undo: only where the cursor will be when the clerk comes back.
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, position)).setMeta('addToHistory', false));
    cursorPlaced.current = true;
  }, [editor, cursorToRestore]);
  useEffect(() => {
    if (!editor) return;
    const onFocus = () => {
      cursorPlaced.current = true;
    };
    editor.on('focus', onFocus);
    return () => {
      editor.off('focus', onFocus);
      onLeaveRef.current?.(cursorPlaced.current && !editor.isDestroyed ? blockOffsetAt(editor.state.doc, editor.state.selection.head) : undefined);
    };
  }, [editor]);

  const schedule = useRef<MinutesSaveSchedule | null>(null);
  useEffect(() => {
    if (!editor) return;
    const current = createMinutesSaveSchedule(() => {
      onMinutesChangeRef.current(blocksFromDocument(editor.getJSON()));
    });
    schedule.current = current;
    const onUpdate = () => current.request();
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      current.flush();
      if (schedule.current === current) schedule.current = null;
    };
  }, [editor]);

  // Generated minutes follow the record while the clerk is not typing in them.
  const shownGenerated = useRef(generatedMinutes);
  useEffect(() => {
    if (!editor || !generatedMinutes || generatedMinutes === shownGenerated.current) return;
    if (schedule.current?.pending()) return;
    shownGenerated.current = generatedMinutes;
    const current = blocksFromDocument(editor.getJSON());
    if (JSON.stringify(current) === JSON.stringify(generatedMinutes)) return;
    editor.commands.setContent(documentFromBlocks(generatedMinutes), { emitUpdate: false });
  }, [editor, generatedMinutes]);

  useImperativeHandle(
    ref,
    () => ({
      flush: () => schedule.current?.flush(),
      insertText: (text: string) => {
        if (!editor) return;
        const { state } = editor;
        // Keep the cursor where the clerk left it; the selection survives the editor losing focus.
        const selection = state.selection instanceof TextSelection ? state.selection : TextSelection.atEnd(state.doc);
        // Inserted as plain text, so a phrase holding "<" or "&" is never read as markup.
        editor
          .chain()
          .focus()
          .command(({ tr }) => {
            tr.insertText(text, selection.from, selection.to);
            return true;
          })
          .run();
      },
      blocks: () => (editor ? blocksFromDocument(editor.getJSON()) : []),
      focus: () => {
        // ProseMirror's own focus writes its selection into the page, so the cursor is where the clerk left it.
        if (editor && !editor.isDestroyed) editor.view.focus();
      },
      blockAtCursor: () => (editor && cursorPlaced.current ? blockIdAt(editor.state.doc, editor.state.selection.head) : undefined),
      showMinutes: (minutes) => {
        if (!editor) return;
        const tr = minutesUpdateTransaction(editor.state, blocksFromDocument(editor.getJSON()), minutes);
        if (tr) editor.view.dispatch(tr);
      },
    }),
    [editor],
  );

  if (!editor) return null;
  return (
    <div className="minutes-editor">
      <MinutesToolbar editor={editor} />
      <EditorContent editor={editor} className="minutes-editor__frame" />
    </div>
  );
});
