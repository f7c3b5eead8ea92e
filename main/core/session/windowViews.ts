/**
 * The views of the meeting the window has been given (docs/sync.md, "A window that has not seen a
 * merge yet"). Each time the window is given a new meeting (on opening, a merge, a restore, a
 * correction) it gets a new view number; the window sends every change with the view it was made
 * on. A change made on the current view is applied as it is; one made on an earlier view is
 * applied to the meeting as the window had it then and merged three-way with the meeting as it
 * is now, so it never undoes what came since.
 */
import { applyChangesThatApply, type MeetingChange } from '../../domain/changes';
import type { Meeting } from '../../domain/meeting';
import { contentKey, mergeMeetings } from '../../domain/merge';

/** How many earlier views of the meeting (as the window had them) a session keeps. */
const KEPT_VIEWS = 32;

/**
 * Views are numbered across every session of this process, starting from the time it started: a
 * window left from an earlier session (or an earlier run of the core) never names a view of this one.
 */
let lastView = Date.now();
function nextView(): number {
  lastView += 1;
  return lastView;
}

export interface RebasedChange {
  /** The change merged with what came since its view. */
  meeting: Meeting;
  /** Set when the window's list was out of date: what it shows now (the change applied as it is); it must be given the meeting as a new view. */
  windowHas?: Meeting;
  newConflicts: number;
}

export class WindowViews {
  /** The view the window was last given; its meeting is the session's meeting. */
  private currentView = nextView();
  /**
   * Earlier views, oldest first: the meeting as the window had it at each, with the changes the
   * window has since sent on it.
   */
  private readonly earlierViews = new Map<number, Meeting>();

  get current(): number {
    return this.currentView;
  }

  /** The meeting as the window had it at `view`: `meetingNow` for the current view (or one not kept). */
  madeOn(view: number, meetingNow: Meeting): Meeting {
    return view === this.currentView ? meetingNow : (this.earlierViews.get(view) ?? meetingNow);
  }

  /**
   * The window is about to be given a new meeting: the view it has now (`windowHas`, the meeting
   * as it shows it) is kept as an earlier view, and the new view's number returned.
   */
  newView(windowHas: Meeting): number {
    this.earlierViews.set(this.currentView, windowHas);
    while (this.earlierViews.size > KEPT_VIEWS) this.earlierViews.delete(this.earlierViews.keys().next().value!);
    this.currentView = nextView();
    return this.currentView;
  }

  /**
   * Changes the window made on an earlier view: applied to the meeting as it was at that view and
   * merged three-way with `meetingNow`. A view no longer kept (or from an earlier session) is
   * merged on the oldest view kept, the safest base at hand, and the window is to be sent the result.
   */
  rebase(seenView: number, changes: readonly MeetingChange[], now: Date, meetingNow: Meeting, authors: { mine: string; theirs: string }): RebasedChange {
    const asIs = applyChangesThatApply(meetingNow, changes, now);
    const known = this.earlierViews.get(seenView);
    const base = known ?? this.earlierViews.values().next().value ?? meetingNow;
    const mine = applyChangesThatApply(base, changes, now);
    // The view follows what the window shows: its next change on it goes on top of this one.
    if (known) this.earlierViews.set(seenView, mine);
    const merged = mergeMeetings(base, mine, meetingNow, { mineAuthor: authors.mine, theirsAuthor: authors.theirs });
    const rebased = { ...merged.meeting, ...(meetingNow.sync ? { sync: meetingNow.sync } : {}) };
    const result: RebasedChange = { meeting: rebased, newConflicts: merged.conflicts.length };
    if (!known || contentKey(rebased) !== contentKey(asIs)) result.windowHas = asIs;
    return result;
  }
}
