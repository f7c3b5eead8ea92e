/**
 * What this computer knows of the library's meetings between listings: which file each meeting is
 * in, and their summaries. Refreshed by every listing and rebuilt from the library whenever it is
 * missing something; the files stay the truth.
 */
import type { Meeting, MeetingSummary } from '../domain/meeting';
import { ClerkFacingError } from './clerkFacingError';
import { scanLibrary, type LibraryScan } from './library';

export class LibraryIndex {
  /** meeting id → library-relative file */
  private files = new Map<string, string>();
  private meetings: MeetingSummary[] = [];

  constructor(private readonly libraryRoot: () => string) {}

  /** Reads the library again; the listing is what the clerk's meetings list shows. */
  async rescan(root = this.libraryRoot()): Promise<LibraryScan> {
    const scan = await scanLibrary(root);
    this.files = scan.files;
    this.meetings = scan.meetings;
    return scan;
  }

  /** The meeting's library-relative file, looked for again in the library when it is not known. */
  async fileOf(meetingId: string): Promise<string> {
    let file = this.files.get(meetingId);
    if (!file) {
      await this.rescan();
      file = this.files.get(meetingId);
    }
    if (!file) throw new ClerkFacingError('That meeting is no longer in the library (it may have been deleted or moved).', 'not-found');
    return file;
  }

  /** A meeting written where the index has not looked yet (created, put back). */
  remember(meetingId: string, file: string): void {
    this.files.set(meetingId, file);
  }

  forget(meetingId: string): void {
    this.files.delete(meetingId);
  }

  /** Another library was chosen: nothing known of this one applies. */
  clear(): void {
    this.files = new Map();
  }

  /** The same committee's latest meeting before this one, for "{previous meeting date}" in snippets. */
  previousMeetingDate(meeting: Meeting): string | undefined {
    const { id, committee, date } = meeting;
    return this.meetings
      .filter((each) => each.id !== id && each.committee === committee && each.date < date)
      .map((each) => each.date)
      .sort()
      .at(-1);
  }
}
