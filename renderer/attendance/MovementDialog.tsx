/**
 * "Arrival or departure": the keyboard way to stamp a movement. The clerk types part of a name,
 * picks with the arrow keys and presses Enter; the person is marked as arrived if they are not in
 * the room for the current item, otherwise as having left, at the current time.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { clockTime } from '../../main/domain/calendar';
import type { MeetingChange } from '../../main/domain/changes';
import type { Meeting } from '../../main/domain/meeting';
import { Dialog } from '../ui/Dialog';
import { movementChanges, possibleMovements, type PossibleMovement } from './attendanceChanges';
import './attendance.css';

export interface MovementDialogProps {
  open: boolean;
  meeting: Meeting;
  currentItemId: string | undefined;
  onClose: () => void;
  onChanges: (changes: MeetingChange[]) => void;
  now?: () => Date;
}

export function movementOptionLabel(movement: PossibleMovement): string {
  return `${movement.attendee.displayName}: mark as ${movement.kind === 'arrived' ? 'arrived' : 'left'}`;
}

function matches(movement: PossibleMovement, typed: string): boolean {
  const words = typed.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${movement.attendee.displayName} ${movement.attendee.name}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function MovementDialog(props: MovementDialogProps) {
  if (!props.open) return null;
  return <MovementDialogContent {...props} />;
}

function MovementDialogContent({ meeting, currentItemId, onClose, onChanges, now = () => new Date() }: MovementDialogProps) {
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const options = useMemo(
    () => (currentItemId ? possibleMovements(meeting, currentItemId).filter((movement) => matches(movement, typed)) : []),
    [meeting, currentItemId, typed],
  );
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  function choose(movement: PossibleMovement | undefined): void {
    if (!movement || !currentItemId) return;
    onChanges(movementChanges(movement.attendee, movement.kind, currentItemId, clockTime(now())));
    onClose();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(Math.min(activeIndex + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault();
      setActive(options.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[activeIndex]);
    }
  }

  return (
    <Dialog title="Arrival or departure" onCancel={onClose}>
      {!currentItemId ? (
        <>
          <p role="alert" className="form__problem">
            Choose an agenda item first: a movement is recorded during an item.
          </p>
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <div className="movement-dialog">
          <label className="field__label" htmlFor={inputId}>
            Who arrived or left?
          </label>
          <p id={hintId} className="field__hint">
            Type part of a name, choose with the arrow keys and press Enter. The time is stamped now.
          </p>
          <input
            id={inputId}
            className="field__input"
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-describedby={hintId}
            aria-activedescendant={options.length > 0 ? optionId(activeIndex) : undefined}
            value={typed}
            data-autofocus
            onChange={(event) => {
              setTyped(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} role="listbox" aria-label="People" className="movement-dialog__list">
            {options.map((movement, index) => (
              <li
                key={movement.attendee.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === activeIndex}
                className={index === activeIndex ? 'movement-dialog__option movement-dialog__option--active' : 'movement-dialog__option'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(movement)}
              >
                {movementOptionLabel(movement)}
              </li>
            ))}
          </ul>
          {options.length === 0 ? (
            <p className="field__hint">{typed.trim() ? `Nobody attending matches “${typed.trim()}”.` : 'Nobody is recorded as attending yet.'}</p>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
