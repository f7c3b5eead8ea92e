/**
 * An in-memory core for renderer tests: keeps meetings in a map and changes them with the same
 * domain rules the real core uses, validates every input against the contract, and records each
 * call so tests can check exactly what the screen sent.
 */
import {
  parseOperationInput,
  type ApiEvent,
  type ClerkSettings,
  type EditingMode,
  type MeetingVersion,
  type OpenedMeeting,
  type OperationInput,
  type OperationName,
  type OperationResult,
  type Presence,
  type SaveState,
  type StrandedMeeting,
} from '../../main/domain/api';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { Committee } from '../../main/domain/committee';
import type { MinutesShape } from '../../main/domain/bodies';
import { createLibrarySettings, HouseStyle, minutesShapeOf, resolveHouseStyle } from '../../main/domain/houseStyle';
import { createMeetingForCommittee } from '../../main/domain/meetingSetup';
import { createMeeting, summariseMeeting, type Meeting, type MeetingDetails, type UnreadableMeetingFile } from '../../main/domain/meeting';
import { ApiError, type ApiClient } from '../../renderer/api/client';

export interface RecordedCall {
  name: OperationName;
  input: unknown;
}

type Handlers = { [N in OperationName]: (input: OperationInput<N>) => Promise<OperationResult<N>> };

export const SAVED_AT = '2022-11-08T10:42:13';

export class FakeApi implements ApiClient {
  readonly meetings = new Map<string, Meeting>();
  readonly committees = new Map<string, Committee>();
  /** What meetings.open reports as the committee's previous meeting date, by meeting id. */
  readonly previousMeetingDates = new Map<string, string>();
  readonly calls: RecordedCall[] = [];
  unreadable: UnreadableMeetingFile[] = [];
  /** Meetings kept only on this computer, with the whole meeting where it is kept (put back into `meetings` on request). */
  readonly stranded = new Map<string, { stranded: StrandedMeeting; meeting?: Meeting }>();
  /** Copies of stranded meetings saved, by full path. */
  readonly savedCopies = new Map<string, Meeting>();
  settings: ClerkSettings = { displayName: 'Priya Clerk', libraryPath: '/srv/shared/Minutes' };
  /** Makes the next call of that name fail with this message, as the core would refuse it. */
  readonly refusals = new Map<OperationName, string>();
  /** The state every applyChanges answers with. */
  answerSaveState: (meetingId: string) => SaveState = (meetingId) => ({
    meetingId,
    state: 'saved',
    savedAt: new Date(SAVED_AT).toISOString(),
    pendingChanges: 0,
  });
  houseStyle: HouseStyle = createLibrarySettings().houseStyle;
  /** What meetings.open reports as the house style's minute-number format. */
  minuteNumberPattern: string | undefined;
  /** What meetings.open reports as the meeting's shape; unset, the one the fake's house style gives. */
  shape: MinutesShape | undefined;
  /** Where exports are offered; a full path of a file name the fake makes from the meeting. */
  exportFolder = '/home/priya/Documents/Minutes';
  /** True as in the desktop app (a Save dialog), false as in browser mode. */
  canChooseFile = false;
  /** What the Save dialog answers (undefined: the clerk cancelled). */
  chosenFile: string | undefined;
  /** Files that are open in Word: exporting to one is refused with a free name beside it. */
  readonly busyFiles = new Set<string>();
  /** Files already there: an export to one is refused ('export-target-exists') unless it says replace. */
  readonly existingFiles = new Set<string>();
  /** Each export, with the meeting as it stood at that moment. */
  readonly exports: { path: string; version: string; draft: boolean; meeting: Meeting }[] = [];
  /** Each committee action log export, as the screen asked for it. */
  readonly actionLogExports: { slug: string; format: string; confidential: boolean; path: string }[] = [];
  /** What the next action log holds: its actions, and the meeting files that could not be read. */
  actionLogResult = { rows: 14, unreadable: 0 };
  /** Others who have each meeting open, as meetings.presence and meetings.open report them. */
  readonly presence = new Map<string, Presence[]>();
  /** How this window has each meeting open; changes to a meeting open read only are refused. */
  readonly modes = new Map<string, EditingMode>();
  /** What meetings.open tells the clerk about a meeting (sessions taken over, copies merged). */
  readonly openNotices = new Map<string, string[]>();
  /** Earlier versions of each meeting, oldest first, with the meeting as it was. */
  readonly versions = new Map<string, { version: MeetingVersion; meeting: Meeting }[]>();
  /** The view of each meeting the window was last given (bumped by every meetingUpdated and restore), as the core numbers them. */
  readonly views = new Map<string, number>();
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private held: (() => void)[] | null = null;

