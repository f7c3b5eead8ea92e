/**
 * The library's meetings, newest first, with the ways to set up, open and delete one. Meetings
 * kept only on this computer (the library lost them) are listed first, to put back. Files in the
 * library that could not be read are listed with their problem, so the clerk knows they exist and
 * can ask for help; they are never touched.
 */
import { useState } from 'react';
import type { OperationInput } from '../../main/domain/api';
import { byCommitteeName } from '../../main/domain/committee';
import type { MeetingSummary } from '../../main/domain/meeting';
import type { ApiClient } from '../api/client';
import { useListing } from '../api/useListing';
import { Dialog } from '../ui/Dialog';
import { UnreadableFiles } from '../ui/UnreadableFiles';
import { formatMeetingDate } from '../../main/domain/calendar';
import { newestMeetingsFirst } from './meetingDates';
import { NewMeetingDialog } from './NewMeetingDialog';
import { StrandedMeetings } from './StrandedMeetings';

interface MeetingsScreenProps {
  api: ApiClient;
  /** The name is how the list shows the meeting, for the question asked when someone else has it open. */
  onOpen: (meetingId: string, name: string) => void;
  onCreate: (details: OperationInput<'meetings.create'>) => Promise<void>;
  onError: (error: unknown) => void;
}

export function MeetingsScreen({ api, onOpen, onCreate, onError }: MeetingsScreenProps) {
  const [listing, load] = useListing(api, 'meetings.list', onError);
  // Meetings the library lost that this computer still holds (journal), to put back or save.
  const [strandedListing, loadStranded] = useListing(api, 'meetings.stranded.list', onError);
  // The committees the New meeting dialog offers; without them the clerk can still type a name.
  const [committeeListing] = useListing(api, 'committees.list', onError);
  const committees = committeeListing ? [...committeeListing.committees].sort(byCommitteeName) : undefined;
  const [creating, setCreating] = useState(false);
  const [toDelete, setToDelete] = useState<MeetingSummary>();
  const [deletedNote, setDeletedNote] = useState('');

  async function confirmDelete(meeting: MeetingSummary): Promise<void> {
    setToDelete(undefined);
    try {
      const { movedTo } = await api.call('meetings.delete', { meetingId: meeting.id });
      setDeletedNote(`Deleted ${meeting.committee}, ${formatMeetingDate(meeting.date)}. The file was moved to ${movedTo}.`);
    } catch (error) {
      onError(error);
    }
    await load();
  }

  const meetings = listing ? newestMeetingsFirst(listing.meetings) : [];

  return (
    <div className="meetings-screen">
      <div className="screen-heading">
        <h1 tabIndex={-1}>Meetings</h1>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New meeting
        </button>
      </div>
      {listing ? <p className="screen-heading__context">Library folder: {listing.libraryPath}</p> : null}
      <p className="meetings-screen__note" aria-live="polite">
        {deletedNote}
      </p>
      <StrandedMeetings
        api={api}
        stranded={strandedListing?.stranded ?? []}
        onPutBack={async () => {
          await Promise.all([load(), loadStranded()]);
        }}
      />
      {!listing ? (
        <p>Reading the library…</p>
      ) : meetings.length === 0 ? (
        <p className="meetings-screen__empty">No meetings yet. Choose “New meeting” to set one up.</p>
      ) : (
        <div className="table-frame">
          <table className="meetings-table">
            <caption className="visually-hidden">Meetings in the library, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Committee</th>
                <th scope="col">Date</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td>{meeting.committee}</td>
                  <td>
                    <time dateTime={meeting.date}>{formatMeetingDate(meeting.date)}</time>, {meeting.startTime}
                  </td>
                  <td>{meeting.title}</td>
                  <td>{meeting.status === 'approved' ? 'Approved' : 'Draft'}</td>
                  <td className="meetings-table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Open ${meeting.committee} ${meeting.date}`}
                      onClick={() => onOpen(meeting.id, `${meeting.committee}, ${formatMeetingDate(meeting.date)}`)}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      aria-label={`Delete ${meeting.committee} ${meeting.date}`}
                      onClick={() => setToDelete(meeting)}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listing ? (
        <UnreadableFiles
          headingId="unreadable-heading"
          heading="Files that could not be read"
          explanation="These files are in the library folder but are not meetings Minute Book can open. They have not been changed."
          files={listing.unreadable}
        />
      ) : null}
      {creating ? <NewMeetingDialog committees={committees} onCreate={onCreate} onCancel={() => setCreating(false)} /> : null}
      {toDelete ? (
        <Dialog
          title="Delete meeting"
          role="alertdialog"
          description={
            <>
              <p className="dialog__subject">
                {toDelete.committee}, {formatMeetingDate(toDelete.date)}
              </p>
              <p>Delete this meeting? The file is moved to the library's history folder and can be recovered.</p>
            </>
          }
          onCancel={() => setToDelete(undefined)}
        >
          <div className="form__actions">
            <button type="button" className="button button--danger" onClick={() => void confirmDelete(toDelete)}>
              Delete meeting
            </button>
            <button type="button" className="button" data-autofocus onClick={() => setToDelete(undefined)}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
