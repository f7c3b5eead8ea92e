/**
 * The window's half of sharing a meeting: its own copy of the meeting, changed at once by the same
 * pure rule (applyMeetingChange) the core uses, every change sent behind the clerk's back through
 * the change queue with the view it was made on, and the core's pushed meetings taken in without
 * losing anything of the clerk's. A plain class, so the protocol is tested without a window; the
 * meeting screen holds one through `useOpenMeeting`.
 */
import type { EditingMode, SaveState } from '../../main/domain/api';
import { applyChangesThatApply, applyWhatApplies, type MeetingChange } from '../../main/domain/changes';
import type { Meeting, MinuteBlock, ParagraphConflict } from '../../main/domain/meeting';
import { minutesChanges } from '../minutes/minutesChanges';
import { reconcileMinutes } from '../minutes/minutesReconcile';
import { MeetingChangeQueue, type HeldBack } from './meetingChangeQueue';

/** The minutes editor as the open meeting needs it (MinutesEditorHandle). */
export interface TypedMinutes {
  /** Sends what is typed but not yet sent. */
  flush(): void;
  blocks(): MinuteBlock[];
  showMinutes(minutes: readonly MinuteBlock[]): void;
}

/** The meeting as the core gave it: on opening, after a reload, a restore or a change of mode. */
export interface CoreMeeting {
  meeting: Meeting;
  view: number;
}

/**
 * Why the meeting to show changed: the clerk's own change (`local`), the core's meeting merged
 * with what the clerk has not yet sent (`merged`), or the core's meeting put in its place, so the
 * item pane and its editor start afresh (`replaced`).
 */
export type ShownBecause = 'local' | 'merged' | 'replaced';

export interface OpenMeetingOptions {
  opened: CoreMeeting & { mode: EditingMode };
  /** Sends changes made on `seenView` to the core (meetings.applyChanges); the core requires the view. */
  send: (changes: MeetingChange[], seenView: number) => Promise<SaveState>;
  /** The meeting as the core has it now (meetings.open), for a reload after a refused change. */
  reopen: () => Promise<CoreMeeting>;
  /** The agenda item open on screen. */
  selectedItemId: () => string | undefined;
  /** The open item's minutes editor, when one is showing. */
  typedMinutes: () => TypedMinutes | null | undefined;
  /** The meeting to show is now `meeting`. */
  onShown: (meeting: Meeting, because: ShownBecause) => void;
  onSaveState: (saveState: SaveState) => void;
  onError: (error: unknown) => void;
  onBusyChange?: (busy: boolean) => void;
  onHeldBack?: (held: HeldBack | undefined) => void;
  /** For tests: the change queue's first wait before trying an unreachable core again. */
  retryDelayMs?: number;
}

function applyQuietly(meeting: Meeting, changes: readonly MeetingChange[]): Meeting {
  return applyChangesThatApply(meeting, changes, new Date());
}

function minutesOf(meeting: Meeting, itemId: string): MinuteBlock[] | undefined {
  return meeting.agenda.find((item) => item.id === itemId)?.minutes;
}

function paragraphConflictsOf(meeting: Meeting, itemId: string): ParagraphConflict[] {
  return meeting.conflicts.filter((conflict): conflict is ParagraphConflict => conflict.kind === 'paragraph' && conflict.itemId === itemId);
}

