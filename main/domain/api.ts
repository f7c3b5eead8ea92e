/**
 * The one API contract between the screen and the core. Every operation is declared here once:
 * its name, the schema its input must pass, and its result type. The Electron IPC binding, the
 * preload bridge, the renderer client and the loopback test host are all derived from this list.
 */
import { z } from 'zod';
import { MeetingChange } from './changes';
import type { MinutesShape } from './bodies';
import { Committee, CommitteeSlug } from './committee';
import { HouseStyle } from './houseStyle';
import { CalendarDate, isCalendarDate } from './ids';
import { EntityId, MeetingDetails, type Meeting, type MeetingSummary, type UnreadableMeetingFile } from './meeting';

/** A phantom value that carries a result type through `typeof operations`. */
function returns<T>(): T {
  return undefined as T;
}

export interface SaveState {
  meetingId: string;
  /**
   * 'unreachable': the library folder cannot be reached at all (drive unmapped, VPN dropped);
   * typing goes on and every change is kept on this computer ("Library unreachable — 14 changes
   * kept on this computer"). 'unsaved': the folder is there but the file could not be written.
   */
  state: 'saved' | 'saving' | 'unsaved' | 'unreachable';
  /** ISO time of the last successful write to the library (for "Saved at 10:42:13"). */
  savedAt?: string;
  /** Why the library file could not be written; the change is kept in the local journal. */
  reason?: string;
  /** Changes kept on this computer that have not reached the library file yet. */
  pendingChanges: number;
}

export interface ClerkSettings {
  displayName: string;
  libraryPath: string;
  /** The folder this computer last saved exported minutes to; the next export is offered there. */
  lastExportFolder?: string;
}

export interface LibraryListing {
  libraryPath: string;
  meetings: MeetingSummary[];
  unreadable: UnreadableMeetingFile[];
}

export interface CommitteeListing {
  committees: Committee[];
  /** Committee files that could not be read; listed for the clerk, never altered. */
  unreadable: UnreadableMeetingFile[];
}

/** Someone else who has the meeting open, from their lease file beside it. */
export interface Presence {
  sessionId: string;
  displayName: string;
  computerName: string;
  mode: EditingMode;
  /** ISO times. */
  since: string;
  heartbeat: string;
  /** No heartbeat for 3 minutes: the session is gone (crash, sleep, network) and may be taken over. */
  stale: boolean;
  /** "Being edited by Jane Smith on LAPTOP-12 since 10:02". */
  description: string;
}

export const EditingMode = z.enum(['edit', 'read-only']);
export type EditingMode = z.infer<typeof EditingMode>;

/** One earlier version of a meeting kept in the library's history folder. */
export interface MeetingVersion {
  versionId: string;
  /** ISO time the version was saved. */
  savedAt: string;
  /** Who saved it ("Jane Smith on LAPTOP-12"), when known. */
  savedBy?: string;
  /** Why it was kept, e.g. "before a merge with Tom Jones's changes", "conflict copy from Syncthing", "restored". */
  note?: string;
  sizeBytes: number;
}

export interface OpenedMeeting {
  meeting: Meeting;
  /**
   * Which view of the meeting this is: the number goes up each time the core pushes the window a
   * new meeting (`meetingUpdated`). The screen sends the view its changes were made on as `seenView`.
   */
  view: number;
  /** 'read-only': the screen shows the meeting and its live updates but sends no changes. */
  mode: EditingMode;
  /** Others who have this meeting open now (not this session). */
  presence: Presence[];
  /** Things the clerk should be told on opening: stale sessions taken over, conflict copies merged. */
  notices: string[];
  /** Date of the same committee's latest earlier meeting in the library, for snippets. */
  previousMeetingDate?: string;
  saveState: SaveState;
  /** Set when the file was in an older format and has been brought up to date. */
  migratedFrom?: number;
  /** Set when changes kept on this computer were replayed on top of the library file. */
  replayedChanges?: number;
  /**
   * How the house style writes this meeting's minute numbers (the committee's override, else the
   * library's), e.g. "PDS/{yy}/{n}"; absent when it could not be read, and the number stands alone.
   */
  minuteNumberPattern?: string;
  /**
   * The shape of this meeting's minutes (its kind of body with the house style's overrides, the
   * committee's on the library's): attendance groups and labels, paragraph numbering, decision
   * layout, action references. A council's when the house style could not be read.
   */
  shape: MinutesShape;
}

