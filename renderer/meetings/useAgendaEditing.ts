/**
 * What the clerk does to the agenda and the open item from the meeting screen: choose, add (an
 * item, a lettered sub-item, a section heading), move and delete items (with undo), step to the next or previous item, and start a new action,
 * decision or declaration on the open item. Each change goes through the OpenMeeting; the screen
 * is told where the keyboard goes next and what to announce.
 */
import { useState } from 'react';
import type { MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, type AgendaItem, type AgendaItemShape, type Declaration } from '../../main/domain/meeting';
import type { AgendaFocusTarget } from '../agenda/AgendaList';
import { agendaItemLabel, subItemIndex } from '../agenda/agendaOrder';
import { newAction } from '../record/ActionsSection';
import { newDecision } from '../record/DecisionsSection';
import { newDeclaration } from '../record/DeclarationsSection';
import type { OpenMeeting } from './openMeeting';
import type { FocusRequest } from './useFocusRequest';

export type EntryCommand = 'newAction' | 'newDecision' | 'declareInterest';

interface DeletedItem {
  item: AgendaItem;
  index: number;
}

interface AgendaEditingOptions {
  session: OpenMeeting;
  selectedItemId: string | undefined;
  setSelectedItemId: (itemId: string | undefined) => void;
  focusAfterRender: (request: FocusRequest) => void;
  announce: (announcement: string) => void;
  /** The minute number at this agenda position, as the house style writes it. */
  minuteNumber: (index: number) => string;
  /** The paragraph of the open item's minutes where the clerk's cursor is, if the clerk has put it there. */
  blockAtCursor: () => string | undefined;
}

export function useAgendaEditing({
  session,
  selectedItemId,
  setSelectedItemId,
  focusAfterRender,
  announce,
  minuteNumber,
  blockAtCursor,
}: AgendaEditingOptions) {
  const [deleted, setDeleted] = useState<DeletedItem>();
  const [draftDeclaration, setDraftDeclaration] = useState<Declaration>();
  const apply = (change: MeetingChange) => session.apply([change]);
  const selectedIndex = session.meeting.agenda.findIndex((item) => item.id === selectedItemId);

  function selectItem(itemId: string): void {
    if (itemId === selectedItemId) return;
    session.sendTypedMinutes();
    setSelectedItemId(itemId);
  }

  /** A numbered item or a section heading goes at the end; a sub-item under the open item (after its sub-items). */
  function addItem(shape?: AgendaItemShape): void {
    session.sendTypedMinutes();
    const agenda = session.meeting.agenda;
    const item: AgendaItem = {
      ...createAgendaItem(shape === 'section' ? 'New section' : shape === 'sub-item' ? 'New sub-item' : 'New item'),
      ...(shape ? { shape } : {}),
    };
    const index =
      shape === 'sub-item'
        ? subItemIndex(
            agenda,
            agenda.findIndex((each) => each.id === selectedItemId),
          )
        : agenda.length;
    apply({ kind: 'item.add', item, index });
    setSelectedItemId(item.id);
    focusAfterRender({ kind: 'itemTitle' });
  }

  function moveItem(itemId: string, toIndex: number, keepFocusOn: AgendaFocusTarget): void {
    apply({ kind: 'item.move', itemId, toIndex });
    const agenda = session.meeting.agenda;
    const index = agenda.findIndex((item) => item.id === itemId);
    const item = agenda[index];
    if (item) announce(`Moved “${agendaItemLabel(minuteNumber(index), item.title)}” to position ${index + 1} of ${agenda.length}.`);
    focusAfterRender(keepFocusOn === 'item' ? { kind: 'agendaItem', itemId } : { kind: 'moveButton', direction: keepFocusOn });
  }

  function deleteItem(itemId: string): void {
    session.sendTypedMinutes();
    const agenda = session.meeting.agenda;
    const index = agenda.findIndex((item) => item.id === itemId);
    const item = agenda[index];
    if (!item) return;
    apply({ kind: 'item.delete', itemId });
    const remaining = session.meeting.agenda;
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    setSelectedItemId(neighbour?.id);
    setDeleted({ item, index });
    focusAfterRender(neighbour ? { kind: 'agendaItem', itemId: neighbour.id } : { kind: 'addItem' });
  }

  function undoDelete(): void {
    if (!deleted) return;
    session.sendTypedMinutes();
    apply({ kind: 'item.add', item: deleted.item, index: deleted.index });
    setSelectedItemId(deleted.item.id);
    setDeleted(undefined);
    focusAfterRender({ kind: 'agendaItem', itemId: deleted.item.id });
  }

  function goToNeighbour(step: 1 | -1): void {
    const target = session.meeting.agenda[selectedIndex + step];
    if (!target) return;
    selectItem(target.id);
    announce(`Item ${agendaItemLabel(minuteNumber(selectedIndex + step), target.title)}`);
    focusAfterRender({ kind: 'minutes' });
  }

  /**
   * A decision recorded while the clerk writes the minutes stands after the paragraph at the cursor.
   * What is typed is sent first, so that paragraph is in the meeting before the decision names it.
   */
  function placeForDecision(itemId: string): string | undefined {
    const blockId = blockAtCursor();
    if (blockId === undefined) return undefined;
    session.sendTypedMinutes();
    const minutes = session.meeting.agenda.find((each) => each.id === itemId)?.minutes ?? [];
    return minutes.some((block) => block.id === blockId) ? blockId : undefined;
  }

  function addEntry(command: EntryCommand): void {
    const item = session.meeting.agenda[selectedIndex];
    if (!item) {
      announce('Open an agenda item first.');
      return;
    }
    if (command === 'declareInterest' && session.meeting.attendees.length === 0) {
      announce('Add attendees first: an interest is declared by someone present.');
      return;
    }
    if (command === 'declareInterest') {
      // Sent only once the clerk chooses who declared it; a second request goes to the same draft.
      const draft = draftDeclaration?.itemId === item.id ? draftDeclaration : newDeclaration(item.id);
      setDraftDeclaration(draft);
      focusAfterRender({ kind: 'entry', id: draft.id });
      return;
    }
    const change: MeetingChange =
      command === 'newAction'
        ? { kind: 'entity.put', collection: 'actions', entity: newAction(session.meeting, item.id) }
        : { kind: 'entity.put', collection: 'decisions', entity: newDecision(item.id, placeForDecision(item.id)) };
    apply(change);
    focusAfterRender({ kind: 'entry', id: change.entity.id });
  }

  return {
    deleted,
    dismissDeleted: () => setDeleted(undefined),
    draftDeclaration,
    setDraftDeclaration,
    selectItem,
    addItem,
    moveItem,
    deleteItem,
    undoDelete,
    goToNeighbour,
    addEntry,
  };
}
