/**
 * An open meeting in a shared library, as clerks on two computers experience it: a colleague's
 * change appears in the open window within three seconds, merged with what this clerk is typing;
 * a version written over without merging is recovered through lineage; conflict copies are merged
 * and archived; a read-only window never writes; history restores. Two cores with their own
 * journals on one library folder (two computers on a network drive), real files.
 */
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../main/domain/api';
import { minutesText, type Meeting } from '../../main/domain/meeting';
import { dispatchOperation } from '../../main/core/dispatch';
import { serializeLibraryFile } from '../../main/core/meetingFile';
import { paragraph, setUpMeeting, sharedLibraryForEachTest, until } from '../support/twoComputers';

const shared = sharedLibraryForEachTest('mb-shared-');
const { computer, fileMeeting } = shared;

function updates(events: readonly ApiEvent[]) {
  return events.flatMap((event) => (event.type === 'meetingUpdated' ? [event] : []));
}

const allText = (meeting: Meeting) => meeting.agenda.map((item) => `${item.title}\n${minutesText(item.minutes)}`).join('\n');

/** A meeting with one item, set up by Jane on LAPTOP-12 and closed. */
async function setUp() {
  const jane = computer('Jane Smith', 'LAPTOP-12');
  return { jane, ...(await setUpMeeting(jane.core)) };
}

