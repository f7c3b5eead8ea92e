/**
 * Paths built from what files say (a meeting's committee slug, a journal's file, a history id, the
 * house style's logo and template, conflict copies) stay inside the library, and meeting and
 * committee files that are symbolic links are never opened. Real files and real symlinks.
 */
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConflictCopies } from '../../main/core/sync/conflictCopies';
import { loadExportStyle } from '../../main/core/export/exportStyle';
import { confinedLibraryPath, fromLibraryRelative, historyFolder, prepareLibrary, readCommittee } from '../../main/core/library';
import { readMeetingFile } from '../../main/core/meetingFile';
import { MeetingSession } from '../../main/core/session/meetingSession';
import { createCommittee } from '../../main/domain/committee';
import { createMeeting } from '../../main/domain/meeting';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

const SECRET = 'SECRET-OUTSIDE-THE-LIBRARY';

let temp: TempLibrary;
let outside: string;
beforeEach(async () => {
  temp = await makeTempLibrary();
  await prepareLibrary(temp.library);
  outside = join(temp.root, 'outside');
  await mkdir(outside, { recursive: true });
});
afterEach(() => temp.remove());

async function writeMeetingFile(file: string, meeting: object): Promise<string> {
  const path = join(temp.library, ...file.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, JSON.stringify(meeting));
  return path;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

describe('a committee slug in a meeting file', () => {
  it('that climbs out of the library makes the meeting unreadable, and nothing outside is read or quoted', async () => {
    // committees/../../outside/x.json is <root>/outside/x.json: a committee file outside the library.
    const committee = { ...createCommittee('Leaked'), houseStyle: { minuteNumberPattern: 'LEAK/{n}', organisation: SECRET } };
    await writeFile(join(outside, 'x.json'), JSON.stringify(committee));
    const meeting = { ...createMeeting(sampleDetails, new Date('2026-11-10T09:00:00Z')), committeeSlug: '../../outside/x' };
    await writeMeetingFile('meetings/2026/2026-11-10 x.json', meeting);

    const core = temp.startCore();
    const listing = await core.handlers['meetings.list']({});
    expect(listing.meetings).toEqual([]);
    expect(listing.unreadable).toEqual([{ file: 'meetings/2026/2026-11-10 x.json', problem: expect.stringContaining('committeeSlug') }]);
    expect(JSON.stringify(listing)).not.toContain(SECRET);
    const opening = await core.handlers['meetings.open']({ meetingId: meeting.id }).then(
      (opened) => JSON.stringify(opened),
      (error: unknown) => messageOf(error),
    );
    expect(opening).not.toContain('LEAK');
    expect(opening).not.toContain(SECRET);
  });

  it('is never joined into a path unless it is a slug', async () => {
    await writeFile(join(outside, 'x.json'), JSON.stringify({ ...createCommittee('Leaked'), name: SECRET }));
    const refused = await readCommittee(temp.library, '../../outside/x').then(
      () => 'read',
      (error: unknown) => messageOf(error),
    );
    expect(refused).toMatch(/not the name of a committee file/);
    expect(refused).not.toContain(SECRET);
    expect((await loadExportStyle(temp.library, '../../outside/x')).houseStyle.organisation).toBe('');
  });
});

describe('a library-relative path from a file or a journal line', () => {
  it.each([
    '../outside/m.json',
    'meetings/../../outside/m.json',
    '/etc/passwd',
    'meetings\\..\\..\\x.json',
    'C:/Windows/x.json',
    'meetings//x.json',
    'meetings/./x.json',
    '',
    'meetings/x\0.json',
  ])('is refused when it is %j', (file) => {
    expect(() => fromLibraryRelative(temp.library, file)).toThrow(/is not a file inside the library folder/);
  });

  it('is the file inside the library when it is an ordinary one', () => {
    expect(fromLibraryRelative(temp.library, 'meetings/2026/2026-11-10 x.json')).toBe(join(temp.library, 'meetings', '2026', '2026-11-10 x.json'));
  });

  it('is refused when a folder on the way is a symbolic link to somewhere else', async () => {
    await mkdir(join(outside, '2026'));
    await symlink(join(outside, '2026'), join(temp.library, 'meetings', '2026'));
    await expect(confinedLibraryPath(temp.library, 'meetings/2026/2026-11-10 x.json')).rejects.toThrow(/symbolic link/);
  });

  it('is not where a new meeting is written when its year folder is a symbolic link', async () => {
    await mkdir(join(outside, '2026'));
    await symlink(join(outside, '2026'), join(temp.library, 'meetings', '2026'));
    const core = temp.startCore();
    await expect(core.handlers['meetings.create'](sampleDetails)).rejects.toThrow(/symbolic link/);
    await core.close();
    expect(await readdir(join(outside, '2026'))).toEqual([]);
  });

  it('opens no session on a journal’s file outside the library', async () => {
    const meeting = createMeeting(sampleDetails, new Date('2026-11-10T09:00:00Z'));
    await writeFile(join(outside, 'm.json'), JSON.stringify({ ...meeting, title: SECRET }));
    const context = {
      libraryRoot: temp.library,
      journalDir: join(temp.data, 'journal'),
    } as Parameters<typeof MeetingSession.open>[0];
    const refused = await MeetingSession.open(context, meeting.id, '../outside/m.json', 'read-only').then(
      () => 'opened',
      (error: unknown) => messageOf(error),
    );
    expect(refused).toMatch(/not a file inside the library folder/);
    expect(refused).not.toContain(SECRET);
  });
});

describe('a symbolic link in the library', () => {
  it('is not read as a meeting file, and the file it points to is not quoted', async () => {
    const meeting = { ...createMeeting(sampleDetails, new Date('2026-11-10T09:00:00Z')), title: SECRET };
    await writeFile(join(outside, 'm.json'), JSON.stringify(meeting));
    await mkdir(join(temp.library, 'meetings', '2026'), { recursive: true });
    const link = join(temp.library, 'meetings', '2026', '2026-11-10 linked.json');
    await symlink(join(outside, 'm.json'), link);
    const refused = await readMeetingFile(link).then(
      () => 'read',
      (error: unknown) => messageOf(error),
    );
    expect(refused).toMatch(/symbolic link/);
    expect(refused).not.toContain(SECRET);

    const core = temp.startCore();
    const listing = await core.handlers['meetings.list']({});
    expect(listing.meetings).toEqual([]);
    expect(listing.unreadable).toEqual([{ file: 'meetings/2026/2026-11-10 linked.json', problem: expect.stringMatching(/symbolic link/) }]);
    await expect(core.handlers['meetings.open']({ meetingId: meeting.id })).rejects.toThrow(/no longer in the library/);
    // The file outside is as it was: nothing was written through the link.
    expect(JSON.parse(await readFile(join(outside, 'm.json'), 'utf8'))).toEqual(meeting);
  });

  it('is not read as a committee file', async () => {
    await writeFile(join(outside, 'leaked.json'), JSON.stringify({ ...createCommittee('Leaked'), name: SECRET }));
    await mkdir(join(temp.library, 'committees'), { recursive: true });
    await symlink(join(outside, 'leaked.json'), join(temp.library, 'committees', 'leaked.json'));
    const core = temp.startCore();
    const listing = await core.handlers['committees.list']({});
    expect(listing.committees).toEqual([]);
    expect(listing.unreadable).toEqual([{ file: 'committees/leaked.json', problem: expect.stringMatching(/symbolic link/) }]);
    expect(JSON.stringify(listing)).not.toContain(SECRET);
    await expect(readCommittee(temp.library, 'leaked')).rejects.toThrow(/symbolic link/);
  });

  it('named like a conflict copy is not read as one', async () => {
    const meeting = createMeeting(sampleDetails, new Date('2026-11-10T09:00:00Z'));
    const file = await writeMeetingFile('meetings/2026/2026-11-10 x.json', meeting);
    await writeFile(join(outside, 'copy.json'), JSON.stringify({ ...meeting, title: SECRET }));
    await symlink(join(outside, 'copy.json'), join(temp.library, 'meetings', '2026', '2026-11-10 x copy.json'));
    const scan = await findConflictCopies(file, meeting.id);
    expect(scan.copies).toEqual([]);
    expect(JSON.stringify(scan)).not.toContain(SECRET);
  });

  it('as the house-style logo or template is refused with a sentence', async () => {
    await writeFile(join(outside, 'logo.png'), Buffer.from(SECRET));
    await mkdir(join(temp.library, 'house-style'));
    await symlink(join(outside, 'logo.png'), join(temp.library, 'house-style', 'logo.png'));
    await symlink(join(outside, 'logo.png'), join(temp.library, 'house-style', 'template.dotx'));
    const settings = JSON.parse(await readFile(join(temp.library, 'library.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(temp.library, 'library.json'),
      JSON.stringify({ ...settings, houseStyle: { logo: { file: 'house-style/logo.png', altText: 'Logo', widthMm: 40 } } }),
    );
    await expect(loadExportStyle(temp.library, undefined)).rejects.toThrow(/The house-style logo “house-style\/logo.png” is a symbolic link/);
    await writeFile(join(temp.library, 'library.json'), JSON.stringify({ ...settings, houseStyle: { template: 'house-style/template.dotx' } }));
    await expect(loadExportStyle(temp.library, undefined)).rejects.toThrow(/The house-style template “house-style\/template.dotx” is a symbolic link/);
  });
});

describe('a meeting id used as a history folder', () => {
  it('is refused unless it is an id', () => {
    expect(() => historyFolder(temp.library, '../../outside')).toThrow(/not a meeting id/);
    expect(historyFolder(temp.library, 'abcd1234')).toBe(join(temp.library, '.minutebook', 'history', 'abcd1234'));
  });
});
