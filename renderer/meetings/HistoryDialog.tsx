/**
 * Earlier versions of the meeting kept in the library's history, newest first, with who saved
 * each and why; any one can be restored, after the clerk confirms. The restore is itself a new
 * version: the version on screen now is kept in history too.
 */
import { useId, useState } from 'react';
import type { MeetingVersion, OpenedMeeting } from '../../main/domain/api';
import type { ApiClient } from '../api/client';
import { useCoreAnswer } from '../api/useCoreAnswer';
import { Dialog } from '../ui/Dialog';
import { clockTime, formatMeetingDate, localIsoDate, readInstant } from '../../main/domain/calendar';

interface HistoryDialogProps {
  api: ApiClient;
  meetingId: string;
  readOnly: boolean;
  /** Sends everything typed first, so the version replaced by the restore holds the latest words. */
  beforeRestore: () => Promise<unknown>;
  onRestored: (opened: OpenedMeeting, version: MeetingVersion) => void;
  onError: (error: unknown) => void;
  onClose: () => void;
}

/** "Tuesday 8 November 2022 at 10:42", in this computer's time. */
export function describeSavedAt(iso: string): string {
  const time = readInstant(iso);
  if (!time) return iso;
  return `${formatMeetingDate(localIsoDate(time))} at ${clockTime(time)}`;
}

function VersionEntry({ version, readOnly, onRestore }: { version: MeetingVersion; readOnly: boolean; onRestore: () => void }) {
  const describedId = useId();
  return (
    <li className="history__version">
      <div id={describedId} className="history__what">
        <time className="history__time" dateTime={version.savedAt}>
          {describeSavedAt(version.savedAt)}
        </time>
        {version.savedBy ? <span className="history__by">{version.savedBy}</span> : null}
        {version.note ? <span className="history__note">{version.note}</span> : null}
      </div>
      <button type="button" className="button button--small" aria-describedby={describedId} disabled={readOnly} onClick={onRestore}>
        Restore this version
      </button>
    </li>
  );
}

export function HistoryDialog({ api, meetingId, readOnly, beforeRestore, onRestored, onError, onClose }: HistoryDialogProps) {
  const [versions, setVersions] = useState<MeetingVersion[]>();
  const [problem, setProblem] = useState<string>();
  const [confirming, setConfirming] = useState<MeetingVersion>();
  const [restoring, setRestoring] = useState(false);

  useCoreAnswer(
    () => api.call('meetings.history.list', { meetingId }),
    ({ versions: found }) => setVersions([...found].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))),
    (error) => setProblem(error instanceof Error ? error.message : 'The history could not be read.'),
    [api, meetingId],
  );

  async function restore(version: MeetingVersion): Promise<void> {
    setRestoring(true);
    try {
      await beforeRestore();
      const opened = await api.call('meetings.history.restore', { meetingId, versionId: version.versionId });
      setConfirming(undefined);
      onRestored(opened, version);
    } catch (error) {
      setConfirming(undefined);
      onError(error);
    } finally {
      setRestoring(false);
    }
  }

  return (
    <>
      <Dialog
        title="History"
        description={<p>Earlier versions of this meeting, newest first. Restoring one keeps the current version in history too.</p>}
        onCancel={onClose}
      >
        {problem ? (
          <p className="notice notice--warning">{problem}</p>
        ) : !versions ? (
          <p role="status">Reading the history…</p>
        ) : versions.length === 0 ? (
          <p>No earlier versions yet: a version is kept each time the meeting file is replaced.</p>
        ) : (
          <ol className="history" aria-label="Earlier versions, newest first">
            {versions.map((version) => (
              <VersionEntry key={version.versionId} version={version} readOnly={readOnly} onRestore={() => setConfirming(version)} />
            ))}
          </ol>
        )}
        <div className="dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
      {confirming ? (
        <Dialog
          title="Restore this version?"
          role="alertdialog"
          description={
            <>
              <p className="dialog__subject">
                {describeSavedAt(confirming.savedAt)}
                {confirming.savedBy ? `, ${confirming.savedBy}` : ''}
              </p>
              <p>The meeting goes back to this version. The current version will be kept in history.</p>
            </>
          }
          onCancel={() => setConfirming(undefined)}
        >
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={restoring} onClick={() => void restore(confirming)}>
              Restore
            </button>
            <button type="button" className="button" data-autofocus onClick={() => setConfirming(undefined)}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
