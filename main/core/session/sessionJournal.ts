/**
 * The open meeting's journal as its session keeps it (docs/sync.md, "The local journal"): which
 * entries the meeting in memory includes (`appliedSeq`) and which the library file holds
 * (`flushedSeq`); what a merge, a restore or a replay on opening makes of the meeting, journaled
 * before it is used; the flush marker after a write. A read-only session has no journal.
 */
import type { Meeting } from '../../domain/meeting';
import { contentKey } from '../../domain/merge';
import { crashPoint } from '../crashPoints';
import type { JournalItem, MeetingJournal } from '../journal/journal';

export class SessionJournal {
  /**
   * The last journal entry that the session's meeting includes. Set together with the meeting, so
   * a write to the library never marks as flushed an entry that is journaled but not yet in it.
   */
  appliedSeq: number;
  /** The last entry the library file holds. */
  flushedSeq: number;

  constructor(
    private readonly journal: MeetingJournal,
    private readonly where: { library: string; file: string },
    /** A fully flushed journal larger than this (or than eight times the meeting file) shrinks to nothing pending. */
    private readonly shrinkFloorBytes: number,
  ) {
    this.appliedSeq = journal.latestSeq;
    this.flushedSeq = journal.flushedSeq;
  }

  get path(): string {
    return this.journal.path;
  }

  get pendingCount(): number {
    return this.journal.pendingCount;
  }

  get hasUnwrittenChanges(): boolean {
    return this.appliedSeq > this.flushedSeq;
  }

  /**
   * Appends whole and on the disk, resolving to the last entry's number (not yet `appliedSeq`: the
   * caller sets that with the meeting). The first entry of an epoch carries `meetingNow()`, the
   * meeting it is made on (the replay base), in the same durable append.
   */
  append(items: JournalItem[], now: Date, meetingNow: () => Meeting): Promise<number> {
    return this.journal.append(this.where, items, now, meetingNow);
  }

  /**
   * Journals what a merge (or a restore) makes of the open meeting, before it is used: as a new
   * epoch on the library file's version when the file was merged (`fileVersion`), else as the
   * meeting now ("mine is now this") in the current epoch.
   */
  async journalMerge(meeting: Meeting, fileVersion: Meeting | undefined, now: Date, meetingNow: () => Meeting): Promise<void> {
    const items: JournalItem[] = fileVersion ? [{ base: fileVersion }, { merged: meeting }] : [{ merged: meeting }];
    this.appliedSeq = await this.journal.append(this.where, items, now, meetingNow);
    crashPoint('merge.journaled');
  }

  /**
   * After replaying kept changes on opening (`meeting`, replayed on `file`): the result is journaled
   * as a new epoch on the file as read (so what replay merged is as durable as a typed change, and
   * a journal from before epochs is carried forward); if the file already holds it all, the journal
   * is marked flushed. With nothing pending, the next change starts a new epoch on the file as read.
   */
  async keepReplayed(file: Meeting, meeting: Meeting, replayed: boolean, now: Date): Promise<void> {
    if (!replayed) {
      this.journal.endEpoch();
      return;
    }
    if (contentKey(meeting) === contentKey(file)) {
      await this.markFlushed(this.journal.latestSeq, 0);
      this.journal.endEpoch();
      return;
    }
    try {
      this.appliedSeq = await this.journal.append(this.where, [{ base: file }, { merged: meeting }], now);
    } catch {
      // The journal's own entries still replay to this meeting; the next change tries again.
    }
  }

  /** The library file holds every entry up to `seq` (`fileBytes`: the size of the file written). */
  async markFlushed(seq: number, fileBytes: number): Promise<void> {
    if (seq <= this.flushedSeq) return;
    // Shrinks once fully flushed and past max(the floor, eight meeting files): the next epoch's base then costs at most a seventh of what came before it.
    const shrinkAbove = Math.max(this.shrinkFloorBytes, 8 * fileBytes);
    try {
      await this.journal.markFlushed(seq, shrinkAbove);
    } catch {
      // A marker that cannot be written is harmless: replay merges entries the file already holds, which changes nothing.
    }
    this.flushedSeq = Math.max(this.flushedSeq, seq);
  }

  /** Everything is in the library: the journal goes, so the next start and the next opening read nothing for this meeting. */
  removeIfFlushed(): Promise<boolean> {
    return this.journal.removeIfFlushed();
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
