/**
 * Actions arising from one item: what, who (an attendee or anyone named in free text), by when,
 * and whether it is still open. Each shows its reference, e.g. "64/1".
 */
import { useId } from 'react';
import { newId, type Action, type ActionStatus, type Meeting } from '../../main/domain/meeting';
import { actionReference, nextActionNumber } from '../../main/domain/minuteNumbers';
import { ACTION_STATUS_LABELS } from '../../main/domain/wording';
import { ENTRY_FIRST_FIELD, type ItemSectionProps } from './recordChange';
import { RecordEntry, RecordSection, useUndoableRemove } from './RecordSection';

/** A new action on the item, numbered for good: removing an earlier one never renumbers it. */
export function newAction(meeting: Meeting, itemId: string): Action {
  return { id: newId(), itemId, number: nextActionNumber(meeting, itemId), text: '', ownerName: '', status: 'open' };
}

/** The owner as typed: an attendee when the text is exactly one attendee's name, otherwise free text. */
export function withOwner(meeting: Meeting, action: Action, typed: string): Action {
  const wanted = typed.trim().toLowerCase();
  const attendee = wanted ? meeting.attendees.find((each) => each.displayName.toLowerCase() === wanted || each.name.toLowerCase() === wanted) : undefined;
  const { ownerAttendeeId: _previous, ...rest } = action;
  return attendee ? { ...rest, ownerAttendeeId: attendee.id, ownerName: typed } : { ...rest, ownerName: typed };
}

export function ActionsSection({ meeting, item, onChange, onAdd }: ItemSectionProps & { onAdd: () => void }) {
  const ownersId = useId();
  const actions = meeting.actions.filter((action) => action.itemId === item.id);
  const put = (entity: Action) => onChange({ kind: 'entity.put', collection: 'actions', entity });
  const { remove, removal } = useUndoableRemove(onChange);

  return (
    <RecordSection
      title="Actions"
      empty={actions.length === 0 ? 'No actions on this item yet.' : null}
      addLabel="Add action"
      addKeys="Control+Shift+A"
      onAdd={onAdd}
      removal={removal}
    >
      <datalist id={ownersId}>
        {meeting.attendees.map((attendee) => (
          <option key={attendee.id} value={attendee.displayName} />
        ))}
      </datalist>
      {actions.map((action) => (
        <ActionEntry
          key={action.id}
          reference={actionReference(meeting, action.id)}
          action={action}
          ownersListId={ownersId}
          onPut={put}
          onOwner={(typed) => put(withOwner(meeting, action, typed))}
          onRemove={() => remove(`Action ${actionReference(meeting, action.id)}`, { kind: 'entity.put', collection: 'actions', entity: action })}
        />
      ))}
    </RecordSection>
  );
}

interface ActionEntryProps {
  reference: string;
  action: Action;
  ownersListId: string;
  onPut: (action: Action) => void;
  onOwner: (typed: string) => void;
  onRemove: () => void;
}

function ActionEntry({ reference, action, ownersListId, onPut, onOwner, onRemove }: ActionEntryProps) {
  const id = useId();
  return (
    <RecordEntry name={`Action ${reference}`} onRemove={onRemove}>
      <div className="record-entry__fields">
        <div className="field record-entry__wide">
          <label className="field__label" htmlFor={`${id}-text`}>
            Action
          </label>
          <input
            id={`${id}-text`}
            className="field__input"
            type="text"
            maxLength={2000}
            {...{ [ENTRY_FIRST_FIELD]: action.id }}
            value={action.text}
            onChange={(event) => onPut({ ...action, text: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-owner`}>
            Owner
          </label>
          <input
            id={`${id}-owner`}
            className="field__input"
            type="text"
            list={ownersListId}
            maxLength={250}
            value={action.ownerName}
            onChange={(event) => onOwner(event.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-due`}>
            Due date
          </label>
          <input
            id={`${id}-due`}
            className="field__input"
            type="date"
            value={action.due ?? ''}
            onChange={(event) => {
              const { due: _previous, ...rest } = action;
              const due = event.target.value;
              onPut(/^\d{4}-\d{2}-\d{2}$/.test(due) ? { ...rest, due } : rest);
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-status`}>
            Status
          </label>
          <select
            id={`${id}-status`}
            className="field__input"
            value={action.status}
            onChange={(event) => onPut({ ...action, status: event.target.value as ActionStatus })}
          >
            {(Object.keys(ACTION_STATUS_LABELS) as ActionStatus[]).map((status) => (
              <option key={status} value={status}>
                {ACTION_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </RecordEntry>
  );
}