/**
 * A meeting this computer holds in its journal that the library does not have (the folder came
 * back empty, or the meeting file was removed, while changes to it were kept here).
 */
export interface StrandedMeeting {
  meetingId: string;
  /** Where the meeting's file was in the library (library-relative), as the journal remembers it. */
  file: string;
  /** From the meeting kept here; absent when only changes are kept, not the whole meeting. */
  committee?: string;
  title?: string;
  /** yyyy-mm-dd: the meeting's date, else the date in its file name. */
  date?: string;
  startTime?: string;
  /** Changes kept on this computer that the library never received. */
  pendingChanges: number;
  /**
   * True: this computer holds the whole meeting with every change, and can put it back or save a
   * copy. False: it holds only `pendingChanges` changes, not the meeting they were made on.
   */
  whole: boolean;
  /** Where "Save a copy" offers to save the meeting (a full path ending in .json). */
  copyPath: string;
}

export interface StrandedListing {
  libraryPath: string;
  stranded: StrandedMeeting[];
}

/** The library's house style, as library.json holds it. */
export interface LibraryHouseStyle {
  libraryPath: string;
  houseStyle: HouseStyle;
}

/** The public version replaces each Part 2 item by its summary; the confidential one holds everything. */
export const MinutesVersion = z.enum(['public', 'confidential']);
export type MinutesVersion = z.infer<typeof MinutesVersion>;

/** Where the export dialog starts: a full path for each version, and whether this desktop has a Save dialog. */
export interface ExportTargets {
  /** The folder offered: where this computer last exported to, else the library's Exports folder. */
  folder: string;
  paths: Record<MinutesVersion, string>;
  /** True in the desktop app, which can show the system's Save dialog; in browser mode the clerk types the path. */
  canChooseFile: boolean;
}

export interface ExportedMinutes {
  /** The full path of the Word file written. */
  path: string;
  bytes: number;
}

/** A committee's action log as a Word table, or as CSV for Excel. */
export const ActionLogFormat = z.enum(['docx', 'csv']);
export type ActionLogFormat = z.infer<typeof ActionLogFormat>;

/** Where the action log dialog starts: a full path for each version and format, and whether there is a Save dialog. */
export interface ActionLogTargets {
  committeeName: string;
  /** The folder offered: where this computer last exported to, else the library's Exports folder. */
  folder: string;
  /** "…/Planning Panel action log 2026-11-23.docx"; the confidential log's name says "(confidential)". */
  paths: Record<MinutesVersion, Record<ActionLogFormat, string>>;
  canChooseFile: boolean;
}

export interface ExportedActionLog {
  /** The full path of the file written. */
  path: string;
  bytes: number;
  /** Actions in the log. */
  rows: number;
  /** Meeting files in the library that could not be read, so any actions in them are not in the log. */
  unreadable: number;
}

const FullFilePath = z.string().trim().min(1, 'the file is required').max(4096, 'that path is too long');

const NoInput = z.object({}).strict();

/**
 * A change as the contract accepts it: every date in it is a day on the calendar. (Files and
 * journal lines keep the looser `MeetingChange`, so what was written before still reads.)
 */
const ClerkChange = MeetingChange.superRefine((change, context) => {
  const dates: { value: string | undefined; path: (string | number)[] }[] =
    change.kind === 'meeting.update'
      ? [{ value: change.fields.date, path: ['fields', 'date'] }]
      : change.kind === 'entity.put' && change.collection === 'actions'
        ? [{ value: change.entity.due, path: ['entity', 'due'] }]
        : [];
  for (const { value, path } of dates) {
    if (value !== undefined && !isCalendarDate(value)) context.addIssue({ code: 'custom', message: `${value} is not a date on the calendar`, path });
  }
});