describe('a meeting open on two computers', () => {
  it('shows a colleague’s change within three seconds, merged with what this clerk has typed meanwhile', async () => {
    const { jane, meetingId, itemId } = await setUp();
    const { view: janeView } = await jane.core.handlers['meetings.open']({ meetingId });
    const sam = computer('Sam Patel', 'DESKTOP-7');
    const { view: samView } = await sam.core.handlers['meetings.open']({ meetingId, mode: 'edit' });
    jane.events.length = 0;

    // Sam adds a paragraph; Jane, not having seen it yet, changes the venue.
    await sam.core.handlers['meetings.applyChanges']({
      seenView: samView,
      meetingId,
      changes: [
        {
          kind: 'item.minutes',
          itemId,
          minutes: [paragraph('blk00001', 'The Director introduced the report.'), paragraph('blk00002', 'Sam’s note on school places.')],
        },
      ],
    });
    await jane.core.handlers['meetings.applyChanges']({
      seenView: janeView,
      meetingId,
      changes: [{ kind: 'meeting.update', fields: { venue: 'Kaposvár Room' } }],
    });

    const update = await until('Jane to see Sam’s paragraph', () => updates(jane.events).find((event) => allText(event.meeting).includes('Sam’s note')));
    expect(update.from).toBe('Sam Patel on DESKTOP-7');
    expect(update.automatic).toBeGreaterThan(0);
    expect(update.meeting.venue).toBe('Kaposvár Room');

    // Both computers settle on one file holding both changes.
    await until('the file to hold both changes', async () => {
      const file = await fileMeeting();
      return file.venue === 'Kaposvár Room' && allText(file).includes('Sam’s note') ? file : undefined;
    });
    const janeNow = (await jane.core.handlers['meetings.open']({ meetingId })).meeting;
    const samNow = await until('Sam to see the venue', async () => {
      const opened = await sam.core.handlers['meetings.open']({ meetingId });
      return opened.meeting.venue === 'Kaposvár Room' ? opened.meeting : undefined;
    });
    expect(allText(samNow)).toBe(allText(janeNow));
    expect((await fileMeeting()).sync?.savedBy).toMatch(/^(Jane Smith on LAPTOP-12|Sam Patel on DESKTOP-7)$/);
  });

  it('does not report this computer’s own saves as changes from elsewhere', async () => {
    const { jane, meetingId, itemId } = await setUp();
    const { view } = await jane.core.handlers['meetings.open']({ meetingId });
    jane.events.length = 0;
    for (let n = 2; n <= 6; n += 1) {
      const minutes = Array.from({ length: n }, (_, index) => paragraph(`blk0000${index + 1}`, `Paragraph ${index + 1}.`));
      await jane.core.handlers['meetings.applyChanges']({ seenView: view, meetingId, changes: [{ kind: 'item.minutes', itemId, minutes }] });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await new Promise((resolve) => setTimeout(resolve, 2500)); // more than two polls after the last save
    expect(jane.events.some((event) => event.type === 'saveState' && event.saveState.state === 'saved')).toBe(true);
    expect(updates(jane.events)).toEqual([]);
  });

  it('recovers a change when another computer wrote over it without merging (lineage finds the true base)', async () => {
    const { jane, meetingId, itemId } = await setUp();
    const original = await fileMeeting(); // r0, as both computers had it
    const { view } = await jane.core.handlers['meetings.open']({ meetingId });
    await jane.core.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId,
      changes: [
        { kind: 'item.minutes', itemId, minutes: [paragraph('blk00001', 'The Director introduced the report.'), paragraph('blk0000j', 'Jane’s paragraph.')] },
      ],
    });
    await until('Jane’s save', async () => (allText(await fileMeeting()).includes('Jane’s paragraph') ? true : undefined));

    // Another computer, which never saw Jane's save, replaces the file with its own version of r0.
    const theirs: Meeting = {
      ...original,
      agenda: original.agenda.map((item) => ({ ...item, minutes: [...item.minutes, paragraph('blk0000t', 'Tom’s paragraph.')] })),
      updatedAt: new Date().toISOString(),
      sync: { revision: 'tomrevision00001', lineage: ['tomrevision00001', ...original.sync!.lineage], savedBy: 'Tom Jones on DESKTOP-9' },
    };
    await writeFile(shared.meetingPath(), serializeLibraryFile(theirs));

    // A merge based on "the last version Jane wrote" would take Jane's paragraph as deleted by Tom.
    const file = await until('both paragraphs in the file', async () => {
      const now = await fileMeeting();
      return allText(now).includes('Jane’s paragraph') && allText(now).includes('Tom’s paragraph') ? now : undefined;
    });
    expect(file.conflicts).toEqual([]);
    expect(file.sync?.lineage).toEqual(expect.arrayContaining(['tomrevision00001', original.sync!.revision]));
    const versions = (await jane.core.handlers['meetings.history.list']({ meetingId })).versions;
    expect(versions.some((version) => version.savedBy === 'Tom Jones on DESKTOP-9')).toBe(true);
  });

  it('merges a version with no common ancestor without deleting anything', async () => {
    const { jane, meetingId, itemId } = await setUp();
    const { view } = await jane.core.handlers['meetings.open']({ meetingId });
    const now = await fileMeeting();
    // A file from nowhere this computer knows (restored from a backup made elsewhere): different text in the same paragraph, one paragraph fewer.
    const stranger: Meeting = {
      ...now,
      agenda: now.agenda.map((item) => ({ ...item, minutes: [paragraph('blk00001', 'The Director presented the report.')] })),
      sync: { revision: 'strangerrevision', lineage: ['strangerrevision'] },
    };
    await jane.core.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId,
      changes: [
        { kind: 'item.minutes', itemId, minutes: [paragraph('blk00001', 'The Director introduced the report.'), paragraph('blk00002', 'Questions followed.')] },
      ],
    });
    await jane.core.flushAll();
    await writeFile(shared.meetingPath(), serializeLibraryFile(stranger));
    const merged = await until('the merge', async () => {
      const file = await fileMeeting();
      return file.sync?.lineage.includes('strangerrevision') && file.sync.revision !== 'strangerrevision' ? file : undefined;
    });
    expect(minutesText(merged.agenda[0]!.minutes)).toContain('Questions followed.');
    expect(merged.conflicts).toHaveLength(1);
    const conflictTexts = merged.conflicts.flatMap((conflict) =>
      conflict.kind === 'paragraph' ? [minutesText([conflict.kept.block]), minutesText([conflict.other.block])] : [],
    );
    expect(conflictTexts.sort()).toEqual(['The Director introduced the report.', 'The Director presented the report.']);
  });
});

