/**
 * One open meeting, laid out for live capture: the header, the agenda and attendance column, and
 * the open item with its minutes, declarations, decisions and actions. The window's copy of the
 * meeting and its sharing with the core are the OpenMeeting (useOpenMeeting): every edit shows at
 * once and is sent behind the clerk's back. There is no Save button. The commands (F1 lists them)
 * come from one table and work wherever the focus is on this screen, including inside the minutes.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MeetingVersion, OpenedMeeting } from '../../main/domain/api';
import { clockTime } from '../../main/domain/calendar';
import type { ConflictResolution, MeetingChange } from '../../main/domain/changes';
import type { Meeting, MeetingConflict, MinuteBlock } from '../../main/domain/meeting';
import { styledMinuteNumber } from '../../main/domain/minuteNumbers';
import { formatClockTime } from '../../main/domain/wording';
import { AllActionsList } from '../actions/AllActionsList';
import { AgendaItemPane } from '../agenda/AgendaItemPane';
import { AgendaList } from '../agenda/AgendaList';
import { AttendancePanel } from '../attendance/AttendancePanel';
import type { ChangesReached } from '../export/ExportDialog';
import type { MinutesEditorHandle } from '../minutes/MinutesEditor';
import type { BlockOffset } from '../minutes/minutesReconcile';
import { minutesChanges } from '../minutes/minutesChanges';
import type { CompletionName } from '../minutes/nameCompletion';
import { runCommand, shortcutFor, type CommandRunners, type ShortcutCommand } from '../shortcuts/shortcuts';
import { DeletedItemToast } from '../ui/UndoToast';
import { describeSavedAt } from './HistoryDialog';
import { MeetingDialogs, type MeetingDialog } from './MeetingDialogs';
import { MeetingHeader } from './MeetingHeader';
import { useAgendaEditing } from './useAgendaEditing';
import { useFocusRequest } from './useFocusRequest';
import { useOpenMeeting, type OpenMeetingWindow } from './useOpenMeeting';
import './meetingScreen.css';

/** How long Export waits for the last changes to reach the core before saying so instead. */
const EXPORT_WAIT_MS = 5000;

interface MeetingScreenProps extends OpenMeetingWindow {
  /** Asks the app to go back to the meetings list (which calls `leaveRef` first). */
  onBack: () => void;
}

function minutesOf(meeting: Meeting, itemId: string): MinuteBlock[] | undefined {
  return meeting.agenda.find((item) => item.id === itemId)?.minutes;
}

/** Those present who may be named in the minutes: in the room or attending remotely. */
function presentNamesOf(meeting: Meeting): CompletionName[] {
  return meeting.attendees.filter((attendee) => attendee.status === 'present' || attendee.status === 'remote');
}

function migrationNote(opened: OpenedMeeting): string[] {
  const notes: string[] = [];
  if (opened.migratedFrom !== undefined) {
    notes.push('This meeting was written by an earlier version of Minute Book and has been brought up to date.');
  }
  if (opened.replayedChanges) {
    const changes = opened.replayedChanges === 1 ? '1 change' : `${opened.replayedChanges} changes`;
    notes.push(`${changes} kept on this computer since the last save to the library have been added back.`);
  }
  return notes;
}

