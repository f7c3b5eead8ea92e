/**
 * The application shell: the header with the save indicator, the error banner, and which screen is
 * showing. It owns the save state shown in the header, fed by the answers to the open meeting's
 * calls and by the core's pushed `saveState` events.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditingMode, OpenedMeeting, OperationInput, Presence, SaveState } from '../../main/domain/api';
import type { ApiClient } from '../api/client';
import { CommitteesScreen } from '../committees/CommitteesScreen';
import { MeetingScreen } from '../meetings/MeetingScreen';
import { MeetingsScreen } from '../meetings/MeetingsScreen';
import { needsOpeningChoice, OpenMeetingDialog } from '../meetings/OpenMeetingDialog';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ErrorBanner } from '../ui/ErrorBanner';
import { messageForClerk } from '../ui/errorMessage';
import { SaveStateIndicator } from './SaveStateIndicator';
import type { HeldInWindow } from './saveStateText';
import './app.css';

type Screen = { name: 'meetings' } | { name: 'committees' } | { name: 'settings' } | { name: 'meeting'; opened: OpenedMeeting };

export function App({ api }: { api: ApiClient }) {
  const [screen, setScreen] = useState<Screen>({ name: 'meetings' });
  const [saveState, setSaveState] = useState<SaveState>();
  const [sendingChanges, setSendingChanges] = useState(false);
  const [heldInWindow, setHeldInWindow] = useState<HeldInWindow>();
  const [error, setError] = useState<string>();
  // A meeting someone else is editing, while the clerk chooses read only or edit as well.
  const [choosing, setChoosing] = useState<{ meetingId: string; name: string; presence: Presence[] }>();
  const openMeetingId = useRef<string | null>(null);
  const leaveMeeting = useRef<(() => Promise<void>) | null>(null);

  // After moving to another screen, start the keyboard and screen reader at its heading.
  const main = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);
  const screenKey = screen.name === 'meeting' ? `meeting:${screen.opened.meeting.id}` : screen.name;
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screenKey]);

  const reportError = useCallback((problem: unknown) => setError(messageForClerk(problem)), []);

  const acceptSaveState = useCallback((state: SaveState) => {
    if (state.meetingId === openMeetingId.current) setSaveState(state);
  }, []);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'saveState') acceptSaveState(event.saveState);
      }),
    [api, acceptSaveState],
  );

  const showMeeting = useCallback((opened: OpenedMeeting) => {
    openMeetingId.current = opened.meeting.id;
    setSaveState(opened.saveState);
    setSendingChanges(false);
    setHeldInWindow(undefined);
    setScreen({ name: 'meeting', opened });
  }, []);

  const goTo = useCallback(
    async (name: 'meetings' | 'committees' | 'settings') => {
      const leave = leaveMeeting.current;
      if (leave) {
        try {
          await leave();
        } catch (problem) {
          reportError(problem);
        }
      }
      openMeetingId.current = null;
      setSaveState(undefined);
      setSendingChanges(false);
      setHeldInWindow(undefined);
      setScreen(name === 'meetings' ? { name: 'meetings' } : name === 'committees' ? { name: 'committees' } : { name: 'settings' });
    },
    [reportError],
  );

  const openMeetingAs = useCallback(
    async (meetingId: string, mode?: EditingMode) => {
      try {
        showMeeting(await api.call('meetings.open', mode ? { meetingId, mode } : { meetingId }));
      } catch (problem) {
        reportError(problem);
      }
    },
    [api, reportError, showMeeting],
  );

  // Someone else editing the meeting (or a session gone quiet) is named first, and the clerk chooses.
  const openMeeting = useCallback(
    async (meetingId: string, name: string) => {
      let presence: Presence[];
      try {
        presence = (await api.call('meetings.presence', { meetingId })).presence;
      } catch (problem) {
        reportError(problem);
        return;
      }
      if (needsOpeningChoice(presence)) setChoosing({ meetingId, name, presence });
      else await openMeetingAs(meetingId);
    },
    [api, openMeetingAs, reportError],
  );

  // Errors here are shown inside the New meeting dialog, which stays open so nothing typed is lost.
  const createMeeting = useCallback(
    async (details: OperationInput<'meetings.create'>) => showMeeting(await api.call('meetings.create', details)),
    [api, showMeeting],
  );

  return (
    <div className="app">
      <header className="app-header">
        <p className="app-header__name">Minute Book</p>
        <nav className="app-header__nav" aria-label="Main">
          <button
            type="button"
            className="app-header__link"
            aria-current={screen.name === 'meetings' ? 'page' : undefined}
            onClick={() => void goTo('meetings')}
          >
            Meetings
          </button>
          <button
            type="button"
            className="app-header__link"
            aria-current={screen.name === 'committees' ? 'page' : undefined}
            onClick={() => void goTo('committees')}
          >
            Committees
          </button>
          <button
            type="button"
            className="app-header__link"
            aria-current={screen.name === 'settings' ? 'page' : undefined}
            onClick={() => void goTo('settings')}
          >
            Settings
          </button>
        </nav>
        <SaveStateIndicator saveState={saveState} sendingChanges={sendingChanges} heldInWindow={heldInWindow} />
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(undefined)} />
      <main className="app-main" ref={main}>
        {screen.name === 'meetings' ? (
          <MeetingsScreen api={api} onOpen={(id, name) => void openMeeting(id, name)} onCreate={createMeeting} onError={reportError} />
        ) : screen.name === 'committees' ? (
          <CommitteesScreen api={api} onError={reportError} />
        ) : screen.name === 'settings' ? (
          <SettingsScreen api={api} onError={reportError} />
        ) : (
          <MeetingScreen
            key={screen.opened.meeting.id}
            api={api}
            opened={screen.opened}
            onSaveState={acceptSaveState}
            onSendingChange={setSendingChanges}
            onHeldInWindow={setHeldInWindow}
            onError={reportError}
            onBack={() => void goTo('meetings')}
            leaveRef={leaveMeeting}
          />
        )}
      </main>
      {choosing ? (
        <OpenMeetingDialog
          meetingName={choosing.name}
          presence={choosing.presence}
          onCancel={() => setChoosing(undefined)}
          onChoose={(mode) => {
            setChoosing(undefined);
            void openMeetingAs(choosing.meetingId, mode);
          }}
        />
      ) : null}
    </div>
  );
}
