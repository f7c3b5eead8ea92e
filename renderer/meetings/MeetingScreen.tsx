/**
 * One open meeting, laid out for live capture: the header with the quorum for the current item,
 * the agenda and attendance column, and the open item with its minutes, declarations, decisions
 * and actions. The screen keeps its own copy of the meeting, changed by the same pure rule
 * (applyMeetingChange) the core uses, so every edit shows at once and is sent behind the clerk's
 * back through the change queue. There is no Save button. Shortcuts (F1 lists them) work wherever
 * the focus is on this screen, including inside the minutes.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { EditingMode, MeetingVersion, OpenedMeeting, Presence, SaveState } from '../../main/domain/api';
import { applyChangesThatApply, applyMeetingChange, ChangeNotApplicable, type ConflictResolution, type MeetingChange } from '../../main/domain/changes';
import type { Snippet } from '../../main/domain/committee';
import { formatMinuteNumber } from '../../main/domain/houseStyle';
import { createAgendaItem, type AgendaItem, type Declaration, type Meeting, type MeetingConflict, type MinuteBlock, type ParagraphConflict } from '../../main/domain/meeting';
import { fillSnippet } from '../../main/domain/snippets';
import { formatClockTime } from '../../main/domain/wording';
import type { ApiClient } from '../api/client';
import { newAction } from '../actions/ActionsSection';
import { AllActionsList } from '../actions/AllActionsList';
import { AgendaItemPane } from '../agenda/AgendaItemPane';
import { AgendaList, type AgendaFocusTarget } from '../agenda/AgendaList';
import { agendaItemLabel } from '../agenda/agendaOrder';
import { DeletedItemToast } from '../agenda/DeletedItemToast';
import { ENTRY_FIRST_FIELD } from '../agenda/recordChange';
import { AttendancePanel, MovementDialog, QuorumIndicator } from '../attendance/AttendancePanel';
import { newDecision } from '../decisions/DecisionsSection';
import { newDeclaration } from '../declarations/DeclarationsSection';
import { ExportDialog, type ChangesReached } from '../export/ExportDialog';
import type { MinutesEditorHandle } from '../minutes/MinutesEditor';
import { minutesChanges } from '../minutes/minutesChanges';
import { reconcileMinutes } from '../minutes/minutesReconcile';
import type { CompletionName } from '../minutes/nameCompletion';
import { SnippetDialog } from '../minutes/SnippetDialog';
import { shortcutFor, shortcutOf, type ShortcutCommand } from '../shortcuts/shortcuts';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { ConflictsDialog } from './ConflictsDialog';
import { describeSavedAt, HistoryDialog } from './HistoryDialog';
import { formatMeetingDate } from './meetingDates';
import { MeetingChangeQueue, type HeldBack } from './meetingChangeQueue';
import { presenceLine, readOnlyBanner, updatedAnnouncement } from './presenceText';
import './meetingScreen.css';

/** How long leaving a meeting waits for unsent changes; the queue keeps trying after that. */
const LEAVE_WAIT_MS = 3000;
/** How long Export waits for the last changes to reach the core before saying so instead. */
const EXPORT_WAIT_MS = 5000;

interface MeetingScreenProps {
  api: ApiClient;
  opened: OpenedMeeting;
  onSaveState: (saveState: SaveState) => void;
  onSendingChange: (sending: boolean) => void;
  /** Changes held in this window because the core is not answering, and when the next try is (undefined once it has them). */
  onHeldInWindow?: (held: HeldBack | undefined) => void;
  onError: (error: unknown) => void;
  /** Asks the app to go back to the meetings list (which calls `leaveRef` first). */
  onBack: () => void;
  /** Filled in with what must happen before the meeting is left: send what is typed, then close it. */
  leaveRef: RefObject<(() => Promise<void>) | null>;
}

type FocusRequest =
  | { kind: 'agendaItem'; itemId: string }
  | { kind: 'moveButton'; direction: 'up' | 'down' }
  | { kind: 'itemTitle' }
  | { kind: 'addItem' }
  | { kind: 'entry'; id: string }
  | { kind: 'minutes' };

