/**
 * Leaves a meeting kept only on this computer, with the real core: set up and saved, then the
 * library folder goes away while the clerk types on (the changes go to the journal only), Minute
 * Book is closed while it cannot reach the library, and the folder comes back without the meeting's
 * file. For the screens that show such meetings (end-to-end checks, screenshots).
 */
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createMinuteBookCore } from '../../main/core/minuteBookCore';
import { fromLibraryRelative } from '../../main/core/library';
import { fileSettingsStore } from '../../main/core/settingsFile';
import type { MeetingDetails } from '../../main/domain/meeting';
import { createAgendaItem, newId, type MinuteBlock } from '../../main/domain/meeting';

/** `data`: the computer's data folder (settings.json, journal/), as the host uses it. Returns the meeting's id. */
export async function leaveMeetingKeptOnlyHere(library: string, data: string, details: MeetingDetails, paragraphs: readonly string[]): Promise<string> {
  const settings = fileSettingsStore(join(data, 'settings.json'), { displayName: 'Priya Patel', libraryPath: library });
  const core = createMinuteBookCore({ settings, journalDir: join(data, 'journal'), saveDelayMs: 10 });
  const { meeting, view } = await core.handlers['meetings.create'](details);
  const item = createAgendaItem('Minutes of the last meeting');
  await core.handlers['meetings.applyChanges']({ meetingId: meeting.id, changes: [{ kind: 'item.add', item, index: 0 }], seenView: view });
  await core.flushAll();
  const file = (await core.handlers['meetings.list']({})).meetings.find((each) => each.id === meeting.id)!.file;
  const away = `${library} (disconnected)`;
  await rename(library, away);
  const minutes: MinuteBlock[] = [];
  for (const text of paragraphs) {
    minutes.push({ id: newId(), type: 'paragraph', runs: [{ text }] });
    await core.handlers['meetings.applyChanges']({
      meetingId: meeting.id,
      changes: [{ kind: 'item.minutes', itemId: item.id, minutes: minutes.slice() }],
      seenView: view,
    });
  }
  await core.close(); // the library cannot be reached: the changes stay in the journal
  await rename(away, library);
  const path = fromLibraryRelative(library, file);
  await rm(path);
  // This process lives on (a test, a script): its lease would read as a live session, so it goes with the file.
  for (const name of await readdir(dirname(path))) {
    if (name.startsWith(`${basename(path)}.`) && name.endsWith('.lock')) await rm(join(dirname(path), name));
  }
  return meeting.id;
}
