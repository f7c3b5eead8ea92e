/**
 * Presence for one open meeting (docs/sync.md, "Presence"): this session's lease beside the
 * meeting file, announced on opening after taking over others' stale sessions (each noted in the
 * history) and clearing what a crash of this computer left; others' leases read every few seconds
 * and pushed to the window when who is there changes.
 */
import { dirname } from 'node:path';
import type { EditingMode, Presence as ApiPresence } from '../../domain/api';
import { ClerkFacingError } from '../clerkFacingError';
import { keepVersionBytes, type HistoryPolicy } from '../history/history';
import { describeIoError } from '../meetingFile';
import { clearMeetingCrashLeftovers } from './crashLeftovers';
import { acquireLease, describePresence, readLeases, takeOverStaleLeases, type Lease, type Presence as LeasePresence, type ThisClerkHere } from './lease';

export interface PresenceContext {
  libraryRoot: string;
  meetingId: string;
  here: ThisClerkHere;
  heartbeatMs: number;
  staleAfterMs: number;
  presencePollMs: number;
  history: HistoryPolicy;
  now: () => Date;
  onPresence: (presence: ApiPresence[]) => void;
}

export function toApiPresence(presence: LeasePresence): ApiPresence {
  return {
    sessionId: presence.sessionId,
    displayName: presence.displayName,
    computerName: presence.computerName,
    mode: presence.mode,
    since: presence.since,
    heartbeat: presence.heartbeat,
    stale: presence.stale,
    description: describePresence(presence),
  };
}

export class MeetingPresence {
  private lease?: Lease;
  private timer?: ReturnType<typeof setInterval>;
  private key = '';
  private others: ApiPresence[] = [];
  private stopped = false;

  constructor(
    private readonly path: string,
    private readonly context: PresenceContext,
  ) {}

  /** Others who have the meeting open, as last read. */
  get now(): ApiPresence[] {
    return this.others;
  }

  /** Takes over others' stale sessions (noting each in the history, and in `notices`), then announces this one. */
  async announce(notices: string[], fileBytes: Buffer | undefined, mode: EditingMode): Promise<void> {
    const { libraryRoot, meetingId, here } = this.context;
    const now = this.context.now();
    // What a crash of this computer left here (its own dead sessions' leases and locks, old temporary files) goes first, silently.
    await clearMeetingCrashLeftovers(libraryRoot, dirname(this.path), meetingId, here).catch(() => 0);
    try {
      const taken = await takeOverStaleLeases(this.path, { now, meetingId, staleAfterMs: this.context.staleAfterMs });
      for (const session of taken) {
        notices.push(`${session.note}.`);
        if (fileBytes) {
          await keepVersionBytes(libraryRoot, meetingId, fileBytes, { now, note: session.note }, this.context.history).catch(() => undefined);
        }
      }
    } catch {
      // The folder cannot be read just now; stale sessions are taken over at the next opening.
    }
    try {
      this.lease = await acquireLease(this.path, {
        meetingId,
        displayName: here.displayName,
        computerName: here.computerName,
        mode,
        heartbeatMs: this.context.heartbeatMs,
      });
    } catch (error) {
      notices.push(
        `Others cannot see that you have this meeting open: ${error instanceof ClerkFacingError ? error.message : describeIoError(error, 'write')}.`,
      );
    }
    await this.poll().catch(() => undefined);
  }

  /** Reads others' leases every few seconds. */
  startPolling(): void {
    this.timer = setInterval(() => void this.poll().catch(() => undefined), this.context.presencePollMs);
  }

  /** Others' sessions, read now; the window is told when who is there changed. */
  async poll(): Promise<ApiPresence[]> {
    const options: { meetingId: string; staleAfterMs: number; ownSessionId?: string; here: ThisClerkHere } = {
      meetingId: this.context.meetingId,
      staleAfterMs: this.context.staleAfterMs,
      here: this.context.here,
    };
    if (this.lease) options.ownSessionId = this.lease.sessionId;
    const reading = await readLeases(this.path, this.context.now(), options);
    const presence = reading.others.map(toApiPresence);
    const key = JSON.stringify(presence.map((each) => [each.sessionId, each.mode, each.stale, each.displayName, each.computerName]));
    this.others = presence;
    if (key !== this.key) {
      this.key = key;
      if (!this.stopped) this.context.onPresence(presence);
    }
    return presence;
  }

  /** The lease says at once whether this session edits or reads. */
  async setMode(mode: EditingMode): Promise<void> {
    await this.lease?.setMode(mode);
  }

  /** Stops reading others' leases and telling the window (the session is closing). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async release(): Promise<void> {
    await this.lease?.release().catch(() => undefined);
  }
}
