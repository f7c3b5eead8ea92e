/**
 * The open agenda item: its title, its background (the papers and context the clerk notes before
 * the meeting), its minutes, and what was recorded on it: declarations, decisions, actions and
 * whether it is taken in private (Part 2); and what kind of entry it is (a numbered item, a lettered
 * sub-item of the minute above, or a section heading such as "PART ONE", which takes no number). Mounted once per item (keyed by item id), so the minutes
 * editor starts fresh for each item and the minutes typed so far are sent when the clerk moves on.
 */
import { useCallback, useId, useState, type Ref } from 'react';
import type { MeetingChange } from '../../main/domain/changes';
import { AgendaItemShape, type AgendaItem, type Declaration, type Meeting, type MinuteBlock } from '../../main/domain/meeting';
import { ActionsSection } from '../record/ActionsSection';
import { DecisionsSection } from '../record/DecisionsSection';
import { DeclarationsSection } from '../record/DeclarationsSection';
import { MinutesEditor, type MinutesEditorHandle } from '../minutes/MinutesEditor';
import type { CompletionName } from '../minutes/nameCompletion';
import type { BlockOffset } from '../minutes/minutesReconcile';
import { conflictsOfItem } from '../conflicts/conflictText';
import { Part2Fields } from './Part2Fields';

interface AgendaItemPaneProps {
  meeting: Meeting;
  item: AgendaItem;
  /** The item's minute number as the house style writes it, e.g. "64", "PDS/22/64" or "64(b)"; "" for a section heading. */
  number: string;
  onRename: (title: string) => void;
  onBackgroundChange: (background: string) => void;
  onMinutesChange: (minutes: MinuteBlock[]) => void;
  onChange: (change: MeetingChange) => void;
  onAddDeclaration: () => void;
  /** A declaration being added on this item, until the clerk chooses who declared it. */
  draftDeclaration: Declaration | undefined;
  onDraftDeclarationChange: (draft: Declaration | undefined) => void;
  onAddDecision: () => void;
  onAddAction: () => void;
  onWriteFromRecord: () => void;
  presentNames: () => readonly CompletionName[];
  minutesEditorRef: Ref<MinutesEditorHandle>;
  /** Read only: everything shows (and updates live) but nothing can be changed. */
  readOnly?: boolean;
  /** Opens the conflicts, starting at this one. */
  onShowConflicts?: (conflictId: string) => void;
  /** Where the clerk's cursor was in these minutes when the item was last open (F8 comes back there). */
  initialCursor?: BlockOffset;
  /** Told where the cursor was when the item closes. */
  onLeaveMinutes?: (itemId: string, cursor: BlockOffset | undefined) => void;
}

const ENTRY_KINDS: readonly { value: '' | AgendaItemShape; label: string }[] = [
  { value: '', label: 'Numbered item' },
  { value: 'sub-item', label: 'Sub-item, lettered under the item above' },
  { value: 'section', label: 'Section heading (no number), e.g. PART ONE' },
];

/** Whether anything is recorded on the item, so that a section heading still shows it rather than hide it. */
function holdsRecord(meeting: Meeting, item: AgendaItem): boolean {
  const onItem = (entry: { itemId: string }) => entry.itemId === item.id;
  return item.minutes.length > 0 || meeting.decisions.some(onItem) || meeting.actions.some(onItem) || meeting.declarations.some(onItem);
}

const GENERATED_FROM: Partial<Record<AgendaItem['role'], string>> = {
  apologies: 'Written by Minute Book from the attendance (type to edit by hand)',
  declarations: 'Written by Minute Book from the declarations (type to edit by hand)',
};

