/**
 * Meetings kept only on this computer: the library does not have them, but the journal does (the
 * folder came back empty after the drive was away and Minute Book stopped, or the file was
 * removed). Says which, with how many changes never reached the library, and offers to put each
 * back into the library or to save a copy. A meeting of which only changes are kept is said to be so.
 */
import { useId, useState } from 'react';
import type { StrandedMeeting } from '../../main/domain/api';
import { ApiError, type ApiClient } from '../api/client';
import { messageForClerk } from '../ui/errorMessage';
import { FormSubmitRow } from '../ui/FormSubmitRow';
import { formatMeetingDate } from '../../main/domain/calendar';

interface StrandedMeetingsProps {
  api: ApiClient;
  stranded: readonly StrandedMeeting[];
  /** After a meeting was put back: read the library (and this list) again. */
  onPutBack: () => Promise<void>;
}

const changes = (count: number): string => `${count} ${count === 1 ? 'change' : 'changes'}`;

/** "Children’s Services Scrutiny Panel, 10 November 2026", or the file's name when only changes are kept. */
export function strandedName(meeting: StrandedMeeting): string {
  const when = meeting.date ? formatMeetingDate(meeting.date) : undefined;
  if (meeting.committee) return when ? `${meeting.committee}, ${when}` : meeting.committee;
  const file = meeting.file.slice(meeting.file.lastIndexOf('/') + 1);
  return when ? `${file} (${when})` : file;
}

export function StrandedMeetings({ api, stranded, onPutBack }: StrandedMeetingsProps) {
  const [outcome, setOutcome] = useState('');
  const count = stranded.length;
  return (
    <>
      {count === 0 ? null : (
        <section className="stranded" aria-labelledby="stranded-heading">
          <h2 id="stranded-heading">{count === 1 ? '1 meeting is kept only on this computer' : `${count} meetings are kept only on this computer`}</h2>
          <p>
            The library folder does not have {count === 1 ? 'this meeting' : 'these meetings'}, but this computer kept {count === 1 ? 'it' : 'them'}, with the
            changes that never reached the library. Put {count === 1 ? 'it' : 'each one'} back into the library, or save a copy somewhere safe.
          </p>
          <ul className="stranded__list">
            {stranded.map((meeting) => (
              <StrandedEntry key={meeting.meetingId} api={api} meeting={meeting} onPutBack={onPutBack} onOutcome={setOutcome} />
            ))}
          </ul>
        </section>
      )}
      {/* Always there, so the outcome is announced even when the last meeting has just left the list. */}
      <p role="status" className="stranded__outcome">
        {outcome}
      </p>
    </>
  );
}

interface StrandedEntryProps {
  api: ApiClient;
  meeting: StrandedMeeting;
  onPutBack: () => Promise<void>;
  onOutcome: (sentence: string) => void;
}

function StrandedEntry({ api, meeting, onPutBack, onOutcome }: StrandedEntryProps) {
  const name = strandedName(meeting);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [copyProblem, setCopyProblem] = useState<string>();
  const [copying, setCopying] = useState(false);
  const [copyPath, setCopyPath] = useState(meeting.copyPath);
  const pathId = useId();

  async function putBack(): Promise<void> {
    setBusy(true);
    setProblem(undefined);
    try {
      const put = await api.call('meetings.stranded.putBack', { meetingId: meeting.meetingId });
      onOutcome(
        put.renamed
          ? `Put ${name} back into the library as “${put.file}”: another file stands at “${meeting.file}”, and it has not been changed.`
          : `Put ${name} back into the library as “${put.file}”, with every change.`,
      );
      await onPutBack();
    } catch (error) {
      setProblem(messageForClerk(error));
    } finally {
      setBusy(false);
    }
  }

  async function saveCopy(): Promise<void> {
    setBusy(true);
    setCopyProblem(undefined);
    try {
      const saved = await api.call('meetings.stranded.saveCopy', { meetingId: meeting.meetingId, target: copyPath });
      setCopying(false);
      onOutcome(`Saved a copy of ${name} as “${saved.path}”. It is still kept on this computer until it is put back into the library.`);
    } catch (error) {
      setCopyProblem(messageForClerk(error));
      if (error instanceof ApiError && error.suggestedPath) setCopyPath(error.suggestedPath);
    } finally {
      setBusy(false);
    }
  }

  if (!meeting.whole) {
    return (
      <li className="stranded__meeting">
        <p className="stranded__name">{name}</p>
        <p>
          This computer keeps {changes(meeting.pendingChanges)} to this meeting, but not the meeting itself, so it cannot be put back from here. The changes
          stay on this computer and are added to the meeting when its file (“{meeting.file}”) is back in the library.
        </p>
      </li>
    );
  }
  return (
    <li className="stranded__meeting">
      <p className="stranded__name">{name}</p>
      <p>
        {meeting.pendingChanges === 0
          ? 'Every change reached the library before it lost the meeting.'
          : `${changes(meeting.pendingChanges)} never reached the library.`}{' '}
        Its file was “{meeting.file}”.
      </p>
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          aria-label={`Put back into the library: ${name}`}
          disabled={busy}
          onClick={() => void putBack()}
        >
          Put back into the library
        </button>
        {copying ? null : (
          <button type="button" className="button" aria-label={`Save a copy of ${name}…`} disabled={busy} onClick={() => setCopying(true)}>
            Save a copy…
          </button>
        )}
      </div>
      {copying ? (
        <form
          className="form stranded__copy"
          onSubmit={(event) => {
            event.preventDefault();
            void saveCopy();
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={pathId}>
              Save the copy of {name} as
            </label>
            <input id={pathId} className="field__input field__input--path" type="text" value={copyPath} onChange={(event) => setCopyPath(event.target.value)} />
          </div>
          <FormSubmitRow
            problem={copyProblem}
            submitLabel="Save copy"
            busy={busy}
            onCancel={() => {
              setCopying(false);
              setCopyProblem(undefined);
            }}
          />
        </form>
      ) : null}
      {problem === undefined ? null : (
        <p role="alert" className="form__problem">
          {problem}
        </p>
      )}
    </li>
  );
}
