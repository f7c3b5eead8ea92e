/**
 * The roll call: the whole roster on one screen, one row a person, in the house style's groups.
 * The clerk sets each status with one key as the names are read out (P present, A apologies,
 * X absent, R remote, S substitute, then the substitute's name) and moves on to the next name;
 * arrows move by hand, Ctrl+Z takes back the last mark. Each row is a button named by the person
 * and their status, and each mark is announced.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { MinutesShape } from '../../main/domain/bodies';
import type { MeetingChange } from '../../main/domain/changes';
import type { AttendanceStatus, Attendee, Meeting } from '../../main/domain/meeting';
import { describeAttendee } from '../../main/domain/wording';
import { Dialog } from '../ui/Dialog';
import { hasRecordsOf, panelGroups, statusChanges, substituteChanges, substitutesFor, withUndo, type UndoableChanges } from './attendanceChanges';
import { STATUS_OPTIONS } from './PersonRow';
import { SubstituteNameForm } from './SubstituteNameForm';

const KEYS: Record<string, AttendanceStatus> = { p: 'present', a: 'apologies', x: 'absent', r: 'remote', s: 'substituted' };

function statusLabel(status: AttendanceStatus): string {
  return STATUS_OPTIONS.find((option) => option.value === status)?.label ?? status;
}

interface RollCallProps {
  meeting: Meeting;
  shape: MinutesShape;
  onChanges: (changes: MeetingChange[]) => void;
  onClose: () => void;
}

export function RollCall({ meeting, shape, onChanges, onClose }: RollCallProps) {
  const id = useId();
  const groups = panelGroups(meeting, shape);
  const people = groups.flatMap((entry) => entry.people);
  const [at, setAt] = useState(0);
  const [undoable, setUndoable] = useState<(UndoableChanges & { at: number; who: string })[]>([]);
  const [substituting, setSubstituting] = useState<string>();
  const [substituteName, setSubstituteName] = useState('');
  const [said, setSaid] = useState('');
  const rows = useRef(new Map<string, HTMLButtonElement>());
  const current = people[Math.min(at, people.length - 1)];

  useEffect(() => {
    if (!substituting && current) rows.current.get(current.id)?.focus();
    // Only when the row to be on changes: a colleague's change arriving must not pull focus back from elsewhere in the dialog.
  }, [at, substituting, current?.id]);

  function send(person: Attendee, index: number, changes: MeetingChange[], status: AttendanceStatus): void {
    const next = people[index + 1];
    if (changes.length > 0) {
      setUndoable((stack) => [...stack, { ...withUndo(meeting, changes), at: index, who: person.displayName }]);
      onChanges(changes);
    }
    setSaid(`${person.displayName}: ${statusLabel(status)}.${next ? ` Next: ${next.displayName}.` : ' That is everyone.'}`);
    if (next) setAt(index + 1);
  }

  function mark(person: Attendee, index: number, status: AttendanceStatus): void {
    if (status === 'substituted') {
      if (person.category !== 'member') return setSaid(`Only members have substitutes: ${person.displayName} is not a member.`);
      setSubstituteName(substitutesFor(meeting, person.id)[0]?.name ?? '');
      return setSubstituting(person.id);
    }
    const recorded = substitutesFor(meeting, person.id).find((substitute) => hasRecordsOf(meeting, substitute.id));
    if (recorded) {
      return setSaid(
        `${recorded.displayName} has arrivals, declarations or votes recorded: change ${person.displayName}’s attendance on the attendance panel.`,
      );
    }
    send(person, index, statusChanges(meeting, person, status), status);
  }

  function undo(): void {
    const last = undoable.at(-1);
    if (!last) return setSaid('Nothing to undo.');
    setUndoable((stack) => stack.slice(0, -1));
    onChanges(last.undo);
    setAt(last.at);
    setSaid(`Undone: the mark for ${last.who}.`);
  }

  function onRowKey(event: KeyboardEvent<HTMLButtonElement>, person: Attendee, index: number): void {
    const key = event.key.toLowerCase();
    if ((event.ctrlKey || event.metaKey) && key === 'z') {
      event.preventDefault();
      return undo();
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: people.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      return setAt(Math.max(0, Math.min(people.length - 1, moves[event.key]!)));
    }
    const status = KEYS[key];
    if (!status) return;
    event.preventDefault();
    mark(person, index, status);
  }

  function addSubstitute(event: FormEvent<HTMLFormElement>, person: Attendee, index: number): void {
    event.preventDefault();
    if (!substituteName.trim()) return;
    setSubstituting(undefined);
    send(person, index, substituteChanges(meeting, person, substituteName), 'substituted');
  }

  let index = -1;
  return (
    <Dialog title="Roll call" wide onCancel={onClose}>
      <p id={`${id}-keys`} className="field__hint roll-call__keys">
        <kbd>P</kbd> present · <kbd>A</kbd> apologies · <kbd>X</kbd> absent · <kbd>R</kbd> remote · <kbd>S</kbd> substitute · <kbd>↑</kbd> <kbd>↓</kbd> move ·{' '}
        <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo the last mark
      </p>
      {people.length === 0 ? <p className="attendance__empty">Nobody is on this meeting’s attendance yet.</p> : null}
      <div className="roll-call__frame">
        <table className="roll-call">
          <caption className="visually-hidden">Roll call of {meeting.committee}</caption>
          {groups.map(({ group, people: inGroup }) => (
            <tbody key={group.id}>
              <tr>
                <th scope="colgroup" colSpan={2} className="roll-call__group">
                  {group.label}
                </th>
              </tr>
              {inGroup.map((person) => {
                index += 1;
                const place = index;
                const substitute = substitutesFor(meeting, person.id)[0];
                return (
                  <tr key={person.id} className={`roll-call__row roll-call__row--${person.status}`}>
                    <td>
                      <button
                        type="button"
                        ref={(element) => {
                          if (element) rows.current.set(person.id, element);
                          else rows.current.delete(person.id);
                        }}
                        className="roll-call__person"
                        tabIndex={place === Math.min(at, people.length - 1) ? 0 : -1}
                        aria-label={`${describeAttendee(person)}: ${statusLabel(person.status)}`}
                        aria-describedby={`${id}-keys`}
                        onFocus={() => setAt(place)}
                        onKeyDown={(event) => onRowKey(event, person, place)}
                      >
                        {describeAttendee(person)}
                      </button>
                      {substituting === person.id ? (
                        <SubstituteNameForm
                          memberName={person.displayName}
                          name={substituteName}
                          onName={setSubstituteName}
                          onSubmit={(event) => addSubstitute(event, person, place)}
                          onCancel={() => setSubstituting(undefined)}
                          placeholder="Substitute’s name, then Enter"
                        />
                      ) : null}
                    </td>
                    <td className="roll-call__status" aria-hidden="true">
                      {statusLabel(person.status)}
                      {substitute ? ` (${substitute.displayName})` : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
