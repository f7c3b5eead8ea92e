/**
 * Who is at the meeting, recorded live: each roster member's attendance (with substitutes),
 * everyone else present, and arrivals and departures stamped with the time and the current item,
 * under a quorum line that follows every change. Every change goes out through onChanges as
 * entity.put / entity.remove; the meeting screen applies and saves them.
 */
import { useId, useState, type FormEvent } from 'react';
import { clockTime } from '../../main/domain/calendar';
import { MEMBER_ROLE_LABELS } from '../../main/domain/committee';
import type { MeetingChange } from '../../main/domain/changes';
import type { AttendanceStatus, Attendee, AttendeeCategory, Meeting } from '../../main/domain/meeting';
import { describeAttendee, movementSentence } from '../../main/domain/wording';
import { Dialog } from '../ui/Dialog';
import {
  addPresentChange,
  hasRecordsOf,
  movementChanges,
  possibleMovements,
  removeAttendeeChange,
  rosterMembers,
  statusChanges,
  substituteChanges,
  substitutesFor,
} from './attendanceChanges';
import { QuorumIndicator } from './QuorumIndicator';
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
}

const STATUS_OPTIONS: { value: AttendanceStatus; label: string }[] = [
  { value: 'present', label: 'Present' },
  { value: 'apologies', label: 'Apologies' },
  { value: 'absent', label: 'Absent' },
  { value: 'remote', label: 'Remote' },
  { value: 'substituted', label: 'Substitute' },
];

type OtherCategory = Exclude<AttendeeCategory, 'member'>;

const OTHER_CATEGORIES: { value: OtherCategory; label: string; heading: string }[] = [
  { value: 'councillor', label: 'Councillor', heading: 'Other councillors' },
  { value: 'officer', label: 'Officer', heading: 'Officers' },
  { value: 'guest', label: 'Guest', heading: 'Guests' },
];

export function AttendancePanel({ meeting, currentItemId, onChanges, now = () => new Date(), showQuorum = true }: AttendancePanelProps) {
  const headingId = useId();
  return (
    <section className="attendance" role="region" aria-labelledby={headingId}>
      <h2 id={headingId} className="attendance__heading">
        Attendance
      </h2>
      {showQuorum && <QuorumIndicator meeting={meeting} currentItemId={currentItemId} />}
      <MemberList meeting={meeting} onChanges={onChanges} />
      <AlsoPresent meeting={meeting} onChanges={onChanges} />
      <Movements meeting={meeting} currentItemId={currentItemId} onChanges={onChanges} now={now} />
    </section>
  );
}