describe('conflict copies', () => {
  it('merges a Syncthing conflict copy into the open meeting, archives it and tells the clerk', async () => {
    const { jane, meetingId } = await setUp();
    await jane.core.handlers['meetings.open']({ meetingId });
    jane.events.length = 0;
    const current = await fileMeeting();
    const copy: Meeting = {
      ...current,
      agenda: current.agenda.map((item) => ({ ...item, minutes: [...item.minutes, paragraph('blk0000c', 'Typed on the other laptop.')] })),
      sync: { revision: 'copyrevision0001', lineage: ['copyrevision0001', ...current.sync!.lineage], savedBy: 'Sam Patel on DESKTOP-7' },
    };
    const copyName = '2026-11-10 children-s-services-scrutiny-panel.sync-conflict-20261110-101500-ABCDEFG.json';
    await writeFile(join(shared.library, 'meetings', '2026', copyName), serializeLibraryFile(copy));

    const update = await until('the copy to be merged', () =>
      updates(jane.events).find((event) => allText(event.meeting).includes('Typed on the other laptop.')),
    );
    expect(update.from).toBe(`conflict copy from Syncthing (${copyName})`);
    await until('the copy to leave the folder', async () => (!(await readdir(join(shared.library, 'meetings', '2026'))).includes(copyName) ? true : undefined));
    expect(allText(await fileMeeting())).toContain('Typed on the other laptop.');
    expect((await readdir(join(shared.library, '.minutebook', 'history', meetingId))).some((name) => name.endsWith(`conflict copy ${copyName}`))).toBe(true);
    expect((await jane.core.handlers['meetings.list']({})).meetings).toHaveLength(1);
  });

  it('merges a copy found on opening and says so', async () => {
    const { meetingId } = await setUp();
    const current = await fileMeeting();
    const copy: Meeting = {
      ...current,
      venue: 'Committee Room 2',
      sync: { revision: 'copyrevision0002', lineage: ['copyrevision0002', ...current.sync!.lineage] },
    };
    const copyName = '2026-11-10 children-s-services-scrutiny-panel (Sam Patel’s conflicted copy 2026-11-10).json';
    await writeFile(join(shared.library, 'meetings', '2026', copyName), serializeLibraryFile(copy));
    const sam = computer('Sam Patel', 'DESKTOP-7');
    const opened = await sam.core.handlers['meetings.open']({ meetingId });
    expect(opened.meeting.venue).toBe('Committee Room 2');
    expect(opened.notices).toEqual([expect.stringContaining(`conflict copy from Dropbox (${copyName})`)]);
    expect((await readdir(join(shared.library, 'meetings', '2026'))).filter((name) => name.endsWith('.json'))).toHaveLength(1);
    expect((await fileMeeting()).venue).toBe('Committee Room 2');
  });
});

describe('reading only, and switching', () => {
  it('follows the file live, never writes the meeting or a journal, refuses changes, and edits after “Edit as well”', async () => {
    const { jane, meetingId, itemId } = await setUp();
    const { view: janeView } = await jane.core.handlers['meetings.open']({ meetingId });
    const sam = computer('Sam Patel', 'DESKTOP-7');
    const opened = await sam.core.handlers['meetings.open']({ meetingId, mode: 'read-only' });
    expect(opened.mode).toBe('read-only');
    expect(opened.presence).toEqual([
      expect.objectContaining({
        displayName: 'Jane Smith',
        computerName: 'LAPTOP-12',
        mode: 'edit',
        stale: false,
        description: expect.stringMatching(/^Being edited by Jane Smith on LAPTOP-12 since \d\d:\d\d$/),
      }),
    ]);
    await until('Jane to see Sam reading', async () => {
      const { presence } = await jane.core.handlers['meetings.presence']({ meetingId });
      return presence.some((each) => each.description.startsWith('Open read-only by Sam Patel on DESKTOP-7')) ? true : undefined;
    });

    await jane.core.handlers['meetings.applyChanges']({
      seenView: janeView,
      meetingId,
      changes: [{ kind: 'item.minutes', itemId, minutes: [paragraph('blk00001', 'Jane typed this live.')] }],
    });
    await until('Sam to see Jane’s typing', () => updates(sam.events).find((event) => allText(event.meeting).includes('Jane typed this live.')));

    const refused = await dispatchOperation(sam.core.handlers, 'meetings.applyChanges', {
      meetingId,
      seenView: opened.view,
      changes: [{ kind: 'meeting.update', fields: { venue: 'Sam’s venue' } }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringContaining('read only') } });
    await jane.core.flushAll();
    expect((await fileMeeting()).sync?.savedBy).toBe('Jane Smith on LAPTOP-12');
    expect(await readdir(join(sam.data, 'journal')).catch(() => [])).not.toContain(`${meetingId}.jsonl`);

    const editing = await sam.core.handlers['meetings.setMode']({ meetingId, mode: 'edit' });
    expect(editing.mode).toBe('edit');
    await sam.core.handlers['meetings.applyChanges']({
      seenView: editing.view,
      meetingId,
      changes: [{ kind: 'meeting.update', fields: { venue: 'Sam’s venue' } }],
    });
    await until('Sam’s change in the file', async () => ((await fileMeeting()).venue === 'Sam’s venue' ? true : undefined));
    await until('Jane to see Sam editing', async () => {
      const { presence } = await jane.core.handlers['meetings.presence']({ meetingId });
      return presence.some((each) => each.description.startsWith('Being edited by Sam Patel on DESKTOP-7')) ? true : undefined;
    });
    expect(minutesText((await fileMeeting()).agenda[0]!.minutes)).toBe('Jane typed this live.');
  });

  it('takes over a stale session with a notice and a note in the history', async () => {
    const { meetingId } = await setUp();
    const leasePath = shared.meetingPath() + '.0123456789abcdef.lock';
    const lastSeen = new Date(Date.now() - 10 * 60_000).toISOString();
    await writeFile(
      leasePath,
      JSON.stringify({
        format: 'minutebook.lease',
        version: 1,
        meetingId,
        sessionId: '0123456789abcdef',
        displayName: 'Tom Jones',
        computerName: 'DESKTOP-9',
        mode: 'edit',
        since: lastSeen,
        heartbeat: lastSeen,
      }),
    );
    const sam = computer('Sam Patel', 'DESKTOP-7');
    expect((await sam.core.handlers['meetings.presence']({ meetingId })).presence).toEqual([
      expect.objectContaining({ stale: true, description: expect.stringContaining('Was being edited by Tom Jones on DESKTOP-9') }),
    ]);
    const opened = await sam.core.handlers['meetings.open']({ meetingId });
    expect(opened.notices).toEqual([expect.stringContaining('Took over Tom Jones’s stale editing session (DESKTOP-9')]);
    expect(opened.presence).toEqual([]);
    await expect(stat(leasePath)).rejects.toThrow();
    const versions = (await sam.core.handlers['meetings.history.list']({ meetingId })).versions;
    expect(versions.some((version) => version.note?.startsWith('Took over Tom Jones’s stale editing session'))).toBe(true);
  });
});