type OpenDialog = 'shortcuts' | 'snippets' | 'movement' | 'export' | 'conflicts' | 'history' | null;

/** Shortcuts that only look or move around; the rest change the meeting and wait for "Edit as well". */
const READING_SHORTCUTS: ReadonlySet<ShortcutCommand> = new Set(['nextItem', 'previousItem', 'showShortcuts', 'exportMinutes']);

function paragraphConflictsOf(meeting: Meeting, itemId: string): ParagraphConflict[] {
  return meeting.conflicts.filter((conflict): conflict is ParagraphConflict => conflict.kind === 'paragraph' && conflict.itemId === itemId);
}

function minutesOf(meeting: Meeting, itemId: string): MinuteBlock[] | undefined {
  return meeting.agenda.find((item) => item.id === itemId)?.minutes;
}

/** Applies what applies; a change to something no longer there has nothing to do. */
function applyQuietly(meeting: Meeting, changes: readonly MeetingChange[]): Meeting {
  return applyChangesThatApply(meeting, changes, new Date());
}

function clockTimeNow(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** Those present who may be named in the minutes: in the room or attending remotely. */
function presentNamesOf(meeting: Meeting): CompletionName[] {
  return meeting.attendees.filter((attendee) => attendee.status === 'present' || attendee.status === 'remote');
}

interface DeletedItem {
  item: AgendaItem;
  index: number;
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
  const meetingId = opened.meeting.id;
  const [meeting, setMeeting] = useState(opened.meeting);
  // The latest meeting, readable synchronously between a change and the next render.
  const latestMeeting = useRef(opened.meeting);
  const [selectedItemId, setSelectedItemId] = useState(opened.meeting.agenda[0]?.id);
  const [deleted, setDeleted] = useState<DeletedItem>();
  const [draftDeclaration, setDraftDeclaration] = useState<Declaration>();
  const [announcement, setAnnouncement] = useState('');
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [showAllActions, setShowAllActions] = useState(false);
  const [snippets, setSnippets] = useState<readonly Snippet[]>([]);
  // Bumped when the meeting is reloaded from the core, so the item pane (and its editor) start afresh.
  const [reloads, setReloads] = useState(0);
  const minutesEditor = useRef<MinutesEditorHandle>(null);
  const focusRequest = useRef<FocusRequest | null>(null);
  const screen = useRef<HTMLDivElement>(null);
  const [notes] = useState(() => migrationNote(opened));
  // Told once the screen is up, so the polite region announces them: sessions taken over, copies merged.
  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => setNotices(opened.notices), [opened.notices]);
  const reloadFromCore = useRef<() => void>(() => undefined);
  const [mode, setMode] = useState<EditingMode>(opened.mode);
  const readOnly = mode === 'read-only';
  const [presence, setPresence] = useState<Presence[]>(opened.presence);
  const [conflictToStartAt, setConflictToStartAt] = useState<string>();
  // The meeting as the core has it, as far as this window knows: what it last sent (on opening,
  // with others' changes) plus every change of ours it has acknowledged since. Others' changes are
  // told apart from ours against it.
  const acknowledged = useRef(opened.meeting);
  // The core's number for the meeting the screen last took from it: each change is sent with the
  // view it was made on, so the core merges one made before a colleague's update instead of undoing it.
  const view = useRef(opened.view);
  const selectedItemRef = useRef(selectedItemId);
  selectedItemRef.current = selectedItemId;

  const [queue] = useState(
    () =>
      new MeetingChangeQueue({
        send: (changes, seenView) => api.call('meetings.applyChanges', { meetingId, changes, seenView: seenView ?? view.current }),
        currentView: () => view.current,
        onSaveState,
        onError,
        onBusyChange: onSendingChange,
        onHeldBack: onHeldInWindow,
        onAcknowledged: (changes) => {
          acknowledged.current = applyQuietly(acknowledged.current, changes);
        },
        onRefused: (error) => {
          onError(error);
          reloadFromCore.current();
        },
      }),
  );

  // After a refusal the screen shows changes the file does not hold: show the file instead, once
  // everything sent after the refused batch has been answered.
  const reloading = useRef(false);
  reloadFromCore.current = () => {
    if (reloading.current) return;
    reloading.current = true;
    void (async () => {
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          // What is typed but not yet sent goes into the queue first, or the reload would lose it.
          minutesEditor.current?.flush();
          await queue.whenIdle();
          const reopened = await api.call('meetings.open', { meetingId });
          if (!queue.isBusy()) {
            view.current = reopened.view;
            acknowledged.current = reopened.meeting;
            latestMeeting.current = reopened.meeting;
            setMeeting(reopened.meeting);
            setSelectedItemId((current) => (reopened.meeting.agenda.some((item) => item.id === current) ? current : reopened.meeting.agenda[0]?.id));
            setReloads((count) => count + 1);
            return;
          }
        }
      } catch (error) {
        onError(error);
      } finally {
        reloading.current = false;
      }
    })();
  };

  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;
  const applyChanges = useCallback(
    (changes: readonly MeetingChange[]) => {
      // Read only: nothing is sent (the controls are disabled; this catches anything that slips through).
      if (readOnlyRef.current) return;
      let next = latestMeeting.current;
      const applied: MeetingChange[] = [];
      for (const change of changes) {
        try {
          next = applyMeetingChange(next, change, new Date());
          applied.push(change);
        } catch (error) {
          // A change to an item that is no longer here (e.g. minutes flushed after a delete) has nothing to do.
          if (error instanceof ChangeNotApplicable) continue;
          throw error;
        }
      }
      if (applied.length === 0) return;
      latestMeeting.current = next;
      setMeeting(next);
      for (const change of applied) queue.add(change);
    },
    [queue],
  );
  const applyChange = useCallback((change: MeetingChange) => applyChanges([change]), [applyChanges]);

  const sendTypedMinutes = useCallback(() => minutesEditor.current?.flush(), []);

  /**
   * Shows the core's meeting (merged with someone else's changes) without losing anything of the
   * clerk's: the changes the core has not acknowledged yet are put back on top, the minutes being
   * typed are reconciled paragraph by paragraph, and the editor changes only the paragraphs that
   * differ, keeping the cursor. Paragraphs of the reconciled minutes that the core's meeting (with
   * the unacknowledged changes on top) does not yet hold are sent again, so the core ends with both.
   */
  const takeCoreMeeting = useRef<(incoming: Meeting) => void>(() => undefined);
  takeCoreMeeting.current = (incoming: Meeting) => {
    const base = acknowledged.current;
    const resend: MeetingChange[] = [];
    let shown = incoming;
    // Each was made on an earlier view, so the core merges it three-way with what came since.
    shown = applyQuietly(shown, queue.unacknowledged());
    const itemId = selectedItemRef.current;
    const editor = minutesEditor.current;
    const theirs = itemId ? minutesOf(incoming, itemId) : undefined;
    if (itemId && editor && theirs) {
      const typed = editor.blocks();
      const minutes = reconcileMinutes(minutesOf(base, itemId) ?? [], typed, theirs, paragraphConflictsOf(incoming, itemId));
      editor.showMinutes(minutes);
      // Only the paragraphs that still differ from the core's are sent again.
      const changes = minutesChanges(itemId, minutesOf(shown, itemId) ?? [], minutes);
      shown = applyQuietly(shown, changes);
      if (!readOnlyRef.current) resend.push(...changes);
    }
    acknowledged.current = incoming;
    latestMeeting.current = shown;
    setMeeting(shown);
    if (itemId && !shown.agenda.some((item) => item.id === itemId)) setSelectedItemId(shown.agenda[0]?.id);
    if (!readOnlyRef.current) for (const change of resend) queue.add(change);
  };

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'presence' && event.meetingId === meetingId) setPresence(event.presence);
        if (event.type === 'meetingUpdated' && event.meetingId === meetingId) {
          // Changes from here on (including those put back on top of it) are made on this view.
          view.current = event.view;
          takeCoreMeeting.current(event.meeting);
          setAnnouncement(updatedAnnouncement(event.from, event.newConflicts));
        }
      }),
    [api, meetingId],
  );

  /** "Edit as well" from read only: the core records the new mode; the screen starts sending. */
  async function editAsWell(): Promise<void> {
    try {
      const reopened = await api.call('meetings.setMode', { meetingId, mode: 'edit' });
      setPresence(reopened.presence);
      view.current = reopened.view;
      takeCoreMeeting.current(reopened.meeting);
      readOnlyRef.current = reopened.mode === 'read-only';
      setMode(reopened.mode);
      setAnnouncement(reopened.mode === 'edit' ? 'You can edit this meeting now; your changes merge with theirs.' : '');
    } catch (error) {
      onError(error);
    }
  }

  /** A conflict resolved: the choice is sent like any change, and the minutes on screen follow it. */
  function resolveConflict(conflict: MeetingConflict, resolution: ConflictResolution): void {
    sendTypedMinutes();
    applyChange({ kind: 'conflict.resolve', conflictId: conflict.id, resolution });
    const itemId = selectedItemRef.current;
    const minutes = itemId ? minutesOf(latestMeeting.current, itemId) : undefined;
    if (minutes && conflict.kind === 'paragraph' && conflict.itemId === itemId) minutesEditor.current?.showMinutes(minutes);
    setAnnouncement(`Resolved: ${conflict.label}.`);
  }

  /** A version restored from history replaces the meeting on screen; the editor starts afresh with it. */
  function showRestored(restored: OpenedMeeting, version: MeetingVersion): void {
    view.current = restored.view;
    acknowledged.current = restored.meeting;
    latestMeeting.current = restored.meeting;
    setMeeting(restored.meeting);
    setSelectedItemId((current) => (restored.meeting.agenda.some((item) => item.id === current) ? current : restored.meeting.agenda[0]?.id));
    setReloads((count) => count + 1);
    setDialog(null);
    setAnnouncement(`Restored the version of ${describeSavedAt(version.savedAt)}. The version it replaced is kept in history.`);
  }

  useEffect(() => {
    leaveRef.current = async () => {
      sendTypedMinutes();
      queue.retryNow();
      await Promise.race([queue.whenIdle(), new Promise((resolve) => setTimeout(resolve, LEAVE_WAIT_MS))]);
      await api.call('meetings.close', { meetingId });
    };
    return () => {
      leaveRef.current = null;
    };
  }, [api, leaveRef, meetingId, queue, sendTypedMinutes]);

  // Closing the window while the last changes are on their way: hold it open until they arrive.
  // (The Electron shell tries the close again a moment later; a browser asks the clerk.)
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      sendTypedMinutes();
      if (queue.isBusy()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [queue, sendTypedMinutes]);

  // If the window is being closed or hidden, send what has been typed rather than wait for the pause.
  useEffect(() => {
    const onHide = () => sendTypedMinutes();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [sendTypedMinutes]);

  // The committee's standard phrases, for Ctrl+Shift+S. A meeting without a committee has none.
  const committeeSlug = meeting.committeeSlug;
  useEffect(() => {
    if (!committeeSlug) return;
    let current = true;
    api.call('committees.list', {}).then(
      (listing) => {
        if (current) setSnippets(listing.committees.find((committee) => committee.slug === committeeSlug)?.snippets ?? []);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, committeeSlug]);

  useLayoutEffect(() => {
    const request = focusRequest.current;
    const root = screen.current;
    if (!request || !root) return;
    focusRequest.current = null;
    let target: HTMLElement | null = null;
    if (request.kind === 'agendaItem') target = root.querySelector(`[data-agenda-item-id="${request.itemId}"]`);
    else if (request.kind === 'moveButton') target = root.querySelector(`[data-agenda-move="${request.direction}"]`);
    else if (request.kind === 'itemTitle') target = root.querySelector('[data-item-title]');
    else if (request.kind === 'entry') target = root.querySelector(`[${ENTRY_FIRST_FIELD}="${request.id}"]`);
    else if (request.kind === 'minutes') target = root.querySelector('.item-pane [contenteditable="true"]');
    else target = root.querySelector('[data-add-agenda-item]');
    target?.focus();
    if (target instanceof HTMLInputElement && target.type === 'text') target.select();
  });

  /** The minute number at this agenda position, as the house style writes it. */
  const minuteNumberIn = (current: Meeting, index: number): string =>
    opened.minuteNumberPattern ? formatMinuteNumber(opened.minuteNumberPattern, current.firstMinuteNumber + index, current.date) : String(current.firstMinuteNumber + index);
  const minuteNumber = (index: number) => minuteNumberIn(latestMeeting.current, index);

  /** Everything typed goes to the core before an export, so the Word file holds the latest words. */
  const sendEverythingTyped = useCallback(async (): Promise<ChangesReached> => {
    sendTypedMinutes();
    queue.retryNow();
    const reached = await Promise.race([queue.whenIdle().then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), EXPORT_WAIT_MS))]);
    return reached ? 'reached' : 'still-sending';
  }, [queue, sendTypedMinutes]);

  function selectItem(itemId: string): void {
    if (itemId === selectedItemId) return;
    sendTypedMinutes();
    setSelectedItemId(itemId);
  }

  function addItem(): void {
    sendTypedMinutes();
    const item = createAgendaItem('New item');
    applyChange({ kind: 'item.add', item, index: latestMeeting.current.agenda.length });
    setSelectedItemId(item.id);
    focusRequest.current = { kind: 'itemTitle' };
  }

  function moveItem(itemId: string, toIndex: number, keepFocusOn: AgendaFocusTarget): void {
    applyChange({ kind: 'item.move', itemId, toIndex });
    const agenda = latestMeeting.current.agenda;
    const index = agenda.findIndex((item) => item.id === itemId);
    const item = agenda[index];
    if (item) setAnnouncement(`Moved “${agendaItemLabel(minuteNumber(index), item.title)}” to position ${index + 1} of ${agenda.length}.`);
    focusRequest.current = keepFocusOn === 'item' ? { kind: 'agendaItem', itemId } : { kind: 'moveButton', direction: keepFocusOn };
  }

  function deleteItem(itemId: string): void {
    sendTypedMinutes();
    const agenda = latestMeeting.current.agenda;
    const index = agenda.findIndex((item) => item.id === itemId);
    const item = agenda[index];
    if (!item) return;
    applyChange({ kind: 'item.delete', itemId });
    const remaining = latestMeeting.current.agenda;
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    setSelectedItemId(neighbour?.id);
    setDeleted({ item, index });
    focusRequest.current = neighbour ? { kind: 'agendaItem', itemId: neighbour.id } : { kind: 'addItem' };
  }

  function undoDelete(): void {
    if (!deleted) return;
    sendTypedMinutes();
    applyChange({ kind: 'item.add', item: deleted.item, index: deleted.index });
    setSelectedItemId(deleted.item.id);
    setDeleted(undefined);
    focusRequest.current = { kind: 'agendaItem', itemId: deleted.item.id };
  }

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
      if (selectedItemId) applyChanges(minutesChanges(selectedItemId, minutesOf(latestMeeting.current, selectedItemId) ?? [], minutes));
    },
    [applyChanges, selectedItemId],
  );
  // Read by name completion only when its list opens, so it never makes the editor re-render.
  const presentNames = useCallback(() => presentNamesOf(latestMeeting.current), []);

  function writeFromRecord(): void {
    if (!selectedItemId) return;
    sendTypedMinutes();
    applyChange({ kind: 'item.update', itemId: selectedItemId, fields: { minutesEditedByHand: false } });
  }

  function addEntry(command: 'newAction' | 'newDecision' | 'declareInterest'): void {
    const item = selectedItem;
    if (!item) {
      setAnnouncement('Open an agenda item first.');
      return;
    }
    if (command === 'declareInterest' && latestMeeting.current.attendees.length === 0) {
      setAnnouncement('Add attendees first: an interest is declared by someone present.');
      return;
    }
    if (command === 'declareInterest') {
      // Sent only once the clerk chooses who declared it; a second request goes to the same draft.
      const draft = draftDeclaration?.itemId === item.id ? draftDeclaration : newDeclaration(item.id);
      setDraftDeclaration(draft);
      focusRequest.current = { kind: 'entry', id: draft.id };
      return;
    }
    const change: MeetingChange =
      command === 'newAction'
        ? { kind: 'entity.put', collection: 'actions', entity: newAction(latestMeeting.current, item.id) }
        : { kind: 'entity.put', collection: 'decisions', entity: newDecision(item.id) };
    applyChange(change);
    focusRequest.current = { kind: 'entry', id: change.entity.id };
  }

  function goToNeighbour(step: 1 | -1): void {
    const agenda = latestMeeting.current.agenda;
    const target = agenda[selectedIndex + step];
    if (!target) return;
    selectItem(target.id);
    setAnnouncement(`Item ${agendaItemLabel(minuteNumber(selectedIndex + step), target.title)}`);
    focusRequest.current = { kind: 'minutes' };
  }

  function insertIntoMinutes(text: string): void {
    if (!minutesEditor.current) {
      setAnnouncement('Open an agenda item first.');
      return;
    }
    minutesEditor.current.insertText(text);
  }

  function runShortcut(command: ShortcutCommand): void {
    if (readOnly && !READING_SHORTCUTS.has(command)) {
      setAnnouncement('This meeting is open read only. Choose “Edit as well” to change it.');
      return;
    }
    switch (command) {
      case 'nextItem':
        return goToNeighbour(1);
      case 'previousItem':
        return goToNeighbour(-1);
      case 'newAction':
      case 'newDecision':
      case 'declareInterest':
        return addEntry(command);
      case 'markMovement':
        return setDialog('movement');
      case 'insertTime':
        return insertIntoMinutes(formatClockTime(clockTimeNow(new Date())));
      case 'insertSnippet':
        return setDialog('snippets');
      case 'showShortcuts':
        return setDialog('shortcuts');
      case 'exportMinutes':
        return setDialog('export');
    }
  }

  // Caught on the way down, so the shortcuts work inside the minutes editor too. While a dialog
  // is open (its events bubble here through the portal) the keys belong to the dialog.
  function onKeyDownCapture(event: KeyboardEvent<HTMLDivElement>): void {
    if (dialog !== null || event.defaultPrevented) return;
    const shortcut = shortcutFor(event);
    if (!shortcut) return;
    event.preventDefault();
    event.stopPropagation();
    runShortcut(shortcut.command);
  }

  const filledSnippets = useMemo(
    () =>
      dialog === 'snippets'
        ? snippets.map((snippet) => ({ id: snippet.id, name: snippet.name, text: fillSnippet(snippet.text, { meeting, previousMeetingDate: opened.previousMeetingDate, now: new Date() }) }))
        : [],
    [dialog, snippets, meeting, opened.previousMeetingDate],
  );

  const details = [formatMeetingDate(meeting.date), meeting.startTime, meeting.venue].filter((part) => part.trim() !== '');

  return (
    <div className="meeting-screen" ref={screen} onKeyDownCapture={onKeyDownCapture}>
      <div className="meeting-screen__top">
        <button type="button" className="button button--quiet" onClick={onBack}>
          <span aria-hidden="true">← </span>All meetings
        </button>
        <div className="meeting-screen__commands">
          {meeting.conflicts.length > 0 ? (
            <button
              type="button"
              className="button button--attention"
              onClick={() => {
                setConflictToStartAt(undefined);
                setDialog('conflicts');
              }}
            >
              Conflicts ({meeting.conflicts.length})
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setDialog('history')}>
            History
          </button>
          <button type="button" className="button" aria-keyshortcuts={shortcutOf('exportMinutes').ariaKeys} onClick={() => setDialog('export')}>
            Export…
          </button>
          <button type="button" className="button button--quiet" aria-keyshortcuts={shortcutOf('showShortcuts').ariaKeys} onClick={() => setDialog('shortcuts')}>
            Keyboard shortcuts (F1)
          </button>
        </div>
      </div>
      <header className="meeting-header">
        <h1 className="meeting-header__committee" tabIndex={-1}>
          {meeting.committee}
        </h1>
        <p className="meeting-header__details">
          {details.map((part, index) => (
            <span key={index} className="meeting-header__detail">
              {part}
            </span>
          ))}
          <span className={`status-tag status-tag--${meeting.status}`}>{meeting.status === 'approved' ? 'Approved' : 'Draft'}</span>
        </p>
        {meeting.title.trim() !== '' ? <p className="meeting-header__title">{meeting.title}</p> : null}
        <div className="meeting-header__live">
          <QuorumIndicator meeting={meeting} currentItemId={selectedItemId} />
          <FirstMinuteNumberField
            key={reloads}
            disabled={readOnly}
            value={meeting.firstMinuteNumber}
            onChange={(firstMinuteNumber) => applyChange({ kind: 'meeting.update', fields: { firstMinuteNumber } })}
          />
          <button type="button" className="button" aria-pressed={showAllActions} onClick={() => setShowAllActions((shown) => !shown)}>
            All actions
          </button>
        </div>
        {notes.map((note) => (
          <p key={note} className="notice">
            {note}
          </p>
        ))}
        <div role="status" className="meeting-notices">
          {notices.map((notice) => (
            <p key={notice} className="notice">
              {notice}
            </p>
          ))}
        </div>
        {presence.length > 0 ? <p className="presence-line">{presenceLine(presence)}</p> : null}
        {readOnly ? (
          <div className="read-only-banner" role="region" aria-label="Read only">
            <p className="read-only-banner__text">{readOnlyBanner(presence)}</p>
            <button type="button" className="button button--primary" onClick={() => void editAsWell()}>
              Edit as well
            </button>
          </div>
        ) : null}
      </header>
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
            {deleted ? (
              <DeletedItemToast title={deleted.item.title} onUndo={undoDelete} onDismiss={() => setDeleted(undefined)} />
            ) : null}
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
                onShowConflicts={(conflictId) => {
                  setConflictToStartAt(conflictId);
                  setDialog('conflicts');
                }}
              />
            </fieldset>
          ) : (
            <p className="item-pane__empty">This meeting has no agenda items yet. Add one to start taking minutes.</p>
          )}
        </div>
        <div className="meeting-layout__attendance">
          <fieldset className="read-only-frame" disabled={readOnly}>
            <AttendancePanel meeting={meeting} currentItemId={selectedItemId} onChanges={applyChanges} showQuorum={false} />
          </fieldset>
        </div>
      </div>
      {dialog === 'shortcuts' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'snippets' ? (
        <SnippetDialog
          snippets={filledSnippets}
          onCancel={() => setDialog(null)}
          onInsert={(text) => {
            setDialog(null);
            insertIntoMinutes(text);
          }}
        />
      ) : null}
      {dialog === 'conflicts' ? (
        <ConflictsDialog meeting={meeting} readOnly={readOnly} startAt={conflictToStartAt} onResolve={resolveConflict} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'history' ? (
        <HistoryDialog
          api={api}
          meetingId={meetingId}
          readOnly={readOnly}
          beforeRestore={sendEverythingTyped}
          onRestored={showRestored}
          onError={onError}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'export' ? <ExportDialog api={api} meeting={meeting} sendEverythingTyped={sendEverythingTyped} onClose={() => setDialog(null)} /> : null}
      <MovementDialog open={dialog === 'movement'} meeting={meeting} currentItemId={selectedItemId} onClose={() => setDialog(null)} onChanges={applyChanges} />
    </div>
  );
}

/** The minute number of the first item; the others follow in agenda order. */
function FirstMinuteNumberField({ value, disabled, onChange }: { value: number; disabled: boolean; onChange: (value: number) => void }) {
  const [typed, setTyped] = useState(String(value));
  // A number changed elsewhere (a colleague, a restore) shows here unless it is what is typed.
  useEffect(() => {
    setTyped((current) => (Number(current) === value ? current : String(value)));
  }, [value]);
  const valid = /^\d+$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 1_000_000;
  return (
    <div className="field field--number meeting-header__first-number">
      <label className="field__label" htmlFor="first-minute-number">
        First minute number
      </label>
      <input
        id="first-minute-number"
        className="field__input"
        type="number"
        min={1}
        max={1_000_000}
        disabled={disabled}
        value={typed}
        aria-invalid={valid ? undefined : true}
        onChange={(event) => {
          const next = event.target.value;
          setTyped(next);
          if (/^\d+$/.test(next) && Number(next) >= 1 && Number(next) <= 1_000_000 && Number(next) !== value) onChange(Number(next));
        }}
      />
    </div>
  );
}
