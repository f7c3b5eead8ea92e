/** What the test and a clerk process (clerkProcess.ts) say to each other over IPC. */
import type { ApiEvent, EditingMode, LibraryListing, Presence, SaveState } from '../../../main/domain/api';
import type { Meeting } from '../../../main/domain/meeting';
import type { CoreOptions } from '../../../main/core/minuteBookCore';

/** The core's timings a clerk process may be started with (CoreOptions says what each means). */
export type ClerkTimings = Pick<CoreOptions, 'saveDelayMs' | 'pollMs' | 'presencePollMs' | 'copyScanMs' | 'heartbeatMs' | 'staleAfterMs' | 'retryDelayMs'>;

export interface ClerkConfig extends ClerkTimings {
  /** The library folder this computer sees (shared, or its side of a synced pair). */
  library: string;
  /** This computer's own folder: settings and journal. */
  data: string;
  displayName: string;
  computerName: string;
  meetingId: string;
  /** Every marker typed starts with this ("A" → "A-17-3f9a1c"). */
  markerPrefix: string;
  seed: number;
  /** A paragraph both clerks append to now and then (same-paragraph edits). */
  sharedBlockId?: string;
  mode?: EditingMode;
  /** false: start the core without opening the meeting (e.g. while the library is away). */
  openOnStart?: boolean;
  /** Pause between edits, chosen at random in [min, max] ms. */
  editIntervalMs?: [number, number];
}

export interface ClerkReport {
  /** The meeting as the clerk's core holds it now (every change applied, saved or not). */
  meeting: Meeting;
  saveState: SaveState;
  presence: Presence[];
  /** Set on the report that opened the meeting when changes kept on this computer were replayed. */
  replayedChanges?: number;
  /** Markers typed and journaled, in order. */
  typed: string[];
  stats: {
    edits: number;
    refused: number;
    /** meetingUpdated events: others' changes merged into the open meeting. */
    updates: number;
    automatic: number;
    newConflicts: number;
    failures: string[];
  };
}

export type ToClerk =
  | { type: 'resume'; id: number }
  | { type: 'pause'; id: number }
  /** Stop editing and write everything to the library. */
  | { type: 'stop'; id: number }
  | { type: 'report'; id: number }
  | { type: 'presence'; id: number }
  | { type: 'list'; id: number }
  | { type: 'close'; id: number };

export type FromClerk =
  | { type: 'ready'; opened?: { notices: string[]; presence: Presence[]; mode: EditingMode; saveState: SaveState }; problem?: string }
  | { type: 'typed'; marker: string }
  | { type: 'event'; event: ApiEvent }
  | { type: 'ok'; id: number }
  | { type: 'report'; id: number; report: ClerkReport }
  | { type: 'presence'; id: number; presence: Presence[] }
  | { type: 'list'; id: number; listing: LibraryListing }
  | { type: 'error'; id: number; message: string };