export const operations = {
  'settings.get': { input: NoInput, result: returns<ClerkSettings>() },
  'settings.update': {
    input: z
      .object({
        displayName: z.string().trim().min(1, 'your name is required').max(100).optional(),
        libraryPath: z.string().trim().min(1, 'the library folder is required').max(4096).optional(),
      })
      .strict(),
    result: returns<ClerkSettings>(),
  },
  'meetings.list': { input: NoInput, result: returns<LibraryListing>() },
  'committees.list': { input: NoInput, result: returns<CommitteeListing>() },
  'committees.save': { input: z.object({ committee: Committee }).strict(), result: returns<Committee>() },
  /** The committee's actions from all its meetings; Part 2 actions only in the confidential log. */
  'committees.actionLogTargets': { input: z.object({ slug: CommitteeSlug }).strict(), result: returns<ActionLogTargets>() },
  /** `replace`: the clerk chose to replace a file already there; without it such a file is refused ('export-target-exists'). */
  'committees.exportActionLog': {
    input: z
      .object({ slug: CommitteeSlug, format: ActionLogFormat, confidential: z.boolean(), target: FullFilePath.optional(), replace: z.boolean().optional() })
      .strict(),
    result: returns<ExportedActionLog>(),
  },
  /** The Save dialog for an action log: the chosen file ends in the format's extension. */
  'committees.chooseActionLogTarget': {
    input: z.object({ defaultPath: FullFilePath, format: ActionLogFormat }).strict(),
    result: returns<{ path?: string }>(),
  },
  'meetings.create': {
    input: MeetingDetails.extend({ date: CalendarDate, committeeSlug: CommitteeSlug.optional() }).strict(),
    result: returns<OpenedMeeting>(),
  },
  /** Who else has the meeting open, before the clerk chooses to edit as well or read only. */
  'meetings.presence': { input: z.object({ meetingId: EntityId }).strict(), result: returns<{ presence: Presence[] }>() },
  'meetings.open': { input: z.object({ meetingId: EntityId, mode: EditingMode.optional() }).strict(), result: returns<OpenedMeeting>() },
  'meetings.setMode': { input: z.object({ meetingId: EntityId, mode: EditingMode }).strict(), result: returns<OpenedMeeting>() },
  'meetings.history.list': { input: z.object({ meetingId: EntityId }).strict(), result: returns<{ versions: MeetingVersion[] }>() },
  /** The restore is itself a new version; the version it replaces is kept. */
  'meetings.history.restore': { input: z.object({ meetingId: EntityId, versionId: z.string().min(1).max(200) }).strict(), result: returns<OpenedMeeting>() },
  'meetings.applyChanges': {
    /**
     * `seenView`: the view (OpenedMeeting.view, meetingUpdated.view) the changes were made on. Changes made on
     * an earlier view than the core's are merged with what came since instead of undoing it (docs/sync.md).
     */
    input: z.object({ meetingId: EntityId, changes: z.array(ClerkChange).min(1).max(500), seenView: z.number().int().min(0) }).strict(),
    result: returns<SaveState>(),
  },
  'meetings.close': { input: z.object({ meetingId: EntityId }).strict(), result: returns<SaveState>() },
  'meetings.delete': { input: z.object({ meetingId: EntityId }).strict(), result: returns<{ movedTo: string }>() },
  /** Meetings kept only on this computer: in the journal, not in the library. */
  'meetings.stranded.list': { input: NoInput, result: returns<StrandedListing>() },
  /** Writes a stranded meeting back into the library, at its old place or, if that is taken, at a free name; never over a file. */
  'meetings.stranded.putBack': { input: z.object({ meetingId: EntityId }).strict(), result: returns<{ meetingId: string; file: string; renamed: boolean }>() },
  /** Saves a stranded meeting as a meeting file (JSON) where the clerk says; never over an existing file. */
  'meetings.stranded.saveCopy': { input: z.object({ meetingId: EntityId, target: FullFilePath }).strict(), result: returns<{ path: string; bytes: number }>() },
  'meetings.exportTargets': { input: z.object({ meetingId: EntityId }).strict(), result: returns<ExportTargets>() },
  /** `replace`: the clerk chose to replace a file already there; without it such a file is refused ('export-target-exists'). */
  'meetings.export': {
    input: z
      .object({ meetingId: EntityId, version: MinutesVersion, draft: z.boolean(), target: FullFilePath.optional(), replace: z.boolean().optional() })
      .strict(),
    result: returns<ExportedMinutes>(),
  },
  'library.houseStyle.get': { input: NoInput, result: returns<LibraryHouseStyle>() },
  'library.houseStyle.save': { input: z.object({ houseStyle: HouseStyle }).strict(), result: returns<LibraryHouseStyle>() },
  'files.chooseExportTarget': { input: z.object({ defaultPath: FullFilePath }).strict(), result: returns<{ path?: string }>() },
  /** Only files this session exported: the page can never open anything else on the computer. */
  'files.open': { input: z.object({ path: FullFilePath }).strict(), result: returns<{ path: string }>() },
  'files.showInFolder': { input: z.object({ path: FullFilePath }).strict(), result: returns<{ path: string }>() },
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OperationResult<N extends OperationName> = Operations[N]['result'];
export const operationNames = Object.keys(operations) as OperationName[];

/** What the core does for each operation, after the input has passed its schema. */
export type ApiHandlers = { [N in OperationName]: (input: z.output<Operations[N]['input']>) => Promise<OperationResult<N>> };

/** Pushes from the core to the screen. */
export type ApiEvent =
  | { type: 'saveState'; saveState: SaveState }
  /**
   * The open meeting changed outside this window (a colleague, a sync tool, a conflict copy) and
   * the core merged it: `meeting` is the core's current meeting, including every change this
   * window sent that the core has applied. `automatic` changes were merged silently;
   * `newConflicts` were flagged (both versions kept in meeting.conflicts). `view` numbers this
   * meeting: changes made on it are sent with it as `seenView`.
   */
  | { type: 'meetingUpdated'; meetingId: string; meeting: Meeting; view: number; automatic: number; newConflicts: number; from?: string }
  /** Who else has the meeting open changed (someone opened, left, or went stale). */
  | { type: 'presence'; meetingId: string; presence: Presence[] };

/**
 * A refusal as it crosses the boundary. `suggestedPath` comes with 'export-target-busy' (the file
 * is open in Word) and 'export-target-exists' (a file of that name is there and the clerk has not
 * chosen to replace it): a free name beside it that can be offered instead.
 */
export interface ApiRefusal {
  message: string;
  code: string;
  suggestedPath?: string;
}

/** Every reply crosses the boundary in this envelope, so the clerk always gets the core's own message. */
export type ApiReply<T> = { ok: true; value: T } | { ok: false; error: ApiRefusal };

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

/** Deeper than any input of the contract; checked before the schemas, whose recursive parts (z.json) would otherwise recurse as deep as the input. */
export const MAX_INPUT_DEPTH = 64;

/** Whether arrays and objects nest deeper than `limit`, found without recursion (a hostile input cannot overflow the stack). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  // An object reached again (IPC inputs may share them) is walked again only if reached deeper, so a shared one costs at most `limit` walks.
  const deepestSeen = new Map<object, number>();
  while (stack.length > 0) {
    const { value: each, depth } = stack.pop()!;
    if (typeof each !== 'object' || each === null || (deepestSeen.get(each) ?? -1) >= depth) continue;
    if (depth + 1 > limit) return true;
    deepestSeen.set(each, depth);
    for (const child of Array.isArray(each) ? each : Object.values(each)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** Validates raw input for an operation; the message names the operation and the first problem. */
export function parseOperationInput<N extends OperationName>(
  name: N,
  raw: unknown,
): { ok: true; input: z.output<Operations[N]['input']> } | { ok: false; message: string } {
  if (nestsDeeperThan(raw, MAX_INPUT_DEPTH)) {
    return { ok: false, message: `${name} was refused: its input is nested more than ${MAX_INPUT_DEPTH} levels deep, which no Minute Book screen sends.` };
  }
  const parsed = operations[name].input.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, input: parsed.data as z.output<Operations[N]['input']> };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
  return { ok: false, message: `${name} was refused: ${issue?.message ?? 'invalid input'}${where}.` };
}

/**
 * The bridge the preload script exposes as `window.minutebook`: one method per operation,
 * named as in the contract (e.g. `window.minutebook['meetings.list']({})`), plus event subscription.
 */
export type MinuteBookBridge = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<ApiReply<OperationResult<N>>>;
} & {
  onEvent: (listener: (event: ApiEvent) => void) => () => void;
};

/** The IPC channel that carries one operation; shared by the preload script and the main process. */
export function ipcChannel(name: OperationName): string {
  return `minutebook:${name}`;
}
export const IPC_EVENT_CHANNEL = 'minutebook:event';
