/**
 * The open agenda item: its title, its background (the papers and context the clerk notes before
 * the meeting) and its minutes. Mounted once per item (keyed by item id), so the minutes editor
 * starts fresh for each item and the minutes typed so far are sent when the clerk moves on.
 */
import { useId, useState, type Ref } from 'react';
import type { AgendaItem, MinuteBlock } from '../../main/domain/meeting';
import { MinutesEditor, type MinutesEditorHandle } from '../minutes/MinutesEditor';

interface AgendaItemPaneProps {
  item: AgendaItem;
  number: number;
  onRename: (title: string) => void;
  onBackgroundChange: (background: string) => void;
  onMinutesChange: (minutes: MinuteBlock[]) => void;
  minutesEditorRef: Ref<MinutesEditorHandle>;
}

export function AgendaItemPane({ item, number, onRename, onBackgroundChange, onMinutesChange, minutesEditorRef }: AgendaItemPaneProps) {
  const headingId = useId();
  const titleId = useId();
  const backgroundId = useId();
  const minutesHintId = useId();
  // The editor owns the minutes once loaded; later copies in the meeting are its own output.
  const [initialMinutes] = useState(item.minutes);

  return (
    <section className="item-pane" aria-labelledby={headingId}>
      <h2 id={headingId} className="item-pane__heading">
        Item {number}
      </h2>
      <div className="field">
        <label htmlFor={titleId} className="field__label">
          Item title
        </label>
        <input
          id={titleId}
          className="field__input field__input--title"
          type="text"
          data-item-title
          maxLength={500}
          value={item.title}
          onChange={(event) => onRename(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={backgroundId} className="field__label">
          Background
        </label>
        <textarea
          id={backgroundId}
          className="field__input field__input--background"
          rows={3}
          value={item.background}
          onChange={(event) => onBackgroundChange(event.target.value)}
        />
      </div>
      <div className="field">
        <span className="field__label" aria-hidden="true">
          Minutes
        </span>
        <p id={minutesHintId} className="field__hint">
          Saved as you type. Ctrl+B bold, Ctrl+I italic, Ctrl+U underline, Ctrl+Z undo, Ctrl+Y redo.
        </p>
        <MinutesEditor
          ref={minutesEditorRef}
          initialMinutes={initialMinutes}
          onMinutesChange={onMinutesChange}
          describedBy={minutesHintId}
        />
      </div>
    </section>
  );
}
