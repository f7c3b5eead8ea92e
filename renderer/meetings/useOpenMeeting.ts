/**
 * The meeting screen's hold on its OpenMeeting: one for the life of the screen, fed by the core's
 * pushed events, with the meeting, mode and presence as React state, and the life cycle around it:
 * what leaving does, and sending what is typed when the window is closed or hidden.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EditingMode, OpenedMeeting, Presence, SaveState } from '../../main/domain/api';
import type { Meeting } from '../../main/domain/meeting';
import type { ApiClient } from '../api/client';
import type { HeldBack } from './meetingChangeQueue';
import { OpenMeeting, type CoreMeeting, type ShownBecause, type TypedMinutes } from './openMeeting';
import { updatedAnnouncement } from './presenceText';

/** How long leaving a meeting waits for unsent changes; the queue keeps trying after that. */
const LEAVE_WAIT_MS = 3000;

/** What the app gives the window of an open meeting (MeetingScreen's props, but for the way back). */
export interface OpenMeetingWindow {
  api: ApiClient;
  opened: OpenedMeeting;
  onSaveState: (saveState: SaveState) => void;
  onSendingChange: (sending: boolean) => void;
  /** Changes held in this window because the core is not answering, and when the next try is (undefined once it has them). */
  onHeldInWindow?: (held: HeldBack | undefined) => void;
  onError: (error: unknown) => void;
  /** Filled in with what must happen before the meeting is left: send what is typed, then close it. */
  leaveRef: RefObject<(() => Promise<void>) | null>;
}

export interface UseOpenMeetingOptions extends OpenMeetingWindow {
  selectedItemId: () => string | undefined;
  typedMinutes: RefObject<TypedMinutes | null>;
  /** The meeting shown changed for `because`: the screen keeps its selection on an item still there. */
  onShown: (meeting: Meeting, because: ShownBecause) => void;
  onAnnounce: (announcement: string) => void;
}

export interface UsedOpenMeeting {
  session: OpenMeeting;
  meeting: Meeting;
  readOnly: boolean;
  presence: Presence[];
  /** Bumped each time the meeting is replaced from the core, so the item pane (and its editor) start afresh. */
  reloads: number;
  /** "Edit as well" from read only: the core records the new mode; the window starts sending. */
  editAsWell: () => Promise<void>;
  /** A meeting from the core (a restored version) replaces the one shown. */
  replace: (replacement: CoreMeeting) => void;
}

export function useOpenMeeting(options: UseOpenMeetingOptions): UsedOpenMeeting {
  const { api, opened, leaveRef } = options;
  const meetingId = opened.meeting.id;
  // The latest callbacks, read when the session calls back (it is made once).
  const latest = useRef(options);
  latest.current = options;
  const [meeting, setMeeting] = useState(opened.meeting);
  const [mode, setMode] = useState<EditingMode>(opened.mode);
  const [presence, setPresence] = useState<Presence[]>(opened.presence);
  const [reloads, setReloads] = useState(0);

  const [session] = useState(
    () =>
      new OpenMeeting({
        opened,
        send: (changes, seenView) => api.call('meetings.applyChanges', { meetingId, changes, seenView }),
        reopen: () => api.call('meetings.open', { meetingId }),
        selectedItemId: () => latest.current.selectedItemId(),
        typedMinutes: () => latest.current.typedMinutes.current,
        onShown: (shown, because) => {
          setMeeting(shown);
          if (because === 'replaced') setReloads((count) => count + 1);
          latest.current.onShown(shown, because);
        },
        onSaveState: (saveState) => latest.current.onSaveState(saveState),
        onError: (error) => latest.current.onError(error),
        onBusyChange: (busy) => latest.current.onSendingChange(busy),
        onHeldBack: (held) => latest.current.onHeldInWindow?.(held),
      }),
  );

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'presence' && event.meetingId === meetingId) setPresence(event.presence);
        if (event.type === 'meetingUpdated' && event.meetingId === meetingId) {
          session.takeUpdate(event);
          latest.current.onAnnounce(updatedAnnouncement(event.from, event.newConflicts));
        }
      }),
    [api, meetingId, session],
  );

  async function editAsWell(): Promise<void> {
    try {
      const reopened = await api.call('meetings.setMode', { meetingId, mode: 'edit' });
      setPresence(reopened.presence);
      session.changeMode(reopened);
      setMode(reopened.mode);
      latest.current.onAnnounce(reopened.mode === 'edit' ? 'You can edit this meeting now; your changes merge with theirs.' : '');
    } catch (error) {
      latest.current.onError(error);
    }
  }

  useEffect(() => {
    leaveRef.current = async () => {
      await session.sendEverything(LEAVE_WAIT_MS);
      await api.call('meetings.close', { meetingId });
    };
    return () => {
      leaveRef.current = null;
    };
  }, [api, leaveRef, meetingId, session]);

  // Closing the window while the last changes are on their way: hold it open until they arrive.
  // (The Electron shell tries the close again a moment later; a browser asks the clerk.)
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      session.sendTypedMinutes();
      if (session.hasUnsent()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [session]);

  // If the window is being closed or hidden, send what has been typed rather than wait for the pause.
  useEffect(() => {
    const onHide = () => session.sendTypedMinutes();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [session]);

  return { session, meeting, readOnly: mode === 'read-only', presence, reloads, editAsWell, replace: (replacement) => session.replace(replacement) };
}