export function MeetingScreen({ api, opened, onSaveState, onSendingChange, onHeldInWindow, onError, onBack, leaveRef }: MeetingScreenProps) {
  const [selectedItemId, setSelectedItemId] = useState(opened.meeting.agenda[0]?.id);
  const [announcement, setAnnouncement] = useState('');
  const [dialog, setDialog] = useState<MeetingDialog | null>(null);
  const [showAllActions, setShowAllActions] = useState(false);
  const minutesEditor = useRef<MinutesEditorHandle>(null);
  const screen = useRef<HTMLDivElement>(null);
  /** Puts the keyboard back in the open item's minutes, the cursor where the clerk left it; false with no item open. */
  const focusMinutes = useCallback((): boolean => {
    const handle = minutesEditor.current;
    if (!handle) return false;
    handle.focus();
    return true;
  }, []);
  const focusAfterRender = useFocusRequest(screen, focusMinutes);
  // Where the cursor was in each item's minutes when the clerk moved on, so F8 and a click come back to it.
  const cursorByItem = useRef(new Map<string, BlockOffset>());
  const rememberCursor = useCallback((itemId: string, cursor: BlockOffset | undefined) => {
    if (cursor) cursorByItem.current.set(itemId, cursor);
    else cursorByItem.current.delete(itemId);
  }, []);
  const [notes] = useState(() => migrationNote(opened));
  // Told once the screen is up, so the polite region announces them: sessions taken over, copies merged.
  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => setNotices(opened.notices), [opened.notices]);
  const [conflictToStartAt, setConflictToStartAt] = useState<string>();
  const selectedItemRef = useRef(selectedItemId);
  selectedItemRef.current = selectedItemId;

  const { session, meeting, readOnly, presence, reloads, editAsWell, replace } = useOpenMeeting({
    api,
    opened,
    onSaveState,
    onSendingChange,
    onHeldInWindow,
    onError,
    leaveRef,
    selectedItemId: () => selectedItemRef.current,
    typedMinutes: minutesEditor,
    onAnnounce: setAnnouncement,
    // Keep the selection on an item still there; a replaced meeting starts at its first item otherwise.
    onShown: (shown, because) => {
      const exists = (itemId: string | undefined) => shown.agenda.some((item) => item.id === itemId);
      if (because === 'replaced') setSelectedItemId((current) => (exists(current) ? current : shown.agenda[0]?.id));
      else if (because === 'merged' && selectedItemRef.current && !exists(selectedItemRef.current)) setSelectedItemId(shown.agenda[0]?.id);
    },
  });

  const applyChanges = useCallback((changes: readonly MeetingChange[]) => session.apply(changes), [session]);
  const applyChange = useCallback((change: MeetingChange) => session.apply([change]), [session]);
  const sendTypedMinutes = useCallback(() => session.sendTypedMinutes(), [session]);

  /** A conflict resolved: the choice is sent like any change, and the minutes on screen follow it. */
  function resolveConflict(conflict: MeetingConflict, resolution: ConflictResolution): void {
    sendTypedMinutes();
    applyChange({ kind: 'conflict.resolve', conflictId: conflict.id, resolution });
    const itemId = selectedItemRef.current;
    const minutes = itemId ? minutesOf(session.meeting, itemId) : undefined;
    if (minutes && conflict.kind === 'paragraph' && conflict.itemId === itemId) minutesEditor.current?.showMinutes(minutes);
    setAnnouncement(`Resolved: ${conflict.label}.`);
  }

  /** A version restored from history replaces the meeting on screen; the editor starts afresh with it. */
  function showRestored(restored: OpenedMeeting, version: MeetingVersion): void {
    replace(restored);
    setDialog(null);
    setAnnouncement(`Restored the version of ${describeSavedAt(version.savedAt)}. The version it replaced is kept in history.`);
  }

  /**
   * The minute number at this agenda position, as the house style writes it: from the domain's
   * numbering, so a section takes none ("") and a sub-item its minute's with a letter ("63(b)").
   */
  const minuteNumberIn = (current: Meeting, index: number): string => {
    const item = current.agenda[index];
    return item ? styledMinuteNumber(current, item.id, opened.minuteNumberPattern || '{n}') : '';
  };
  const minuteNumber = (index: number) => minuteNumberIn(session.meeting, index);

  /** Everything typed goes to the core before an export, so the Word file holds the latest words. */
  const sendEverythingTyped = useCallback(
    async (): Promise<ChangesReached> => ((await session.sendEverything(EXPORT_WAIT_MS)) ? 'reached' : 'still-sending'),
    [session],
  );

  const { deleted, dismissDeleted, draftDeclaration, setDraftDeclaration, selectItem, addItem, moveItem, deleteItem, undoDelete, goToNeighbour, addEntry } =
    useAgendaEditing({
      session,
      selectedItemId,
      setSelectedItemId,
      focusAfterRender,
      announce: setAnnouncement,
      minuteNumber,
      blockAtCursor: () => minutesEditor.current?.blockAtCursor(),
    });

  const selectedIndex = meeting.agenda.findIndex((item) => item.id === selectedItemId);
  const selectedItem = meeting.agenda[selectedIndex];

  const onRename = useCallback(
    (title: string) => {
      if (selectedItemId) applyChange({ kind: 'item.update', itemId: selectedItemId, fields: { title } });
    },
    [applyChange, selectedItemId],
  );
  const onBackgroundChange = useCallback(
    (background: string) => {
      if (selectedItemId) applyChange({ kind: 'item.update', itemId: selectedItemId, fields: { background } });
    },
    [applyChange, selectedItemId],
  );
  const onMinutesChange = useCallback(
    (minutes: MinuteBlock[]) => {
      // Only the paragraphs typed in are sent: a burst costs what the edit costs, not what the item weighs.
      if (selectedItemId) applyChanges(minutesChanges(selectedItemId, minutesOf(session.meeting, selectedItemId) ?? [], minutes));
    },
    [applyChanges, selectedItemId, session],
  );
  // Read by name completion only when its list opens, so it never makes the editor re-render.
  const presentNames = useCallback(() => presentNamesOf(session.meeting), [session]);

  function writeFromRecord(): void {
    if (!selectedItemId) return;
    sendTypedMinutes();
    applyChange({ kind: 'item.update', itemId: selectedItemId, fields: { minutesEditedByHand: false } });
  }

  function insertIntoMinutes(text: string): void {
    if (!minutesEditor.current) {
      setAnnouncement('Open an agenda item first.');
      return;
    }
    minutesEditor.current.insertText(text);
  }

  const runners: CommandRunners = {
    nextItem: () => goToNeighbour(1),
    previousItem: () => goToNeighbour(-1),
    newAction: () => addEntry('newAction'),
    newDecision: () => addEntry('newDecision'),
    declareInterest: () => addEntry('declareInterest'),
    markMovement: () => setDialog('movement'),
    insertTime: () => insertIntoMinutes(formatClockTime(clockTime(new Date()))),
    insertSnippet: () => setDialog('snippets'),
    showShortcuts: () => setDialog('shortcuts'),
    exportMinutes: () => setDialog('export'),
  };
  const run = (command: ShortcutCommand) =>
    runCommand(command, runners, readOnly, () => setAnnouncement('This meeting is open read only. Choose “Edit as well” to change it.'));

  // Caught on the way down, so the shortcuts work inside the minutes editor too. While a dialog
  // is open (its events bubble here through the portal) the keys belong to the dialog.
  function onKeyDownCapture(event: KeyboardEvent<HTMLDivElement>): void {
    if (dialog !== null || event.defaultPrevented) return;
    const shortcut = shortcutFor(event);
    if (!shortcut) return;
    event.preventDefault();
    event.stopPropagation();
    run(shortcut.command);
  }

  /** Escape anywhere on the screen (a panel, a field, the agenda) comes back to the minutes, unless something inside used it. */
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'Escape' || event.defaultPrevented || dialog !== null) return;
    if (event.target instanceof HTMLElement && event.target.closest('.item-pane [contenteditable="true"]')) return;
    if (focusMinutes()) event.preventDefault();
  }

  const showConflicts = (conflictId: string | undefined) => {
    setConflictToStartAt(conflictId);
    setDialog('conflicts');
  };

  return (
    <div className="meeting-screen" ref={screen} onKeyDownCapture={onKeyDownCapture} onKeyDown={onKeyDown}>
      <MeetingHeader
        meeting={meeting}
        readOnly={readOnly}
        presence={presence}
        currentItemId={selectedItemId}
        reloads={reloads}
        notes={notes}
        notices={notices}
        showAllActions={showAllActions}
        onToggleAllActions={() => setShowAllActions((shown) => !shown)}
        onBack={onBack}
        onShowConflicts={() => showConflicts(undefined)}
        onShowHistory={() => setDialog('history')}
        onCommand={run}
        onFirstMinuteNumber={(firstMinuteNumber) => applyChange({ kind: 'meeting.update', fields: { firstMinuteNumber } })}
        onEditAsWell={() => void editAsWell()}
      />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="meeting-layout">
        <div className="meeting-layout__agenda">
          <AgendaList
            readOnly={readOnly}
            agenda={meeting.agenda}
            minuteNumberAt={(index) => minuteNumberIn(meeting, index)}
            selectedItemId={selectedItemId}
            onSelect={selectItem}
            onMove={moveItem}
            onAdd={addItem}
            onDelete={deleteItem}
          >
            {deleted ? <DeletedItemToast title={deleted.item.title} onUndo={undoDelete} onDismiss={dismissDeleted} /> : null}
          </AgendaList>
        </div>
        <div className="meeting-layout__item">
          {showAllActions ? <AllActionsList meeting={meeting} /> : null}
          {selectedItem ? (
            <fieldset className="read-only-frame" disabled={readOnly}>
              <AgendaItemPane
                key={`${selectedItem.id}:${reloads}`}
                meeting={meeting}
                item={selectedItem}
                number={minuteNumberIn(meeting, selectedIndex)}
                onRename={onRename}
                onBackgroundChange={onBackgroundChange}
                onMinutesChange={onMinutesChange}
                onChange={applyChange}
                onAddDeclaration={() => addEntry('declareInterest')}
                draftDeclaration={draftDeclaration}
                onDraftDeclarationChange={setDraftDeclaration}
                onAddDecision={() => addEntry('newDecision')}
                onAddAction={() => addEntry('newAction')}
                onWriteFromRecord={writeFromRecord}
                presentNames={presentNames}
                minutesEditorRef={minutesEditor}
                readOnly={readOnly}
                onShowConflicts={showConflicts}
                initialCursor={cursorByItem.current.get(selectedItem.id)}
                onLeaveMinutes={rememberCursor}
              />
            </fieldset>
          ) : (
            <p className="item-pane__empty">This meeting has no agenda items yet. Add one to start taking minutes.</p>
          )}
        </div>
        <div className="meeting-layout__attendance">
          <fieldset className="read-only-frame" disabled={readOnly}>
            <AttendancePanel meeting={meeting} currentItemId={selectedItemId} onChanges={applyChanges} showQuorum={false} shape={opened.shape} />
          </fieldset>
        </div>
      </div>
      <MeetingDialogs
        open={dialog}
        onClose={() => setDialog(null)}
        api={api}
        meeting={meeting}
        readOnly={readOnly}
        previousMeetingDate={opened.previousMeetingDate}
        currentItemId={selectedItemId}
        conflictToStartAt={conflictToStartAt}
        onResolveConflict={resolveConflict}
        onInsertSnippet={insertIntoMinutes}
        sendEverythingTyped={sendEverythingTyped}
        onRestored={showRestored}
        onChanges={applyChanges}
        onError={onError}
      />
    </div>
  );
}
