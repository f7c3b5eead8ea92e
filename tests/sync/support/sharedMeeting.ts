/**
 * The meeting the shared-library tests edit, set up once in a library folder, and the checks
 * every such test ends with: one file, valid, every marker typed present in the minutes or in a
 * flagged conflict.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentKey } from '../../../main/domain/merge';
import { createMinuteBookCore } from '../../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../../main/core/settingsFile';
import { createAgendaItem, newId, type Attendee, type Meeting } from '../../../main/domain/meeting';
import { parseMeetingData } from '../../../main/domain/migrations';
import type { ClerkConfig, ClerkDriver, ClerkReport } from './clerkDriver';
import { PATIENCE_MS } from '../../support/patience';

export const SHARED_BLOCK_ID = 'sharedparagraph1';
export const MEETING_FOLDER = ['meetings', '2026'];

/** Sets up a meeting with three items, four members and a paragraph both clerks will edit. */
export async function setUpSharedMeeting(library: string, data: string): Promise<{ meetingId: string; file: string }> {
  const settings = fileSettingsStore(join(data, 'settings.json'), { displayName: 'Setup clerk', libraryPath: library });
  const core = createMinuteBookCore({ settings, journalDir: join(data, 'journal'), computerName: 'SETUP' });
  try {
    const opened = await core.handlers['meetings.create']({
      committee: 'Children’s Services Scrutiny Panel',
      title: 'Ordinary meeting',
      date: '2026-11-10',
      startTime: '10:00',
      venue: 'Council Chamber, Guildhall',
    });
    const meetingId = opened.meeting.id;
    const items = ['Director’s update', 'School places planning', 'Corporate parenting'].map((title) => createAgendaItem(title));
    const attendees: Attendee[] = ['Cllr Ann Jones', 'Cllr Bob Singh', 'Cllr Cara Ó Súilleabháin', 'Cllr Dev Patel'].map((name) => ({
      id: newId(),
      name,
      displayName: name,
      category: 'member',
      status: 'present',
    }));
    await core.handlers['meetings.applyChanges']({
      seenView: opened.view,
      meetingId,
      changes: [
        ...items.map((item, index) => ({ kind: 'item.add' as const, item, index })),
        {
          kind: 'item.minutes',
          itemId: items[0]!.id,
          minutes: [{ id: SHARED_BLOCK_ID, type: 'paragraph', runs: [{ text: 'The Director introduced the report.' }] }],
        },
        ...attendees.map((entity) => ({ kind: 'entity.put' as const, collection: 'attendees' as const, entity })),
      ],
    });
    const file = (await core.handlers['meetings.list']({})).meetings.find((each) => each.id === meetingId)!.file;
    await core.handlers['meetings.close']({ meetingId });
    return { meetingId, file };
  } finally {
    await core.close();
  }
}

/** How long a clerk's presence lease lasts unrenewed on the shared folder before it is stale (sharedFolderClerk). */
export const SHARED_FOLDER_STALE_AFTER_MS = 4000;

/**
 * A clerk on the shared folder (one library on a network drive, each computer's own folder in
 * `root`) as the shared-folder runs start one: edits 40–220 ms apart, the shared paragraph
 * among them, presence renewed every second, read every half second, stale after four.
 */
export function sharedFolderClerk(
  drive: { root: string; library: string; meetingId: string },
  clerk: { markerPrefix: string; displayName: string; computerName: string; seed: number },
): ClerkConfig {
  return {
    library: drive.library,
    data: join(drive.root, clerk.computerName),
    meetingId: drive.meetingId,
    ...clerk,
    sharedBlockId: SHARED_BLOCK_ID,
    editIntervalMs: [40, 220],
    heartbeatMs: 1000,
    staleAfterMs: SHARED_FOLDER_STALE_AFTER_MS,
    presencePollMs: 500,
  };
}

/** The meeting file as written, checked against the schema. */
export async function readMeetingFileChecked(path: string): Promise<{ ok: true; meeting: Meeting } | { ok: false; problem: string }> {
  const parsed = parseMeetingData(JSON.parse(await readFile(path, 'utf8')));
  return parsed.ok ? { ok: true, meeting: parsed.meeting } : { ok: false, problem: parsed.problem };
}

/** Everything the meeting says, in text, including both versions of every flagged conflict (not their common base). */
export function everythingSaid(meeting: Meeting): string {
  const { sync: _stamp, conflicts, ...record } = meeting;
  const flagged = conflicts.map(({ base: _base, ...conflict }) => conflict);
  return JSON.stringify({ record, flagged });
}

export function lostMarkers(meeting: Meeting, markers: readonly string[]): string[] {
  const said = everythingSaid(meeting);
  return markers.filter((marker) => !said.includes(marker));
}

/** The files in the meeting's folder that are meetings (`*.json`), the meeting's own file and any conflict copies. */
export async function meetingFilesIn(library: string): Promise<string[]> {
  return (await readdir(join(library, ...MEETING_FOLDER))).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
}

/** The meeting without its save stamp, in one canonical form, to compare two computers' copies. */
export const contentOf = contentKey;

/** Checks again every `everyMs` until `check` gives something; a wait past `timeoutMs` (at least PATIENCE_MS) is a hang. */
export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = PATIENCE_MS, everyMs = 250): Promise<T> {
  timeoutMs = Math.max(timeoutMs, PATIENCE_MS);
  const started = Date.now();
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Waits until two clerks hold exactly what the meeting file holds and the file has stopped
 * changing (the same on four reads in a row, half a second apart).
 */
export async function settleOnFile(path: string, a: ClerkDriver, b: ClerkDriver): Promise<{ a: ClerkReport; b: ClerkReport; meeting: Meeting }> {
  let previous = '';
  let steady = 0;
  return until(
    'both computers to settle on the file',
    async () => {
      const [first, second, onDisk] = await Promise.all([a.report(), b.report(), readMeetingFileChecked(path)]);
      if (!onDisk.ok) return undefined;
      const key = contentOf(onDisk.meeting);
      steady = key === previous ? steady + 1 : 0;
      previous = key;
      return steady >= 4 && contentOf(first.meeting) === key && contentOf(second.meeting) === key
        ? { a: first, b: second, meeting: onDisk.meeting }
        : undefined;
    },
    60_000,
    500,
  );
}