  addMeeting(details: MeetingDetails, change?: (meeting: Meeting) => Meeting): Meeting {
    const created = createMeeting(details, new Date('2022-11-01T09:00:00Z'));
    const meeting = change ? change(created) : created;
    this.meetings.set(meeting.id, meeting);
    return meeting;
  }

  /** Holds every applyChanges answer until `release`, to see what the screen does meanwhile. */
  holdApplyChanges(): void {
    this.held = [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const resume of held) resume();
  }

  emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * A colleague (or a sync tool) changed the meeting: the core applies their changes to the meeting
   * it holds (which has every change this window sent so far) and tells the screen.
   */
  changeFromElsewhere(meetingId: string, changes: readonly MeetingChange[], options: { from?: string; newConflicts?: number; at?: Date } = {}): Meeting {
    let meeting = this.meeting(meetingId);
    for (const change of changes) meeting = applyMeetingChange(meeting, change, options.at ?? new Date());
    this.meetings.set(meetingId, meeting);
    this.emit({
      type: 'meetingUpdated',
      meetingId,
      meeting: structuredClone(meeting),
      view: this.nextView(meetingId),
      automatic: changes.length,
      newConflicts: options.newConflicts ?? 0,
      ...(options.from ? { from: options.from } : {}),
    });
    return meeting;
  }

  /** Someone opened, left or went quiet: the core tells the screen who has the meeting open now. */
  presenceChanged(meetingId: string, presence: Presence[]): void {
    this.presence.set(meetingId, presence);
    this.emit({ type: 'presence', meetingId, presence: structuredClone(presence) });
  }

  /** Keeps the meeting as it is now as an earlier version. */
  keepVersion(meetingId: string, version: Omit<MeetingVersion, 'versionId' | 'sizeBytes'>): MeetingVersion {
    const meeting = this.meeting(meetingId);
    const kept: MeetingVersion = {
      versionId: `v${(this.versions.get(meetingId)?.length ?? 0) + 1}-${version.savedAt}`,
      sizeBytes: JSON.stringify(meeting).length,
      ...version,
    };
    this.versions.set(meetingId, [...(this.versions.get(meetingId) ?? []), { version: kept, meeting: structuredClone(meeting) }]);
    return kept;
  }

  /** The view a new meeting for the window gets. */
  nextView(meetingId: string): number {
    const view = this.viewOf(meetingId) + 1;
    this.views.set(meetingId, view);
    return view;
  }

  viewOf(meetingId: string): number {
    return this.views.get(meetingId) ?? 1;
  }

  /** The shape meetings.open reports: `shape` if set, else the fake's house style with the meeting's committee's overrides. */
  private shapeOf(meeting: Meeting): MinutesShape {
    const committee = meeting.committeeSlug ? this.committees.get(meeting.committeeSlug) : undefined;
    return structuredClone(this.shape ?? minutesShapeOf(resolveHouseStyle(this.houseStyle, committee?.houseStyle)));
  }