describe('history', () => {
  it('restores an earlier version as a new version, keeping the one it replaces, and the open meeting goes on from it', async () => {
    const { jane, meetingId, itemId } = await setUp();
    // A colleague's version replaces Jane's: Jane's is kept in the history.
    const sam = computer('Sam Patel', 'DESKTOP-7');
    const { view: samView } = await sam.core.handlers['meetings.open']({ meetingId });
    await sam.core.handlers['meetings.applyChanges']({
      seenView: samView,
      meetingId,
      changes: [{ kind: 'item.minutes', itemId, minutes: [paragraph('blk00001', 'Sam rewrote the opening.')] }],
    });
    await sam.core.handlers['meetings.close']({ meetingId });

    await jane.core.handlers['meetings.open']({ meetingId });
    jane.events.length = 0;
    const { versions } = await jane.core.handlers['meetings.history.list']({ meetingId });
    const janes = versions.find((version) => version.savedBy === 'Jane Smith on LAPTOP-12');
    expect(janes).toBeDefined();
    const restored = await jane.core.handlers['meetings.history.restore']({ meetingId, versionId: janes!.versionId });
    expect(minutesText(restored.meeting.agenda[0]!.minutes)).toBe('The Director introduced the report.');
    expect(minutesText((await fileMeeting()).agenda[0]!.minutes)).toBe('The Director introduced the report.');
    expect(updates(jane.events).at(-1)?.from).toMatch(/restored$/);
    const after = (await jane.core.handlers['meetings.history.list']({ meetingId })).versions;
    expect(after.some((version) => version.note?.startsWith('before restoring the version of') && version.savedBy === 'Sam Patel on DESKTOP-7')).toBe(true);

    // The clerk goes on typing on top of the restored version.
    await jane.core.handlers['meetings.applyChanges']({
      seenView: restored.view,
      meetingId,
      changes: [{ kind: 'meeting.update', fields: { venue: 'After the restore' } }],
    });
    await jane.core.handlers['meetings.close']({ meetingId });
    const file = await fileMeeting();
    expect(file.venue).toBe('After the restore');
    expect(minutesText(file.agenda[0]!.minutes)).toBe('The Director introduced the report.');
  });
});

describe('the library folder itself', () => {
  it('is not made again, empty, when a library this computer used has gone away', async () => {
    const { jane } = await setUp();
    await jane.core.close();
    await copyFile(join(shared.library, 'library.json'), join(shared.root, 'library.json.saved'));
    await rm(shared.library, { recursive: true });
    const again = computer('Jane Smith', 'LAPTOP-12');
    const reply = await dispatchOperation(again.core.handlers, 'meetings.list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'library-unreachable' } });
    await expect(stat(shared.library)).rejects.toThrow();
    await mkdir(shared.library);
    expect(await dispatchOperation(again.core.handlers, 'meetings.list', {})).toMatchObject({ ok: true });
  });
});
