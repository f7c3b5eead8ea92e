/**
 * Who is at the meeting, recorded live, as the body records it: everyone in the house style's
 * attendance groups, under its labels and in its order, each with their attendance (a member's
 * substitute, consent to apologies where the body records it) and what the minutes print of them;
 * adding someone else present; arrivals and departures stamped with the time and the current item
 * (their times correctable); the roll call, one key a person; all under a quorum line that follows every change. Every change goes out
 * through onChanges as entity.put / entity.remove; the meeting screen applies and saves them.
 */
import { useId, useState, type FormEvent } from 'react';
import type { MinutesShape } from '../../main/domain/bodies';
import type { MeetingChange } from '../../main/domain/changes';
import { minutesShapeOf } from '../../main/domain/houseStyle';
import type { AttendeeCategory, Meeting } from '../../main/domain/meeting';
import { addPresentChange, panelGroups, rosterMembers } from './attendanceChanges';
import { Movements } from './Movements';
import { PersonRow } from './PersonRow';
import { QuorumIndicator } from './QuorumIndicator';
import { RollCall } from './RollCall';
import './attendance.css';

export { QuorumIndicator } from './QuorumIndicator';
export { MovementDialog } from './MovementDialog';

export interface AttendancePanelProps {
  meeting: Meeting;
  currentItemId: string | undefined;
  onChanges: (changes: MeetingChange[]) => void;
  now?: () => Date;
  /** Off where the screen already shows the quorum elsewhere (the meeting header), so there is one live line, not two. */
  showQuorum?: boolean;
  /** The shape of the minutes (OpenedMeeting.shape); a council's when not given. */
  shape?: MinutesShape;
}

type OtherCategory = Exclude<AttendeeCategory, 'member'>;

const OTHER_CATEGORIES: { value: OtherCategory; label: string }[] = [
  { value: 'councillor', label: 'Councillor' },
  { value: 'officer', label: 'Officer' },
  { value: 'guest', label: 'Guest' },
];

const COUNCIL_SHAPE = minutesShapeOf({});

export function AttendancePanel({ meeting, currentItemId, onChanges, now = () => new Date(), showQuorum = true, shape = COUNCIL_SHAPE }: AttendancePanelProps) {
  const headingId = useId();
  const [rollCall, setRollCall] = useState(false);
  return (
    <section className="attendance" role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className="attendance__heading">
        Attendance
      </h2>
      {showQuorum && <QuorumIndicator meeting={meeting} currentItemId={currentItemId} />}
      <div className="form__actions">
        <button type="button" className="button button--small" onClick={() => setRollCall(true)}>
          Roll call…
        </button>
      </div>
      {rollCall ? <RollCall meeting={meeting} shape={shape} onChanges={onChanges} onClose={() => setRollCall(false)} /> : null}
      {rosterMembers(meeting).length === 0 ? <p className="attendance__empty">This meeting has no committee roster. Add people below.</p> : null}
      {panelGroups(meeting, shape).map(({ group, people }) => (
        <section key={group.id} className="attendance__section" aria-labelledby={`${headingId}-${group.id}`}>
          <h3 id={`${headingId}-${group.id}`}>{group.label}</h3>
          <ul className="attendance__members">
            {people.map((person) => (
              <PersonRow key={person.id} meeting={meeting} person={person} shape={shape} onChanges={onChanges} />
            ))}
          </ul>
        </section>
      ))}
      <AddSomeonePresent onChanges={onChanges} />
      <Movements meeting={meeting} currentItemId={currentItemId} onChanges={onChanges} now={now} />
    </section>
  );
}

function AddSomeonePresent({ onChanges }: { onChanges: (changes: MeetingChange[]) => void }) {
  const ids = { name: useId(), category: useId(), jobTitle: useId() };
  const [name, setName] = useState('');
  const [category, setCategory] = useState<OtherCategory>('councillor');
  const [jobTitle, setJobTitle] = useState('');

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!name.trim()) return;
    onChanges([addPresentChange(name, category, jobTitle)]);
    setName('');
    setJobTitle('');
  }

  return (
    <form className="attendance__add" onSubmit={add}>
      <div className="field attendance__add-name">
        <label className="field__label" htmlFor={ids.name}>
          Add someone present
        </label>
        <input
          id={ids.name}
          className="field__input"
          type="text"
          autoComplete="off"
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.category}>
          as
        </label>
        <select id={ids.category} className="field__input" value={category} onChange={(event) => setCategory(event.target.value as OtherCategory)}>
          {OTHER_CATEGORIES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field attendance__add-title">
        <label className="field__label" htmlFor={ids.jobTitle}>
          Job title
        </label>
        <input
          id={ids.jobTitle}
          className="field__input"
          type="text"
          autoComplete="off"
          maxLength={300}
          value={jobTitle}
          onChange={(event) => setJobTitle(event.target.value)}
        />
      </div>
      <button type="submit" className="button attendance__add-button" disabled={!name.trim()}>
        Add
      </button>
    </form>
  );
}
