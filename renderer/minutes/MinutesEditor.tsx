/**
 * The minutes of one agenda item, as the clerk types them. The document lives in the editor, not in
 * React state, so a keystroke touches neither React nor the network: changes are turned into blocks
 * after a short pause (see minutesSaveSchedule) and handed to the meeting as one `item.minutes` change.
 * Mount one editor per item (key it by item id): loading an item then never counts as an edit, and
 * undo never reaches back into another item.
 */
import { memo, useEffect, useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { MinuteBlock } from '../../main/domain/meeting';
import { blocksFromDocument, documentFromBlocks } from './blocks';
import { minutesExtensions } from './minutesExtensions';
import { createMinutesSaveSchedule, type MinutesSaveSchedule } from './minutesSaveSchedule';
import { MinutesToolbar } from './MinutesToolbar';
import { normalizePastedHtml } from './pastedHtml';
import './minutes.css';

export interface MinutesEditorHandle {
  /** Sends any minutes typed but not yet sent; call before switching item or leaving the meeting. */
  flush(): void;
}

interface MinutesEditorProps {
  initialMinutes: readonly MinuteBlock[];
  onMinutesChange: (minutes: MinuteBlock[]) => void;
  /** The id of the visible label for the minutes, if any; the editable area is named "Minutes" regardless. */
  describedBy?: string;
  ref?: Ref<MinutesEditorHandle>;
}

// Memoised so that the meeting re-rendering (a title typed, minutes sent) leaves the editor alone.
export const MinutesEditor = memo(function MinutesEditor({ initialMinutes, onMinutesChange, describedBy, ref }: MinutesEditorProps) {
  const onMinutesChangeRef = useRef(onMinutesChange);
  useLayoutEffect(() => {
    onMinutesChangeRef.current = onMinutesChange;
  }, [onMinutesChange]);

  const editor = useEditor(
    {
      extensions: minutesExtensions,
      content: documentFromBlocks(initialMinutes),
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

  useImperativeHandle(ref, () => ({ flush: () => schedule.current?.flush() }), []);

  if (!editor) return null;
  return (
    <div className="minutes-editor">
      <MinutesToolbar editor={editor} />
      <EditorContent editor={editor} className="minutes-editor__frame" />
    </div>
  );
});
