/**
 * How long history keeps every version is the library's own setting (library.json), so every
 * computer sharing the folder thins it the same way.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepVersionBytes, listVersions } from '../../main/core/history/history';
import { readLibrarySettings } from '../../main/core/libraryFile';
import { createAgendaItem } from '../../main/domain/meeting';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

const DAY = 86_400_000;
let temp: TempLibrary;

beforeEach(async () => {
  temp = await makeTempLibrary();
});

afterEach(async () => {
  await temp.remove();
});

async function setLibraryHistory(history: unknown): Promise<void> {
  const settings = await readLibrarySettings(temp.library);
  await writeFile(join(temp.library, 'library.json'), JSON.stringify({ ...settings, history }, null, '\t'));
}

describe('the library’s history setting', () => {
  it('keeps every version for the days library.json says, then one a day', async () => {
    const core = temp.startCore({ saveDelayMs: 20 });
    const { meeting } = await core.handlers['meetings.create'](sampleDetails);
    await core.handlers['meetings.close']({ meetingId: meeting.id });
    await setLibraryHistory({ keepAllDays: 7 });

    // Two versions a day for the last 20 days, kept under a policy that thins nothing.
    const now = Date.now();
    for (let day = 1; day <= 20; day += 1) {
      for (const hour of [9, 15]) {
        const at = new Date(now - day * DAY);
        at.setUTCHours(hour, 0, 0, 0);
        await keepVersionBytes(temp.library, meeting.id, Buffer.from(`version of day ${day} at ${hour}`), { now: at }, { intervalMs: 0, keepAllDays: 3650 });
      }
    }
    expect(await listVersions(temp.library, meeting.id)).toHaveLength(40);

    // The next session replaces the file, keeps it in history and thins by the library's rule.
    const again = temp.startCore({ saveDelayMs: 20 });
    const { view } = await again.handlers['meetings.open']({ meetingId: meeting.id });
    await again.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [{ kind: 'item.add', item: createAgendaItem('Apologies'), index: 0 }],
    });
    await again.handlers['meetings.close']({ meetingId: meeting.id });

    const versions = await listVersions(temp.library, meeting.id);
    const perDay = new Map<string, number>();
    for (const version of versions) perDay.set(version.savedAt.slice(0, 10), (perDay.get(version.savedAt.slice(0, 10)) ?? 0) + 1);
    const cutoff = new Date(now - 7 * DAY).toISOString().slice(0, 10);
    const older = [...perDay].filter(([day]) => day < cutoff);
    expect(older.length).toBeGreaterThan(10);
    expect(older.every(([, count]) => count === 1)).toBe(true);
    expect([...perDay].filter(([day]) => day > cutoff && day < new Date(now).toISOString().slice(0, 10)).every(([, count]) => count === 2)).toBe(true);
  });

  it('refuses a library.json whose history setting makes no sense, naming it', async () => {
    const core = temp.startCore();
    await core.handlers['meetings.create'](sampleDetails);
    await setLibraryHistory({ keepAllDays: 0 });
    await expect(readLibrarySettings(temp.library)).rejects.toThrow(/history\.keepAllDays: keep every version for at least 1 day/);
  });
});
