/**
 * Arrivals and departures during the current item: marking someone arrived or left stamps the
 * time now; each one recorded can have its time corrected afterwards (any time of day, HH:MM), or
 * be removed.
 */
import { useId, useState } from 'react';
import { clockTime } from '../../main/domain/calendar';
import type { MeetingChange } from '../../main/domain/changes';
import { ClockTime } from '../../main/domain/ids';
import type { Meeting, Movement } from '../../main/domain/meeting';
import { movementSentence } from '../../main/domain/wording';
import { movementChanges, movementTimeChange, possibleMovements } from './attendanceChanges';

interface MovementsProps {
  meeting: Meeting;
  currentItemId: string | undefined;
  onChanges: (changes: MeetingChange[]) => void;
  now: () => Date;
}

/** "9:05", "09.05" or "0905" as the record keeps it, "09:05"; undefined when it is no time of day. */
export function typedClockTime(typed: string): string | undefined {
  const match = /^\s*(\d{1,2})[:.]?(\d{2})\s*$/.exec(typed);
  if (!match) return undefined;
  const time = `${match[1]!.padStart(2, '0')}:${match[2]}`;
  return ClockTime.safeParse(time).success ? time : undefined;
}

export const TIME_PROBLEM = 'Type the time as HH:MM on the 24-hour clock, for example 09:05 or 14:30.';

function MovementTime({ meeting, movement, onChanges }: { meeting: Meeting; movement: Movement; onChanges: (changes: MeetingChange[]) => void }) {
  const id = useId();
  const [typed, setTyped] = useState(movement.time);
  const [problem, setProblem] = useState(false);
  const who = meeting.attendees.find((attendee) => attendee.id === movement.attendeeId)?.displayName ?? 'Someone';

  function commit(): void {
    const time = typedClockTime(typed);
    setProblem(time === undefined);
    if (time === undefined) return;
    setTyped(time);
    if (time !== movement.time) onChanges([movementTimeChange(movement, time)]);
  }

  return (
    <span className="attendance__time">
      <label className="visually-hidden" htmlFor={id}>
        Time {who} {movement.kind === 'arrived' ? 'arrived' : 'left'}
      </label>
      <input
        id={id}
        className="field__input attendance__time-box"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={5}
        placeholder="HH:MM"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setProblem(false);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      {problem ? (
        <span id={`${id}-problem`} className="form__problem attendance__time-problem" role="alert">
          {TIME_PROBLEM}
        </span>
      ) : null}
    </span>
  );
}

export function Movements({ meeting, currentItemId, onChanges, now }: MovementsProps) {
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
          <p className="field__hint">
            Someone who comes late: set them to Absent now, then mark them arrived when they come in. A time can be corrected afterwards.
          </p>
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
                    <MovementTime key={movement.time} meeting={meeting} movement={movement} onChanges={onChanges} />
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
