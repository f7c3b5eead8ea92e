/**
 * Declarations of interest made on one item: who, what kind, its nature, and whether they left the
 * room (which takes them out of the quorum and the vote for this item only).
 */
import { useId } from 'react';
import { newId, type Declaration, type DeclarationKind } from '../../main/domain/meeting';
import { DECLARATION_KIND_LABELS } from '../../main/domain/wording';
import { ENTRY_FIRST_FIELD, type ItemSectionProps } from './recordChange';
import { AttendeeOptions, RecordEntry, RecordSection, useUndoableRemove } from './RecordSection';

const KINDS = Object.keys(DECLARATION_KIND_LABELS) as DeclarationKind[];

function kindLabel(kind: DeclarationKind): string {
  const label = DECLARATION_KIND_LABELS[kind].replace(/^an? /, '');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * A new declaration on the item, not yet sent: nobody is chosen, so the minutes never name someone
 * who declared nothing. It is recorded once the clerk chooses the member.
 */
export function newDeclaration(itemId: string): Declaration {
  return { id: newId(), itemId, attendeeId: '', kind: 'other-registrable', nature: '', withdrew: false };
}

interface DeclarationsSectionProps extends ItemSectionProps {
  onAdd: () => void;
  /** The declaration being added, until the clerk chooses who declared it. */
  draft: Declaration | undefined;
  onDraftChange: (draft: Declaration | undefined) => void;
}

export function DeclarationsSection({ meeting, item, onChange, onAdd, draft, onDraftChange }: DeclarationsSectionProps) {
  const declarations = meeting.declarations.filter((declaration) => declaration.itemId === item.id);
  const put = (entity: Declaration) => onChange({ kind: 'entity.put', collection: 'declarations', entity });
  const { remove, removal } = useUndoableRemove(onChange);
  const shownDraft = draft?.itemId === item.id ? draft : undefined;
  const putDraft = (entity: Declaration) => {
    if (entity.attendeeId === '') return onDraftChange(entity);
    onDraftChange(undefined);
    put(entity);
  };

  return (
    <RecordSection
      title="Declarations"
      empty={declarations.length === 0 && !shownDraft ? 'No interests declared on this item.' : null}
      addLabel="Add declaration"
      addKeys="Control+Shift+E"
      onAdd={onAdd}
      cannotAdd={meeting.attendees.length === 0 ? 'Add attendees first: an interest is declared by someone present.' : undefined}
      removal={removal}
    >
      {/* One list, so when the draft is recorded its entry (and the focus in it) stays where it is. */}
      {[...declarations, ...(shownDraft ? [shownDraft] : [])].map((declaration, index) => (
        <DeclarationEntry
          key={declaration.id}
          number={index + 1}
          declaration={declaration}
          meeting={meeting}
          onPut={declaration === shownDraft ? putDraft : put}
          onRemove={() => {
            if (declaration !== shownDraft) return remove(`Declaration ${index + 1}`, { kind: 'entity.put', collection: 'declarations', entity: declaration });
            onDraftChange(undefined);
            removal.addButtonRef.current?.focus();
          }}
        />
      ))}
    </RecordSection>
  );
}

interface DeclarationEntryProps {
  number: number;
  declaration: Declaration;
  meeting: ItemSectionProps['meeting'];
  onPut: (declaration: Declaration) => void;
  onRemove: () => void;
}

function DeclarationEntry({ number, declaration, meeting, onPut, onRemove }: DeclarationEntryProps) {
  const id = useId();
  return (
    <RecordEntry name={`Declaration ${number}`} onRemove={onRemove}>
      <div className="record-entry__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-member`}>
            Member
          </label>
          <select
            id={`${id}-member`}
            className="field__input"
            {...{ [ENTRY_FIRST_FIELD]: declaration.id }}
            value={declaration.attendeeId}
            onChange={(event) => onPut({ ...declaration, attendeeId: event.target.value })}
          >
            {meeting.attendees.some((attendee) => attendee.id === declaration.attendeeId) ? null : (
              <option value={declaration.attendeeId} disabled={declaration.attendeeId === ''}>
                Choose a member…
              </option>
            )}
            <AttendeeOptions attendees={meeting.attendees} />
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            Kind of interest
          </label>
          <select
            id={`${id}-kind`}
            className="field__input"
            value={declaration.kind}
            onChange={(event) => onPut({ ...declaration, kind: event.target.value as DeclarationKind })}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="field record-entry__wide">
          <label className="field__label" htmlFor={`${id}-nature`}>
            Nature of interest
          </label>
          <input
            id={`${id}-nature`}
            className="field__input"
            type="text"
            maxLength={2000}
            value={declaration.nature}
            onChange={(event) => onPut({ ...declaration, nature: event.target.value })}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={declaration.withdrew} onChange={(event) => onPut({ ...declaration, withdrew: event.target.checked })} />
          Left the room for this item
        </label>
      </div>
    </RecordEntry>
  );
}