  private opened(meetingId: string, mode: EditingMode): OpenedMeeting {
    const previousMeetingDate = this.previousMeetingDates.get(meetingId);
    this.modes.set(meetingId, mode);
    return {
      meeting: structuredClone(this.meeting(meetingId)),
      view: this.viewOf(meetingId),
      mode,
      presence: structuredClone(this.presence.get(meetingId) ?? []),
      notices: this.openNotices.get(meetingId) ?? [],
      saveState: this.answerSaveState(meetingId),
      shape: this.shapeOf(this.meeting(meetingId)),
      ...(previousMeetingDate ? { previousMeetingDate } : {}),
      ...(this.minuteNumberPattern ? { minuteNumberPattern: this.minuteNumberPattern } : {}),
    };
  }

  changesSent(): unknown[] {
    return this.calls.filter((call) => call.name === 'meetings.applyChanges').flatMap((call) => (call.input as { changes: unknown[] }).changes);
  }

  /** The view each applyChanges request said its changes were made on, in order. */
  seenViewsSent(): (number | undefined)[] {
    return this.calls.filter((call) => call.name === 'meetings.applyChanges').map((call) => (call.input as { seenView?: number }).seenView);
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationResult<N>> {
    this.calls.push({ name, input: structuredClone(input) });
    const refusal = this.refusals.get(name);
    if (refusal) {
      this.refusals.delete(name);
      throw new ApiError(refusal, 'refused');
    }
    const parsed = parseOperationInput(name, input);
    if (!parsed.ok) throw new ApiError(parsed.message, 'invalid-input');
    const handler = this.handlers[name] as (input: OperationInput<N>) => Promise<OperationResult<N>>;
    return handler(input);
  }

  /** As the core does: a file already there is written over only when the clerk chose to replace it. */
  private refuseExisting(path: string, replace: boolean | undefined): void {
    if (!this.existingFiles.has(path) || replace) return;
    const slash = path.lastIndexOf('/');
    throw new ApiError(
      `There is already a file called ${path.slice(slash + 1)} in “${path.slice(0, slash)}”. Replace it, or save under another name.`,
      'export-target-exists',
      path.replace(/(\.\w+)$/, ' (2)$1'),
    );
  }

  private exportFileName(meeting: Meeting, version: string): string {
    return `${meeting.date} ${meeting.committee} minutes${version === 'confidential' ? ' (confidential)' : ''}.docx`;
  }

  private exportedFile(path: string): string {
    if (!this.exports.some((each) => each.path === path) && !this.actionLogExports.some((each) => each.path === path))
      throw new ApiError(`Minute Book only opens the minutes it has exported since it started, and “${path}” is not one of them.`, 'not-exported');
    return path;
  }

  private meeting(meetingId: string): Meeting {
    const meeting = this.meetings.get(meetingId);
    if (!meeting) throw new ApiError(`There is no meeting ${meetingId} in the library.`, 'not-found');
    return meeting;
  }

  /** A meeting this computer keeps but the library lost; without `whole`, only its changes are kept. */
  addStranded(details: MeetingDetails, pendingChanges: number, whole = true): Meeting {
    const meeting = createMeeting(details, new Date('2022-11-01T09:00:00Z'));
    const file = `meetings/${meeting.date.slice(0, 4)}/${meeting.date} ${meeting.committee.toLowerCase().replace(/\W+/g, '-')}.json`;
    const stranded: StrandedMeeting = {
      meetingId: meeting.id,
      file,
      pendingChanges,
      whole,
      copyPath: `${this.exportFolder}/${meeting.date} ${meeting.committee} (kept on this computer).json`,
      date: meeting.date,
      ...(whole ? { committee: meeting.committee, title: meeting.title, startTime: meeting.startTime } : {}),
    };
    this.stranded.set(meeting.id, whole ? { stranded, meeting } : { stranded });
    return meeting;
  }

  private strandedMeeting(meetingId: string): Meeting {
    const found = this.stranded.get(meetingId);
    if (!found) throw new ApiError('That meeting is no longer kept only on this computer: it is in the library now. Open it from the list.', 'not-stranded');
    if (!found.meeting)
      throw new ApiError(
        `This computer keeps ${found.stranded.pendingChanges} changes to this meeting, but not the meeting itself, so it cannot be put back or saved.`,
        'not-whole',
      );
    return found.meeting;
  }

  private readonly handlers: Handlers = {
    'settings.get': async () => ({ ...this.settings }),
    'settings.update': async (input) => {
      this.settings = { ...this.settings, ...input };
      return { ...this.settings };
    },
    'meetings.list': async () => ({
      libraryPath: this.settings.libraryPath,
      meetings: [...this.meetings.values()].map((meeting) =>
        summariseMeeting(meeting, `meetings/${meeting.date.slice(0, 4)}/${meeting.date} ${meeting.committee.toLowerCase().replace(/\W+/g, '-')}.json`),
      ),
      unreadable: this.unreadable,
    }),
    'committees.list': async () => ({ committees: [...this.committees.values()], unreadable: [] }),
    'committees.save': async ({ committee }) => {
      const parsed = Committee.parse(committee);
      this.committees.set(parsed.slug, parsed);
      return parsed;
    },
    'meetings.create': async ({ committeeSlug, ...details }) => {
      const committee = committeeSlug ? this.committees.get(committeeSlug) : undefined;
      if (committeeSlug && !committee) throw new ApiError(`There is no committee ${committeeSlug}.`, 'not-found');
      const meeting = committee ? createMeetingForCommittee(details, committee, new Date()) : createMeeting(details, new Date());
      this.meetings.set(meeting.id, meeting);
      return {
        meeting,
        view: this.viewOf(meeting.id),
        mode: 'edit',
        presence: [],
        notices: [],
        saveState: { meetingId: meeting.id, state: 'saved', pendingChanges: 0 },
        shape: this.shapeOf(meeting),
      };
    },
    'meetings.open': async ({ meetingId, mode }) => this.opened(meetingId, mode ?? 'edit'),
    'meetings.applyChanges': async ({ meetingId, changes }) => {
      if (this.held) await new Promise<void>((resume) => this.held!.push(resume));
      if (this.modes.get(meetingId) === 'read-only')
        throw new ApiError('This meeting is open read only here: choose “Edit as well” to change it.', 'read-only');
      let meeting = this.meeting(meetingId);
      for (const change of changes) meeting = applyMeetingChange(meeting, change, new Date());
      this.meetings.set(meetingId, meeting);
      return this.answerSaveState(meetingId);
    },
    'meetings.close': async ({ meetingId }) => this.answerSaveState(meetingId),
    'meetings.delete': async ({ meetingId }) => {
      const meeting = this.meeting(meetingId);
      this.meetings.delete(meetingId);
      return { movedTo: `.minutebook/history/${meeting.id}/deleted.json` };
    },
    'meetings.stranded.list': async () => ({
      libraryPath: this.settings.libraryPath,
      stranded: [...this.stranded.values()].map((each) => structuredClone(each.stranded)),
    }),
    'meetings.stranded.putBack': async ({ meetingId }) => {
      const meeting = this.strandedMeeting(meetingId);
      const { file } = this.stranded.get(meetingId)!.stranded;
      this.stranded.delete(meetingId);
      this.meetings.set(meetingId, meeting);
      return { meetingId, file, renamed: false };
    },
    'meetings.stranded.saveCopy': async ({ meetingId, target }) => {
      const meeting = this.strandedMeeting(meetingId);
      if (this.savedCopies.has(target)) {
        const free = target.replace(/\.json$/, ' (2).json');
        throw new ApiError(
          `There is already a file “${target.slice(target.lastIndexOf('/') + 1)}”; it has not been changed. Save the copy under another name, such as “${free.slice(free.lastIndexOf('/') + 1)}”.`,
          'copy-target-exists',
          free,
        );
      }
      this.savedCopies.set(target, structuredClone(meeting));
      return { path: target, bytes: JSON.stringify(meeting).length };
    },
    'meetings.exportTargets': async ({ meetingId }) => {
      const meeting = this.meeting(meetingId);
      return {
        folder: this.exportFolder,
        paths: {
          public: `${this.exportFolder}/${this.exportFileName(meeting, 'public')}`,
          confidential: `${this.exportFolder}/${this.exportFileName(meeting, 'confidential')}`,
        },
        canChooseFile: this.canChooseFile,
      };
    },
    'meetings.export': async ({ meetingId, version, draft, target, replace }) => {
      const meeting = this.meeting(meetingId);
      const path = target ?? `${this.exportFolder}/${this.exportFileName(meeting, version)}`;
      if (this.busyFiles.has(path)) {
        const name = path.slice(path.lastIndexOf('/') + 1);
        throw new ApiError(`${name} is open in Word — close it there, or save under another name.`, 'export-target-busy', path.replace(/\.docx$/, ' (2).docx'));
      }
      this.refuseExisting(path, replace);
      this.exports.push({ path, version, draft, meeting: structuredClone(meeting) });
      return { path, bytes: 12_345 };
    },
    'library.houseStyle.get': async () => ({ libraryPath: this.settings.libraryPath, houseStyle: structuredClone(this.houseStyle) }),
    'library.houseStyle.save': async ({ houseStyle }) => {
      this.houseStyle = HouseStyle.parse(houseStyle);
      return { libraryPath: this.settings.libraryPath, houseStyle: structuredClone(this.houseStyle) };
    },
    'files.chooseExportTarget': async () => (this.chosenFile === undefined ? {} : { path: this.chosenFile }),
    'committees.actionLogTargets': async ({ slug }) => {
      const name = this.committees.get(slug)?.name ?? slug;
      const path = (confidential: boolean, format: string) =>
        `${this.exportFolder}/${name} action log 2026-11-23${confidential ? ' (confidential)' : ''}.${format}`;
      return {
        committeeName: name,
        folder: this.exportFolder,
        paths: { public: { docx: path(false, 'docx'), csv: path(false, 'csv') }, confidential: { docx: path(true, 'docx'), csv: path(true, 'csv') } },
        canChooseFile: this.canChooseFile,
      };
    },
    'committees.exportActionLog': async ({ slug, format, confidential, target, replace }) => {
      const path = target ?? (await this.handlers['committees.actionLogTargets']({ slug })).paths[confidential ? 'confidential' : 'public'][format];
      if (this.busyFiles.has(path)) {
        const name = path.slice(path.lastIndexOf('/') + 1);
        throw new ApiError(
          `${name} is open in ${format === 'csv' ? 'Excel' : 'Word'} — close it there, or save under another name.`,
          'export-target-busy',
          path.replace(/(\.\w+)$/, ' (2)$1'),
        );
      }
      this.refuseExisting(path, replace);
      this.actionLogExports.push({ slug, format, confidential, path });
      return { path, bytes: 4_321, ...this.actionLogResult };
    },
    'committees.chooseActionLogTarget': async () => (this.chosenFile === undefined ? {} : { path: this.chosenFile }),
    'files.open': async ({ path }) => ({ path: this.exportedFile(path) }),
    'files.showInFolder': async ({ path }) => ({ path: this.exportedFile(path) }),
    'meetings.presence': async ({ meetingId }) => ({ presence: structuredClone(this.presence.get(meetingId) ?? []) }),
    'meetings.setMode': async ({ meetingId, mode }) => this.opened(meetingId, mode),
    'meetings.history.list': async ({ meetingId }) => ({ versions: (this.versions.get(meetingId) ?? []).map((each) => each.version) }),
    'meetings.history.restore': async ({ meetingId, versionId }) => {
      const found = this.versions.get(meetingId)?.find((each) => each.version.versionId === versionId);
      if (!found) throw new ApiError(`There is no version ${versionId} of this meeting in the history.`, 'not-found');
      this.keepVersion(meetingId, { savedAt: new Date().toISOString(), savedBy: this.settings.displayName, note: 'before a restore' });
      this.meetings.set(meetingId, { ...structuredClone(found.meeting), updatedAt: new Date().toISOString() });
      this.nextView(meetingId);
      return this.opened(meetingId, this.modes.get(meetingId) ?? 'edit');
    },
  };
}
