/**
 * What the core gives each open meeting's session: where the library and the journal are, the
 * timings (autosave, polling, presence, conflict-copy scans), who this clerk is, and the callbacks
 * that tell the window of save state, merged meetings and presence.
 */
import type { Presence as ApiPresence, SaveState } from '../../domain/api';
import type { Meeting } from '../../domain/meeting';
import type { HistoryPolicy } from '../history/history';

export interface MeetingUpdate {
  meeting: Meeting;
  /** The number of this view of the meeting; the window sends it back with changes made on it. */
  view: number;
  automatic: number;
  newConflicts: number;
  from?: string;
}

export interface SessionContext {
  libraryRoot: string;
  journalDir: string;
  saveDelayMs: number;
  maxSaveWaitMs: number;
  retryDelayMs: number;
  history: HistoryPolicy;
  now: () => Date;
  /** The clerk's name from Settings ("Jane Smith"). */
  displayName: string;
  /** This computer's name ("LAPTOP-12"). */
  computerName: string;
  /** How often the meeting file is checked for others' changes (1 s, so a change is seen within 3 s). */
  pollMs: number;
  /** How often others' leases are read. */
  presencePollMs: number;
  /** How often conflict copies beside the file are looked for. */
  copyScanMs: number;
  heartbeatMs: number;
  staleAfterMs: number;
  /** A fully flushed journal larger than this (or than eight times the meeting file) shrinks to nothing pending. */
  journalShrinkBytes: number;
  onSaveState: (state: SaveState) => void;
  onMeetingUpdated: (update: MeetingUpdate) => void;
  onPresence: (presence: ApiPresence[]) => void;
}

/** "Jane Smith on LAPTOP-12": who saves, as the file's stamp and the history name them. */
export function savedByOf(context: SessionContext): string {
  return `${context.displayName.trim() || 'someone'} on ${context.computerName.trim() || 'another computer'}`;
}