/** Asks before removing someone with something recorded about them, which goes with them. */
function ConfirmRemoval({ attendee, onConfirm, onCancel }: { attendee: Attendee; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog
      title={`Remove ${attendee.displayName}`}
      role="alertdialog"
      description={<p>Remove {attendee.displayName}? Their declarations and arrivals will be removed too.</p>}
      onCancel={onCancel}
    >
      <div className="form__actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Remove
        </button>
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}

function MemberList({ meeting, onChanges }: { meeting: Meeting; onChanges: (changes: MeetingChange[]) => void }) {
  const members = rosterMembers(meeting);
  return (
    <section className="attendance__section" aria-label="Members">
      <h3>Members</h3>
      {members.length === 0 ? (
        <p className="attendance__empty">This meeting has no committee roster. Add people below.</p>
      ) : (
        <ul className="attendance__members">
          {members.map((member) => (
            <MemberRow key={member.id} meeting={meeting} member={member} onChanges={onChanges} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MemberRow({ meeting, member, onChanges }: { meeting: Meeting; member: Attendee; onChanges: (changes: MeetingChange[]) => void }) {
  const selectId = useId();
  const substituteId = useId();
  const [choosingSubstitute, setChoosingSubstitute] = useState(false);
  const [substituteName, setSubstituteName] = useState('');
  // A status that would remove a substitute with something recorded about them, until the clerk confirms.
  const [confirming, setConfirming] = useState<{ status: Exclude<AttendanceStatus, 'substituted'>; substitute: Attendee }>();
  const substitutes = substitutesFor(meeting, member.id);
  const shown: AttendanceStatus = choosingSubstitute ? 'substituted' : member.status;

  function choose(status: AttendanceStatus): void {
    if (status === 'substituted') {
      if (member.status !== 'substituted') setChoosingSubstitute(true);
      return;
    }
    setChoosingSubstitute(false);
    setSubstituteName('');
    const recorded = substitutes.find((substitute) => hasRecordsOf(meeting, substitute.id));
    if (recorded) setConfirming({ status, substitute: recorded });
    else setStatus(status);
  }

  function setStatus(status: Exclude<AttendanceStatus, 'substituted'>): void {
    const changes = statusChanges(meeting, member, status);
    if (changes.length > 0) onChanges(changes);
  }

  function addSubstitute(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!substituteName.trim()) return;
    onChanges(substituteChanges(meeting, member, substituteName));
    setChoosingSubstitute(false);
    setSubstituteName('');
  }

  return (
    <li className={`attendance__member attendance__member--${shown}`}>
      <div className="attendance__who">
        <span className="attendance__name">{member.displayName}</span>
        {member.role && member.role !== 'substitute' ? <span className="attendance__role">{MEMBER_ROLE_LABELS[member.role]}</span> : null}
      </div>
      <label className="visually-hidden" htmlFor={selectId}>
        Attendance of {member.displayName}
      </label>
      <select id={selectId} className="field__input attendance__status" value={shown} onChange={(event) => choose(event.target.value as AttendanceStatus)}>
        {STATUS_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {choosingSubstitute ? (
        <form className="attendance__inline-form" onSubmit={addSubstitute}>
          <label className="visually-hidden" htmlFor={substituteId}>
            Substitute for {member.displayName}
          </label>
          <input
            id={substituteId}
            className="field__input"
            type="text"
            autoComplete="off"
            maxLength={200}
            placeholder="Substitute’s name"
            autoFocus
            value={substituteName}
            onChange={(event) => setSubstituteName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                setChoosingSubstitute(false);
                setSubstituteName('');
              }
            }}
          />
          <button type="submit" className="button button--small" disabled={!substituteName.trim()}>
            {substitutes.length > 0 ? 'Save substitute' : 'Add substitute'}
          </button>
        </form>
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
          attendee={confirming.substitute}
          onConfirm={() => {
            setConfirming(undefined);
            setStatus(confirming.status);
          }}
          onCancel={() => setConfirming(undefined)}
        />
      ) : null}
    </li>
  );
}

function AlsoPresent({ meeting, onChanges }: { meeting: Meeting; onChanges: (changes: MeetingChange[]) => void }) {
  const ids = { name: useId(), category: useId(), jobTitle: useId() };
  const [name, setName] = useState('');
  const [category, setCategory] = useState<OtherCategory>('councillor');
  const [jobTitle, setJobTitle] = useState('');
  const [confirming, setConfirming] = useState<Attendee>();

  function add(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!name.trim()) return;
    onChanges([addPresentChange(name, category, jobTitle)]);
    setName('');
    setJobTitle('');
  }

  return (
    <section className="attendance__section" aria-label="Also present">
      <h3>Also present</h3>
      {OTHER_CATEGORIES.map(({ value, heading }) => {
        const people = meeting.attendees.filter((attendee) => attendee.category === value);
        if (people.length === 0) return null;
        return (
          <div key={value} className="attendance__group">
            <h4>{heading}</h4>
            <ul className="attendance__others">
              {people.map((person) => (
                <li key={person.id} className="attendance__other">
                  <span>{describeAttendee(person)}</span>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() => (hasRecordsOf(meeting, person.id) ? setConfirming(person) : onChanges([removeAttendeeChange(person)]))}
                  >
                    Remove {person.displayName}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
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
      {confirming ? (
        <ConfirmRemoval
          attendee={confirming}
          onConfirm={() => {
            setConfirming(undefined);
            onChanges([removeAttendeeChange(confirming)]);
          }}
          onCancel={() => setConfirming(undefined)}
        />
      ) : null}
    </section>
  );
}

function Movements({
  meeting,
  currentItemId,
  onChanges,
  now,
}: {
  meeting: Meeting;
  currentItemId: string | undefined;
  onChanges: (changes: MeetingChange[]) => void;
  now: () => Date;
}) {
  const itemMovements = currentItemId
    ? meeting.movements.filter((movement) => movement.itemId === currentItemId).sort((a, b) => a.time.localeCompare(b.time))
    : [];
  return (
    <section className="attendance__section" aria-label="Arrivals and departures">
      <h3>Arrivals and departures</h3>
      {!currentItemId ? (
        <p className="attendance__empty">Choose an agenda item to record arrivals and departures during it.</p>
      ) : (
        <>
          <p className="field__hint">Someone who comes late: set them to Absent now, then mark them arrived when they come in.</p>
          <ul className="attendance__movers">
            {possibleMovements(meeting, currentItemId).map(({ attendee, kind }) => (
              <li key={attendee.id}>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onChanges(movementChanges(attendee, kind, currentItemId, clockTime(now())))}
                >
                  Mark {attendee.displayName} {kind === 'arrived' ? 'arrived' : 'left'}
                </button>
              </li>
            ))}
          </ul>
          {itemMovements.length > 0 ? (
            <ul className="attendance__movements" aria-label="Movements during this item">
              {itemMovements.map((movement) => {
                const sentence = movementSentence(meeting, movement);
                return (
                  <li key={movement.id} className="attendance__movement">
                    <span>{sentence}</span>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      aria-label={`Remove record: ${sentence}`}
                      onClick={() => onChanges([{ kind: 'entity.remove', collection: 'movements', id: movement.id }])}
                    >
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="attendance__empty">No arrivals or departures during this item.</p>
          )}
        </>
      )}
    </section>
  );
}