export function AgendaItemPane(props: AgendaItemPaneProps) {
  const { meeting, item, number, onRename, onBackgroundChange, onMinutesChange, onChange, presentNames, minutesEditorRef } = props;
  const headingId = useId();
  const titleId = useId();
  const backgroundId = useId();
  const minutesHintId = useId();
  const shapeId = useId();
  // The editor owns the minutes once loaded; later copies in the meeting are its own output,
  // except minutes Minute Book writes from the record, which it follows until typed in.
  const [initialMinutes] = useState(item.minutes);
  const generatedNote = GENERATED_FROM[item.role];
  const generated = generatedNote !== undefined && !item.minutesEditedByHand;
  const { onLeaveMinutes } = props;
  const itemId = item.id;
  const onLeave = useCallback((cursor: BlockOffset | undefined) => onLeaveMinutes?.(itemId, cursor), [onLeaveMinutes, itemId]);
  const conflicts = conflictsOfItem(meeting, item.id);
  const firstConflict = conflicts[0];
  const section = item.shape === 'section';
  // A section heading holds no minutes; one made from an item that had some keeps showing them.
  const showsMinutes = !section || holdsRecord(meeting, item);

  return (
    <section className="item-pane" aria-labelledby={headingId}>
      <h2 id={headingId} className="item-pane__heading">
        {section ? 'Section heading' : `Item ${number}`}
      </h2>
      {firstConflict && props.onShowConflicts ? (
        <p className="notice notice--attention">
          {conflicts.length === 1 ? '1 conflict' : `${conflicts.length} conflicts`} in this item: both versions are kept until you choose.{' '}
          <button type="button" className="button button--small" onClick={() => props.onShowConflicts?.(firstConflict.id)}>
            Resolve conflicts ({conflicts.length})
          </button>
        </p>
      ) : null}
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
        <label htmlFor={shapeId} className="field__label">
          Kind of entry
        </label>
        <select
          id={shapeId}
          className="field__input item-pane__shape"
          value={item.shape ?? ''}
          onChange={(event) => {
            const shape = AgendaItemShape.safeParse(event.target.value);
            onChange({ kind: 'item.update', itemId: item.id, fields: { shape: shape.success ? shape.data : null } });
          }}
        >
          {ENTRY_KINDS.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
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
      {showsMinutes ? (
        <>
          <div className="field">
            <span className="field__label" aria-hidden="true">
              Minutes
            </span>
            <p id={minutesHintId} className="field__hint">
              Saved as you type. Ctrl+B bold, Ctrl+I italic, Ctrl+U underline, Ctrl+Z undo, Ctrl+Y redo. Type @ to name someone present; F1 lists every
              shortcut.
            </p>
            {generatedNote !== undefined ? (
              generated ? (
                <p className="notice notice--generated">{generatedNote}</p>
              ) : (
                <p className="notice notice--generated">
                  Edited by hand.{' '}
                  <button type="button" className="button button--small" onClick={props.onWriteFromRecord}>
                    Write from the record again
                  </button>
                </p>
              )
            ) : null}
            <MinutesEditor
              ref={minutesEditorRef}
              initialMinutes={initialMinutes}
              onMinutesChange={onMinutesChange}
              describedBy={minutesHintId}
              names={presentNames}
              generatedMinutes={generated ? item.minutes : undefined}
              editable={!props.readOnly}
              initialCursor={props.initialCursor}
              onLeave={onLeave}
            />
          </div>
          <DeclarationsSection
            meeting={meeting}
            item={item}
            onChange={onChange}
            onAdd={props.onAddDeclaration}
            draft={props.draftDeclaration}
            onDraftChange={props.onDraftDeclarationChange}
          />
          <DecisionsSection meeting={meeting} item={item} onChange={onChange} onAdd={props.onAddDecision} />
          <ActionsSection meeting={meeting} item={item} onChange={onChange} onAdd={props.onAddAction} />
        </>
      ) : (
        <p className="field__hint">A section heading takes no minute number and holds no minutes; the items after it are numbered on.</p>
      )}
      {section && !item.exempt ? null : <Part2Fields item={item} onChange={onChange} />}
    </section>
  );
}
