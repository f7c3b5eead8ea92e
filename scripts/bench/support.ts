/**
 * What every `npm run bench` section shares: medians and percentiles, a meeting put in a library,
 * a clerk's core on it, and one autosave of an item's minutes timed through that core.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenedMeeting } from '../../main/domain/api';
import { pathForNewMeeting } from '../../main/core/library';
import { serializeLibraryFile } from '../../main/core/meetingFile';
import { createMinuteBookCore, type MinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import type { Meeting, MinuteBlock } from '../../main/domain/meeting';

export function percentile(values: readonly number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

/** Writes `meeting` into the library where a new meeting goes, as the app writes it; returns the file's path. */
export async function meetingInLibrary(library: string, meeting: Meeting): Promise<string> {
  await mkdir(join(library, 'meetings'), { recursive: true });
  const file = await pathForNewMeeting(library, meeting);
  const path = join(library, ...file.split('/'));
  await writeFile(path, serializeLibraryFile(meeting));
  return path;
}

/** A clerk's core on `library`, its settings and journal in `root/name` (the journal in `root/name/journal`). */
export function startCore(root: string, library: string, name: string, options: { saveDelayMs?: number } = {}): MinuteBookCore {
  const data = join(root, name);
  return createMinuteBookCore({
    settings: fileSettingsStore(join(data, 'settings.json'), { displayName: 'Bench', libraryPath: library }),
    journalDir: join(data, 'journal'),
    ...options,
  });
}

/** One autosave: the item at `index` gets `minutes` through the core, journaled and written to the library; how long it took in ms. */
export async function timedSave(core: MinuteBookCore, opened: OpenedMeeting, index: number, minutes: MinuteBlock[]): Promise<number> {
  const started = performance.now();
  await core.handlers['meetings.applyChanges']({
    seenView: opened.view,
    meetingId: opened.meeting.id,
    changes: [{ kind: 'item.minutes', itemId: opened.meeting.agenda[index]!.id, minutes }],
  });
  await core.flushAll();
  return performance.now() - started;
}

/** The baselines' own copy of the meeting with the same change. */
export function withItemMinutes(meeting: Meeting, index: number, minutes: MinuteBlock[]): Meeting {
  return { ...meeting, agenda: meeting.agenda.map((item, at) => (at === index ? { ...item, minutes } : item)) };
}
