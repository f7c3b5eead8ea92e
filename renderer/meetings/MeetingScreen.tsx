/**
 * One open meeting: its details, the agenda column and the open item. The screen keeps its own copy
 * of the meeting, changed by the same pure rule (applyMeetingChange) the core uses, so every edit
 * shows at once and is sent behind the clerk's back through the change queue. There is no Save button.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { OpenedMeeting, SaveState } from '../../main/domain/api';
import { applyMeetingChange, ChangeNotApplicable, type MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, type AgendaItem, type MinuteBlock } from '../../main/domain/meeting';
import type { ApiClient } from '../api/client';
import { AgendaItemPane } from '../agenda/AgendaItemPane';
import { AgendaList, type AgendaFocusTarget } from '../agenda/AgendaList';
import { agendaItemLabel } from '../agenda/agendaOrder';
import { DeletedItemToast } from '../agenda/DeletedItemToast';
import type { MinutesEditorHandle } from '../minutes/MinutesEditor';
import { formatMeetingDate } from './meetingDates';
import { MeetingChangeQueue } from './meetingChangeQueue';

/** How long leaving a meeting waits for unsent changes; the queue keeps trying after that. */
const LEAVE_WAIT_MS = 3000;

interface MeetingScreenProps {
  api: ApiClient;
  opened: OpenedMeeting;
  onSaveState: (saveState: SaveState) => void;
  onSendingChange: (sending: boolean) => void;
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
  | { kind: 'addItem' };

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

export function MeetingScreen({ api, opened, onSaveState, onSendingChange, onError, onBack, leaveRef }: MeetingScreenProps) {
  const meetingId = opened.meeting.id;
  const [meeting, setMeeting] = useState(opened.meeting);
  // The latest meeting, readable synchronously between a change and the next render.
  const latestMeeting = useRef(opened.meeting);
  const [selectedItemId, setSelectedItemId] = useState(opened.meeting.agenda[0]?.id);
  const [deleted, setDeleted] = useState<DeletedItem>();
  const [announcement, setAnnouncement] = useState('');
  const minutesEditor = useRef<MinutesEditorHandle>(null);
  const focusRequest = useRef<FocusRequest | null>(null);
  const screen = useRef<HTMLDivElement>(null);
  const [notes] = useState(() => migrationNote(opened));

  const [queue] = useState(
    () =>
      new MeetingChangeQueue({
        send: (changes) => api.call('meetings.applyChanges', { meetingId, changes }),
        onSaveState,
        onError,
        onBusyChange: onSendingChange,
      }),
  );

  const applyChange = useCallback(
    (change: MeetingChange) => {
      let next;
      try {
        next = applyMeetingChange(latestMeeting.current, change, new Date());
      } catch (error) {
        // A change to an item that is no longer here (e.g. minutes flushed after a delete) has nothing to do.
        if (error instanceof ChangeNotApplicable) return;
        throw error;
      }
      latestMeeting.current = next;
      setMeeting(next);
      queue.add(change);
    },
    [queue],
  );

  const sendTypedMinutes = useCallback(() => minutesEditor.current?.flush(), []);

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

  useLayoutEffect(() => {
    const request = focusRequest.current;
    const root = screen.current;
    if (!request || !root) return;
    focusRequest.current = null;
    let target: HTMLElement | null = null;
    if (request.kind === 'agendaItem') target = root.querySelector(`[data-agenda-item-id="${request.itemId}"]`);
    else if (request.kind === 'moveButton') target = root.querySelector(`[data-agenda-move="${request.direction}"]`);
    else if (request.kind === 'itemTitle') target = root.querySelector('[data-item-title]');
    else target = root.querySelector('[data-add-agenda-item]');
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  });

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
    if (item) setAnnouncement(`Moved “${agendaItemLabel(index + 1, item.title)}” to position ${index + 1} of ${agenda.length}.`);
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
      if (selectedItemId) applyChange({ kind: 'item.minutes', itemId: selectedItemId, minutes });
    },
    [applyChange, selectedItemId],
  );

  const details = [formatMeetingDate(meeting.date), meeting.startTime, meeting.venue].filter((part) => part.trim() !== '');

  return (
    <div className="meeting-screen" ref={screen}>
      <div className="meeting-screen__top">
        <button type="button" className="button button--quiet" onClick={onBack}>
          <span aria-hidden="true">← </span>All meetings
        </button>
      </div>
      <header className="meeting-header">
        <h1 className="meeting-header__committee" tabIndex={-1}>{meeting.committee}</h1>
        <p className="meeting-header__details">
          {details.map((part, index) => (
            <span key={index} className="meeting-header__detail">
              {part}
            </span>
          ))}
          <span className={`status-tag status-tag--${meeting.status}`}>{meeting.status === 'approved' ? 'Approved' : 'Draft'}</span>
        </p>
        {meeting.title.trim() !== '' ? <p className="meeting-header__title">{meeting.title}</p> : null}
        {notes.map((note) => (
          <p key={note} className="notice">
            {note}
          </p>
        ))}
      </header>
      <div className="meeting-layout">
        <div className="meeting-layout__agenda">
          <AgendaList
            agenda={meeting.agenda}
            selectedItemId={selectedItemId}
            onSelect={selectItem}
            onMove={moveItem}
            onAdd={addItem}
            onDelete={deleteItem}
          >
            <p className="visually-hidden" aria-live="polite">
              {announcement}
            </p>
            {deleted ? (
              <DeletedItemToast title={deleted.item.title} onUndo={undoDelete} onDismiss={() => setDeleted(undefined)} />
            ) : null}
          </AgendaList>
        </div>
        <div className="meeting-layout__item">
          {selectedItem ? (
            <AgendaItemPane
              key={selectedItem.id}
              item={selectedItem}
              number={selectedIndex + 1}
              onRename={onRename}
              onBackgroundChange={onBackgroundChange}
              onMinutesChange={onMinutesChange}
              minutesEditorRef={minutesEditor}
            />
          ) : (
            <p className="item-pane__empty">This meeting has no agenda items yet. Add one to start taking minutes.</p>
          )}
        </div>
      </div>
    </div>
  );
}