function waitAtMost(promise: Promise<void>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

export class OpenMeeting {
  // The latest meeting to show, readable synchronously between a change and the next render.
  private shown: Meeting;
  // The meeting as the core has it, as far as this window knows: what it last sent (on opening,
  // with others' changes) plus every change of ours it has acknowledged since. Others' changes are
  // told apart from ours against it.
  private acknowledged: Meeting;
  // The core's number for the meeting the window last took from it: each change is sent with the
  // view it was made on, so the core merges one made before a colleague's update instead of undoing it.
  private view: number;
  private readOnly: boolean;
  private reloading = false;
  private readonly queue: MeetingChangeQueue;

  constructor(private readonly options: OpenMeetingOptions) {
    this.shown = options.opened.meeting;
    this.acknowledged = options.opened.meeting;
    this.view = options.opened.view;
    this.readOnly = options.opened.mode === 'read-only';
    this.queue = new MeetingChangeQueue({
      // The queue stamps each change with the view it was made on; it always has one here.
      send: (changes, seenView) => options.send(changes, seenView ?? this.view),
      currentView: () => this.view,
      onSaveState: options.onSaveState,
      onError: options.onError,
      ...(options.onBusyChange ? { onBusyChange: options.onBusyChange } : {}),
      ...(options.onHeldBack ? { onHeldBack: options.onHeldBack } : {}),
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
      onAcknowledged: (changes) => {
        this.acknowledged = applyQuietly(this.acknowledged, changes);
      },
      onRefused: (error) => {
        options.onError(error);
        this.reloadFromCore();
      },
    });
  }

  /** The meeting as the window shows it: the core's, with every change of the clerk's on top. */
  get meeting(): Meeting {
    return this.shown;
  }

  get isReadOnly(): boolean {
    return this.readOnly;
  }

  /** The view of the meeting the window last took from the core. */
  get currentView(): number {
    return this.view;
  }

  /** Whether changes are waiting or on their way to the core. */
  hasUnsent(): boolean {
    return this.queue.isBusy();
  }

  /** Changes the core has not acknowledged yet, oldest first. */
  unacknowledged(): MeetingChange[] {
    return this.queue.unacknowledged();
  }

  /**
   * The clerk's changes: shown at once and queued for the core. Read only, nothing is sent (the
   * controls are disabled; this catches anything that slips through).
   */
  apply(changes: readonly MeetingChange[]): void {
    if (this.readOnly) return;
    const { meeting: next, applied } = applyWhatApplies(this.shown, changes, new Date());
    if (applied.length === 0) return;
    this.shown = next;
    this.options.onShown(next, 'local');
    for (const change of applied) this.queue.add(change);
  }

  /** Sends what is typed in the minutes but not yet sent. */
  sendTypedMinutes(): void {
    this.options.typedMinutes()?.flush();
  }

  /** The core pushed a new view of the meeting (someone else's changes merged in). */
  takeUpdate(update: CoreMeeting): void {
    // Changes from here on (including those put back on top of it) are made on this view.
    this.view = update.view;
    this.takeCoreMeeting(update.meeting);
  }

  /** The core changed the window's mode ("Edit as well"): its meeting is taken in, then sending starts. */
  changeMode(reopened: CoreMeeting & { mode: EditingMode }): void {
    this.view = reopened.view;
    this.takeCoreMeeting(reopened.meeting);
    this.readOnly = reopened.mode === 'read-only';
  }

  /** The core's meeting replaces the one shown (a version restored from history, a reload). */
  replace(replacement: CoreMeeting): void {
    this.view = replacement.view;
    this.acknowledged = replacement.meeting;
    this.shown = replacement.meeting;
    this.options.onShown(replacement.meeting, 'replaced');
  }

  /**
   * After a refusal the window shows changes the file does not hold: show the file instead, once
   * everything sent after the refused batch has been answered.
   */
  reloadFromCore(): void {
    if (this.reloading) return;
    this.reloading = true;
    void (async () => {
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          // What is typed but not yet sent goes into the queue first, or the reload would lose it.
          this.sendTypedMinutes();
          await this.queue.whenIdle();
          const reopened = await this.options.reopen();
          if (!this.queue.isBusy()) {
            this.replace(reopened);
            return;
          }
        }
      } catch (error) {
        this.options.onError(error);
      } finally {
        this.reloading = false;
      }
    })();
  }

  /**
   * Sends everything typed and waits up to `waitMs` for the core to have it (before an export, on
   * leaving): true when it has. The queue keeps trying after that.
   */
  async sendEverything(waitMs: number): Promise<boolean> {
    this.sendTypedMinutes();
    this.queue.retryNow();
    return waitAtMost(this.queue.whenIdle(), waitMs);
  }

  /**
   * Shows the core's meeting (merged with someone else's changes) without losing anything of the
   * clerk's: the changes the core has not acknowledged yet are put back on top, the minutes being
   * typed are reconciled paragraph by paragraph, and the editor changes only the paragraphs that
   * differ, keeping the cursor. Paragraphs of the reconciled minutes that the core's meeting (with
   * the unacknowledged changes on top) does not yet hold are sent again, so the core ends with both.
   */
  private takeCoreMeeting(incoming: Meeting): void {
    const base = this.acknowledged;
    const resend: MeetingChange[] = [];
    // Each was made on an earlier view, so the core merges it three-way with what came since.
    let shown = applyQuietly(incoming, this.queue.unacknowledged());
    const itemId = this.options.selectedItemId();
    const editor = this.options.typedMinutes();
    const theirs = itemId ? minutesOf(incoming, itemId) : undefined;
    if (itemId && editor && theirs) {
      const typed = editor.blocks();
      const minutes = reconcileMinutes(minutesOf(base, itemId) ?? [], typed, theirs, paragraphConflictsOf(incoming, itemId));
      editor.showMinutes(minutes);
      // Only the paragraphs that still differ from the core's are sent again.
      const changes = minutesChanges(itemId, minutesOf(shown, itemId) ?? [], minutes);
      shown = applyQuietly(shown, changes);
      if (!this.readOnly) resend.push(...changes);
    }
    this.acknowledged = incoming;
    this.shown = shown;
    this.options.onShown(shown, 'merged');
    if (!this.readOnly) for (const change of resend) this.queue.add(change);
  }
}
