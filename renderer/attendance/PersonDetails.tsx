/**
 * What the body prints of one person, edited after a disclosure button: job title or capacity
 * (members too), initials, category (when the house style keys them), role in the body's own
 * words, and the attendance group the minutes list them in. Saved together, so half-typed text is
 * never sent.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { MinutesShape } from '../../main/domain/bodies';
import type { MeetingChange } from '../../main/domain/changes';
import type { Attendee } from '../../main/domain/meeting';
import { detailsChanges, detailsOf, type PersonDetails as Details } from './attendanceChanges';

interface PersonDetailsProps {
  attendee: Attendee;
  shape: MinutesShape;
  onChanges: (changes: MeetingChange[]) => void;
  onDone: () => void;
}

function Labelled({ id, label, who, children }: { id: string; label: string; who: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label} <span className="visually-hidden">of {who}</span>
      </label>
      {children}
    </div>
  );
}

export function PersonDetails({ attendee, shape, onChanges, onDone }: PersonDetailsProps) {
  const id = useId();
  const [draft, setDraft] = useState<Details>(() => detailsOf(attendee));
  const who = attendee.displayName;
  const text = (key: 'jobTitle' | 'initials' | 'roleLabel', maxLength: number) => ({
    id: `${id}-${key}`,
    className: 'field__input',
    type: 'text',
    autoComplete: 'off',
    maxLength,
    value: draft[key],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
  });
  const attending = shape.attendanceGroups.filter((group) => group.lists === 'attending');

  function save(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const changes = detailsChanges(attendee, draft);
    if (changes.length > 0) onChanges(changes);
    onDone();
  }

  return (
    <form className="attendance__details" onSubmit={save} aria-label={`Details of ${who}`}>
      <Labelled id={`${id}-jobTitle`} label="Job title or capacity" who={who}>
        <input {...text('jobTitle', 300)} />
      </Labelled>
      <Labelled id={`${id}-initials`} label="Initials" who={who}>
        <input {...text('initials', 10)} />
      </Labelled>
      {shape.memberCategories.length > 0 ? (
        <Labelled id={`${id}-category`} label="Category" who={who}>
          <select
            id={`${id}-category`}
            className="field__input"
            value={draft.memberCategory}
            onChange={(event) => setDraft({ ...draft, memberCategory: event.target.value })}
          >
            <option value="">None</option>
            {shape.memberCategories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.label} ({category.abbreviation})
              </option>
            ))}
          </select>
        </Labelled>
      ) : null}
      <Labelled id={`${id}-roleLabel`} label="Role as printed" who={who}>
        <input {...text('roleLabel', 100)} placeholder="e.g. Joint Deputy Chair" />
      </Labelled>
      <Labelled id={`${id}-group`} label="Attendance group" who={who}>
        <select id={`${id}-group`} className="field__input" value={draft.group} onChange={(event) => setDraft({ ...draft, group: event.target.value })}>
          <option value="">As usual for who they are</option>
          {attending.map((group) => (
            <option key={group.id} value={group.id}>
              {group.label}
            </option>
          ))}
        </select>
      </Labelled>
      <div className="form__actions">
        <button type="submit" className="button button--small">
          Save details of {who}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
