/**
 * The meeting screen's dialogs, at most one open at a time: the shortcuts sheet, standard phrases,
 * conflicts, history, export and an arrival or departure. It also fetches the committee's standard
 * phrases, so they are there when the clerk asks for them.
 */
import { useMemo, useState } from 'react';
import type { MeetingVersion, OpenedMeeting } from '../../main/domain/api';
import type { ConflictResolution, MeetingChange } from '../../main/domain/changes';
import type { Snippet } from '../../main/domain/committee';
import type { Meeting, MeetingConflict } from '../../main/domain/meeting';
import { fillSnippet } from '../../main/domain/snippets';
import type { ApiClient } from '../api/client';
import { useCoreAnswer } from '../api/useCoreAnswer';
import { MovementDialog } from '../attendance/AttendancePanel';
import { ConflictsDialog } from '../conflicts/ConflictsDialog';
import { ExportDialog, type ChangesReached } from '../export/ExportDialog';
import { FORMATTING_KEYS, TYPED_TRIGGERS } from '../minutes/MinutesToolbar';
import { SnippetDialog } from '../minutes/SnippetDialog';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { HistoryDialog } from './HistoryDialog';

const EDITOR_KEYS = [...FORMATTING_KEYS, ...TYPED_TRIGGERS];

export type MeetingDialog = 'shortcuts' | 'snippets' | 'movement' | 'export' | 'conflicts' | 'history';

interface MeetingDialogsProps {
  open: MeetingDialog | null;
  onClose: () => void;
  api: ApiClient;
  meeting: Meeting;
  readOnly: boolean;
  previousMeetingDate: OpenedMeeting['previousMeetingDate'];
  currentItemId: string | undefined;
  /** The conflict the conflicts dialog starts at (the first when undefined). */
  conflictToStartAt: string | undefined;
  onResolveConflict: (conflict: MeetingConflict, resolution: ConflictResolution) => void;
  onInsertSnippet: (text: string) => void;
  sendEverythingTyped: () => Promise<ChangesReached>;
  onRestored: (restored: OpenedMeeting, version: MeetingVersion) => void;
  onChanges: (changes: readonly MeetingChange[]) => void;
  onError: (error: unknown) => void;
}

/** The committee's standard phrases, for Ctrl+Shift+S. A meeting without a committee has none. */
function useCommitteeSnippets(api: ApiClient, committeeSlug: string | undefined): readonly Snippet[] {
  const [snippets, setSnippets] = useState<readonly Snippet[]>([]);
  useCoreAnswer(
    () => (committeeSlug ? api.call('committees.list', {}) : undefined),
    (listing) => setSnippets(listing.committees.find((committee) => committee.slug === committeeSlug)?.snippets ?? []),
    () => undefined,
    [api, committeeSlug],
  );
  return snippets;
}

export function MeetingDialogs(props: MeetingDialogsProps) {
  const { open, onClose, api, meeting, readOnly, previousMeetingDate } = props;
  const snippets = useCommitteeSnippets(api, meeting.committeeSlug);
  const filledSnippets = useMemo(
    () =>
      open === 'snippets'
        ? snippets.map((snippet) => ({
            id: snippet.id,
            name: snippet.name,
            text: fillSnippet(snippet.text, { meeting, previousMeetingDate, now: new Date() }),
          }))
        : [],
    [open, snippets, meeting, previousMeetingDate],
  );
  return (
    <>
      {open === 'shortcuts' ? <ShortcutsDialog onClose={onClose} editorKeys={EDITOR_KEYS} /> : null}
      {open === 'snippets' ? (
        <SnippetDialog
          snippets={filledSnippets}
          onCancel={onClose}
          onInsert={(text) => {
            onClose();
            props.onInsertSnippet(text);
          }}
        />
      ) : null}
      {open === 'conflicts' ? (
        <ConflictsDialog meeting={meeting} readOnly={readOnly} startAt={props.conflictToStartAt} onResolve={props.onResolveConflict} onClose={onClose} />
      ) : null}
      {open === 'history' ? (
        <HistoryDialog
          api={api}
          meetingId={meeting.id}
          readOnly={readOnly}
          beforeRestore={props.sendEverythingTyped}
          onRestored={props.onRestored}
          onError={props.onError}
          onClose={onClose}
        />
      ) : null}
      {open === 'export' ? <ExportDialog api={api} meeting={meeting} sendEverythingTyped={props.sendEverythingTyped} onClose={onClose} /> : null}
      <MovementDialog open={open === 'movement'} meeting={meeting} currentItemId={props.currentItemId} onClose={onClose} onChanges={props.onChanges} />
    </>
  );
}
