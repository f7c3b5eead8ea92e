/**
 * Export through the core's operations never writes over a file the clerk did not choose to
 * replace: the minutes and the action log are refused with 'export-target-exists' and a free
 * name, and written over only with `replace: true`. Real files in a temporary library.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommittee } from '../../main/domain/committee';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
let folder: string;
beforeEach(async () => {
  temp = await makeTempLibrary();
  folder = join(temp.root, 'Documents');
  await mkdir(folder);
});
afterEach(() => temp.remove());

describe('exporting over a file that is there', () => {
  it('asks first for the minutes: refused with a free name, written only when the clerk chose to replace', async () => {
    const core = temp.startCore();
    const { meeting } = await core.handlers['meetings.create'](sampleDetails);
    const target = join(folder, 'Minutes.docx');
    await writeFile(target, 'the minutes sent last week');
    await expect(core.handlers['meetings.export']({ meetingId: meeting.id, version: 'public', draft: true, target })).rejects.toMatchObject({
      code: 'export-target-exists',
      suggestedPath: join(folder, 'Minutes (2).docx'),
      message: `There is already a file called Minutes.docx in “${folder}”. Replace it, or save under another name.`,
    });
    expect(await readFile(target, 'utf8')).toBe('the minutes sent last week');
    const written = await core.handlers['meetings.export']({ meetingId: meeting.id, version: 'public', draft: true, target, replace: true });
    expect(written.path).toBe(target);
    expect(await readFile(target, 'utf8')).not.toBe('the minutes sent last week');
  });

  it('asks first in the library’s own Exports folder too, where no path was typed', async () => {
    const core = temp.startCore();
    const { meeting } = await core.handlers['meetings.create'](sampleDetails);
    const first = await core.handlers['meetings.export']({ meetingId: meeting.id, version: 'public', draft: true });
    await expect(core.handlers['meetings.export']({ meetingId: meeting.id, version: 'public', draft: true })).rejects.toMatchObject({
      code: 'export-target-exists',
    });
    expect((await core.handlers['meetings.export']({ meetingId: meeting.id, version: 'public', draft: true, replace: true })).path).toBe(first.path);
  });

  it('asks first for the action log', async () => {
    const core = temp.startCore();
    const committee = createCommittee('Planning');
    await core.handlers['committees.save']({ committee });
    await core.handlers['meetings.create']({ ...sampleDetails, committeeSlug: committee.slug });
    const target = join(folder, 'Actions.csv');
    await writeFile(target, 'kept');
    await expect(core.handlers['committees.exportActionLog']({ slug: committee.slug, format: 'csv', confidential: false, target })).rejects.toMatchObject({
      code: 'export-target-exists',
      suggestedPath: join(folder, 'Actions (2).csv'),
    });
    expect(await readFile(target, 'utf8')).toBe('kept');
    await core.handlers['committees.exportActionLog']({ slug: committee.slug, format: 'csv', confidential: false, target, replace: true });
    expect(await readFile(target, 'utf8')).not.toBe('kept');
  });
});
