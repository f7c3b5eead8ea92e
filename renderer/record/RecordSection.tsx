/**
 * The frame every record section of an item shares (declarations, decisions, actions): a region
 * named by its heading, one fieldset per entry with its own Remove button, an Add button, and a way
 * back from a removal (a toast with Undo).
 */
import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { MeetingChange } from '../../main/domain/changes';
import type { Attendee } from '../../main/domain/meeting';
import { UndoToast } from '../ui/UndoToast';
import { attendeeOptionLabel, ENTRY_FIRST_FIELD } from './recordChange';

type EntityPut = Extract<MeetingChange, { kind: 'entity.put' }>;

/** "Decision 1" as it reads mid-sentence: "decision 1". */
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

interface Removal {
  removed: string | undefined;
  onUndo: () => void;
  onDismiss: () => void;
  sectionRef: RefObject<HTMLElement | null>;
  addButtonRef: RefObject<HTMLButtonElement | null>;
}

/**
 * Removes an entry so that it can be brought back: `remove` sends the removal, moves the focus to
 * the section's Add button (the Remove button is gone), and the section offers Undo, which puts the
 * same entry (same id) back. Give `removal` to the RecordSection.
 */
export function useUndoableRemove(onChange: (change: MeetingChange) => void) {
  const [removed, setRemoved] = useState<{ name: string; put: EntityPut }>();
  const sectionRef = useRef<HTMLElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  function remove(name: string, put: EntityPut): void {
    onChange({ kind: 'entity.remove', collection: put.collection, id: put.entity.id });
    setRemoved({ name, put });
    addButtonRef.current?.focus();
  }

  function onUndo(): void {
    if (!removed) return;
    onChange(removed.put);
    setRemoved(undefined);
    // The entry is back on the next render; put the cursor in it.
    const section = sectionRef.current;
    requestAnimationFrame(() => section?.querySelector<HTMLElement>(`[${ENTRY_FIRST_FIELD}="${removed.put.entity.id}"]`)?.focus());
  }

  const removal: Removal = {
    removed: removed ? `Removed ${lowerFirst(removed.name)}.` : undefined,
    onUndo,
    onDismiss: () => {
      setRemoved(undefined);
      addButtonRef.current?.focus();
    },
    sectionRef,
    addButtonRef,
  };
  return { remove, removal };
}

interface RecordSectionProps {
  title: string;
  /** Shown when there are no entries. */
  empty: string | null;
  addLabel: string;
  /** aria-keyshortcuts form of the shortcut that adds an entry, e.g. "Control+Shift+A". */
  addKeys: string;
  onAdd: () => void;
  /** Why nothing can be added yet, shown instead of the Add button. */
  cannotAdd?: string;
  removal: Removal;
  children: ReactNode;
}

export function RecordSection({ title, empty, addLabel, addKeys, onAdd, cannotAdd, removal, children }: RecordSectionProps) {
  const headingId = useId();
  return (
    <section className="record-section" aria-labelledby={headingId} ref={removal.sectionRef}>
      <h3 id={headingId} className="record-section__heading">
        {title}
      </h3>
      {empty ? <p className="record-section__empty">{empty}</p> : null}
      {children}
      {removal.removed ? <UndoToast message={removal.removed} onUndo={removal.onUndo} onDismiss={removal.onDismiss} /> : null}
      {cannotAdd ? (
        <p className="record-section__empty">{cannotAdd}</p>
      ) : (
        <button type="button" className="button button--small" ref={removal.addButtonRef} onClick={onAdd} aria-keyshortcuts={addKeys}>
          {addLabel}
        </button>
      )}
    </section>
  );
}

interface RecordEntryProps {
  /** Names the group and its Remove button: "Decision 1", "Action 64/1". */
  name: string;
  onRemove: () => void;
  children: ReactNode;
}

export function RecordEntry({ name, onRemove, children }: RecordEntryProps) {
  return (
    <fieldset className="record-entry">
      <legend className="record-entry__legend">{name}</legend>
      {children}
      <button type="button" className="button button--small button--danger" onClick={onRemove}>
        Remove {lowerFirst(name)}
      </button>
    </fieldset>
  );
}

/** One option per attendee, named as the minutes name them (with job title for officers). */
export function AttendeeOptions({ attendees }: { attendees: readonly Attendee[] }) {
  return attendees.map((attendee) => (
    <option key={attendee.id} value={attendee.id}>
      {attendeeOptionLabel(attendee)}
    </option>
  ));
}
