/**
 * One person on the attendance panel, whoever they are (member, officer, adviser, guest): their
 * name as the minutes print it with initials, category and role, their attendance (a member may
 * also have a substitute), consent to their apologies where the body records it, their details,
 * and, for anyone not on the roster, removing them.
 */
import { useId, useState, type FormEvent } from 'react';
import type { MinutesShape } from '../../main/domain/bodies';
import type { MeetingChange } from '../../main/domain/changes';
import { MEMBER_ROLE_LABELS } from '../../main/domain/committee';
import type { AttendanceStatus, Attendee, Meeting } from '../../main/domain/meeting';
import { describeAttendee } from '../../main/domain/wording';
import { consentChange, hasRecordsOf, removeAttendeeChange, statusChanges, substituteChanges, substitutesFor } from './attendanceChanges';
import { ConfirmRemoval } from './ConfirmRemoval';
import { PersonDetails } from './PersonDetails';
import { SubstituteNameForm } from './SubstituteNameForm';

export const STATUS_OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: 'Present' },
  { value: 'apologies', label: 'Apologies' },
  { value: 'absent', label: 'Absent' },
  { value: 'remote', label: 'Remote' },
  { value: 'substituted', label: 'Substitute' },
];

interface PersonRowProps {
  meeting: Meeting;
  person: Attendee;
  shape: MinutesShape;
  onChanges: (changes: MeetingChange[]) => void;
}

/** Whether the body records consent to apologies (a school's groups do). */
export function recordsConsent(shape: MinutesShape): boolean {
  return shape.attendanceGroups.some((group) => group.lists === 'apologies-consented' || group.lists === 'apologies-not-consented');
}

/** The role as the body words it: its own label, else the usual name (none for a plain member or a substitute). */
function roleShown(person: Attendee): string | undefined {
  if (person.roleLabel) return person.roleLabel;
  return person.role && person.role !== 'substitute' ? MEMBER_ROLE_LABELS[person.role] : undefined;
}

export function PersonRow({ meeting, person, shape, onChanges }: PersonRowProps) {
  const ids = { status: useId(), consent: useId() };
  const [choosingSubstitute, setChoosingSubstitute] = useState(false);
  const [substituteName, setSubstituteName] = useState('');
  const [editing, setEditing] = useState(false);
  // A status that would remove a substitute (or, for a removal, the person) with something recorded about them, until the clerk confirms.
  const [confirming, setConfirming] = useState<{ status?: Exclude<AttendanceStatus, 'substituted'>; attendee: Attendee }>();
  const isMember = person.category === 'member';
  const substitutes = substitutesFor(meeting, person.id);
  const shown: AttendanceStatus = choosingSubstitute ? 'substituted' : person.status;
  const category = shape.memberCategories.find((each) => each.id === person.memberCategory);
  const role = roleShown(person);
  const sentApologies = person.status === 'apologies' || person.status === 'substituted';

  function choose(status: AttendanceStatus): void {
    if (status === 'substituted') {
      if (person.status !== 'substituted') setChoosingSubstitute(true);
      return;
    }
    setChoosingSubstitute(false);
    setSubstituteName('');
    const recorded = substitutes.find((substitute) => hasRecordsOf(meeting, substitute.id));
    if (recorded) setConfirming({ status, attendee: recorded });
    else setStatus(status);
  }

  function setStatus(status: Exclude<AttendanceStatus, 'substituted'>): void {
    const changes = statusChanges(meeting, person, status);
    if (changes.length > 0) onChanges(changes);
  }

  function addSubstitute(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!substituteName.trim()) return;
    onChanges(substituteChanges(meeting, person, substituteName));
    setChoosingSubstitute(false);
    setSubstituteName('');
  }

  return (
    <li className={`attendance__member attendance__member--${shown}`}>
      <div className="attendance__who">
        <span className="attendance__name">{describeAttendee(person)}</span>
        {person.initials ? <span className="attendance__role">[{person.initials}]</span> : null}
        {category ? (
          <abbr className="attendance__role" title={category.label}>
            {category.abbreviation}
          </abbr>
        ) : null}
        {role ? <span className="attendance__role">{role}</span> : null}
      </div>
      <label className="visually-hidden" htmlFor={ids.status}>
        Attendance of {person.displayName}
      </label>
      <select id={ids.status} className="field__input attendance__status" value={shown} onChange={(event) => choose(event.target.value as AttendanceStatus)}>
        {STATUS_OPTIONS.filter((option) => isMember || option.value !== 'substituted').map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {sentApologies && recordsConsent(shape) ? (
        <>
          <label className="visually-hidden" htmlFor={ids.consent}>
            Apologies of {person.displayName}
          </label>
          <select
            id={ids.consent}
            className="field__input attendance__status"
            value={person.apologiesConsented === false ? 'not-consented' : 'consented'}
            onChange={(event) => onChanges([consentChange(person, event.target.value === 'consented')])}
          >
            <option value="consented">Consented</option>
            <option value="not-consented">Not consented</option>
          </select>
        </>
      ) : null}
      <button type="button" className="button button--small button--quiet" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        Details <span className="visually-hidden">of {person.displayName}</span>
      </button>
      {isMember ? null : (
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => (hasRecordsOf(meeting, person.id) ? setConfirming({ attendee: person }) : onChanges([removeAttendeeChange(person)]))}
        >
          Remove {person.displayName}
        </button>
      )}
      {editing ? <PersonDetails attendee={person} shape={shape} onChanges={onChanges} onDone={() => setEditing(false)} /> : null}
      {choosingSubstitute ? (
        <SubstituteNameForm
          memberName={person.displayName}
          name={substituteName}
          onName={setSubstituteName}
          onSubmit={addSubstitute}
          placeholder="Substitute’s name"
          onCancel={() => {
            setChoosingSubstitute(false);
            setSubstituteName('');
          }}
        >
          <button type="submit" className="button button--small" disabled={!substituteName.trim()}>
            {substitutes.length > 0 ? 'Save substitute' : 'Add substitute'}
          </button>
        </SubstituteNameForm>
      ) : null}
      {substitutes.map((substitute) => (
        <p key={substitute.id} className="attendance__substitute">
          {substitute.displayName} attends as substitute{' '}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              setSubstituteName(substitute.name);
              setChoosingSubstitute(true);
            }}
          >
            Correct name of {substitute.displayName}
          </button>
        </p>
      ))}
      {confirming ? (
        <ConfirmRemoval
          attendee={confirming.attendee}
          onConfirm={() => {
            setConfirming(undefined);
            if (confirming.status) setStatus(confirming.status);
            else onChanges([removeAttendeeChange(confirming.attendee)]);
          }}
          onCancel={() => setConfirming(undefined)}
        />
      ) : null}
    </li>
  );
}
