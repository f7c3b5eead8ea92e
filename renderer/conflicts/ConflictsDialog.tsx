/**
 * The meeting's conflicts, each with its two versions side by side and who wrote them: keep the one
 * in place, use the other, or combine them by hand. Each choice is sent as a `conflict.resolve`
 * change; nothing is dropped until the clerk chooses. After a choice the keyboard moves on to the
 * next conflict, or to Close when none is left.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ConflictResolution } from '../../main/domain/changes';
import { describeConflict } from '../../main/domain/conflictLabels';
import { blockText, type Meeting, type MeetingConflict, type MinuteBlock } from '../../main/domain/meeting';
import { Dialog } from '../ui/Dialog';
import { canCombine, combinedResolution, combinedStart, describeFieldValue } from './conflictText';

interface ConflictsDialogProps {
  meeting: Meeting;
  /** Read only: the conflicts are shown, but choosing needs "Edit as well". */
  readOnly: boolean;
  /** The conflict to start at (from an item's "Resolve conflicts"). */
  startAt?: string;
  onResolve: (conflict: MeetingConflict, resolution: ConflictResolution) => void;
  onClose: () => void;
}

function Runs({ block }: { block: MinuteBlock }) {
  // A table shows its cells' text, a row a line and a tab between cells, so the two versions can be told apart.
  if (block.type === 'table') return <span className="conflict__table">{blockText(block)}</span>;
  if (block.runs.length === 0) return <span className="conflict__empty">(empty paragraph)</span>;
  return (
    <>
      {block.runs.map((run, index) => {
        let content: ReactNode = run.text;
        if (run.marks?.includes('underline')) content = <u>{content}</u>;
        if (run.marks?.includes('italic')) content = <em>{content}</em>;
        if (run.marks?.includes('bold')) content = <strong>{content}</strong>;
        return <span key={index}>{content}</span>;
      })}
    </>
  );
}

function byWhom(caption: string, author: string | undefined): string {
  return author ? `${caption} — ${author}` : caption;
}

function ConflictEntry({
  meeting,
  conflict,
  readOnly,
  autoFocus,
  onResolve,
}: {
  meeting: Meeting;
  conflict: MeetingConflict;
  readOnly: boolean;
  autoFocus: boolean;
  onResolve: (resolution: ConflictResolution) => void;
}) {
  const headingId = useId();
  const combinedId = useId();
  const [combining, setCombining] = useState<string | null>(null);
  const label = describeConflict(meeting, conflict);
  const keptCaption = byWhom(conflict.kind === 'paragraph' ? 'Kept in the minutes' : 'Kept in the record', conflict.kept.author);
  const otherCaption = byWhom('Other version', conflict.other.author);
  const version = (which: 'kept' | 'other') =>
    conflict.kind === 'paragraph' ? <Runs block={conflict[which].block} /> : describeFieldValue(meeting, conflict, conflict[which].value);

  return (
    <li className="conflict" data-conflict-id={conflict.id}>
      <div role="group" aria-labelledby={headingId}>
        <h3 id={headingId} className="conflict__label" tabIndex={-1} {...(autoFocus ? { 'data-autofocus': true } : {})}>
          {label}
        </h3>
        <div className="conflict__versions">
          <figure className="conflict__version conflict__version--kept">
            <figcaption className="conflict__caption">{keptCaption}</figcaption>
            <blockquote className="conflict__text">{version('kept')}</blockquote>
            <button type="button" className="button button--small" disabled={readOnly} onClick={() => onResolve('kept')}>
              Keep this version
            </button>
          </figure>
          <figure className="conflict__version conflict__version--other">
            <figcaption className="conflict__caption">{otherCaption}</figcaption>
            <blockquote className="conflict__text">{version('other')}</blockquote>
            <button type="button" className="button button--small" disabled={readOnly} onClick={() => onResolve('other')}>
              Use the other version
            </button>
          </figure>
        </div>
        {canCombine(conflict) ? (
          combining === null ? (
            <button type="button" className="button button--small button--quiet" disabled={readOnly} onClick={() => setCombining(combinedStart(conflict))}>
              Combine…
            </button>
          ) : (
            <div className="conflict__combine">
              <label className="field__label" htmlFor={combinedId}>
                Combined text
              </label>
              <textarea id={combinedId} className="field__input" rows={4} value={combining} autoFocus onChange={(event) => setCombining(event.target.value)} />
              <div className="form__actions">
                <button type="button" className="button button--primary button--small" onClick={() => onResolve(combinedResolution(conflict, combining))}>
                  Use the combined text
                </button>
                <button type="button" className="button button--small" onClick={() => setCombining(null)}>
                  Cancel combining
                </button>
              </div>
            </div>
          )
        ) : null}
      </div>
    </li>
  );
}

export function ConflictsDialog({ meeting, readOnly, startAt, onResolve, onClose }: ConflictsDialogProps) {
  const list = useRef<HTMLOListElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  // Where the keyboard goes after a choice: the conflict that took the resolved one's place.
  const [focusAfter, setFocusAfter] = useState<number | null>(null);
  const conflicts = meeting.conflicts;
  const start = Math.max(
    0,
    conflicts.findIndex((conflict) => conflict.id === startAt),
  );

  useEffect(() => {
    if (focusAfter === null) return;
    setFocusAfter(null);
    const headings = list.current?.querySelectorAll<HTMLElement>('.conflict__label');
    const next = headings?.[Math.min(focusAfter, headings.length - 1)];
    if (next) next.focus();
    else done.current?.focus();
  }, [focusAfter]);

  function resolve(conflict: MeetingConflict, index: number, resolution: ConflictResolution): void {
    onResolve(conflict, resolution);
    setFocusAfter(index);
  }

  return (
    <Dialog
      title={conflicts.length > 0 ? `Conflicts to resolve (${conflicts.length})` : 'Conflicts to resolve'}
      wide
      description={
        conflicts.length > 0 ? (
          <p>
            These were changed differently on two computers. Both versions are kept until you choose one or combine them.
            {readOnly ? ' The meeting is open read only: choose “Edit as well” to resolve them.' : ''}
          </p>
        ) : undefined
      }
      onCancel={onClose}
    >
      {conflicts.length > 0 ? (
        <ol className="conflicts" ref={list}>
          {conflicts.map((conflict, index) => (
            <ConflictEntry
              key={conflict.id}
              meeting={meeting}
              conflict={conflict}
              readOnly={readOnly}
              autoFocus={index === start}
              onResolve={(resolution) => resolve(conflict, index, resolution)}
            />
          ))}
        </ol>
      ) : (
        <p role="status">All conflicts are resolved.</p>
      )}
      <div className="dialog__buttons">
        <button type="button" className="button" ref={done} onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
