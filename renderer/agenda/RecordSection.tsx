/**
 * The frame every record section of an item shares (declarations, decisions, actions): a region
 * named by its heading, one fieldset per entry with its own Remove button, and an Add button.
 */
import { useId, type ReactNode } from 'react';
import type { Attendee } from '../../main/domain/meeting';
import { attendeeOptionLabel } from './recordChange';

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
  children: ReactNode;
}

export function RecordSection({ title, empty, addLabel, addKeys, onAdd, cannotAdd, children }: RecordSectionProps) {
  const headingId = useId();
  return (
    <section className="record-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="record-section__heading">
        {title}
      </h3>
      {empty ? <p className="record-section__empty">{empty}</p> : null}
      {children}
      {cannotAdd ? (
        <p className="record-section__empty">{cannotAdd}</p>
      ) : (
        <button type="button" className="button button--small" onClick={onAdd} aria-keyshortcuts={addKeys}>
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
        Remove {name.charAt(0).toLowerCase()}
        {name.slice(1)}
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
