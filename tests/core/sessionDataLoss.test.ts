/**
 * Sequences in a shared library that used to lose, or silently undo, what a clerk typed:
 * the journal replayed after a restart over a file a colleague changed meanwhile, closing a
 * meeting just as a colleague's version (written without merging) arrives, and a version that
 * arrives while the one being replaced is kept in the history, and a window that sends a whole
 * list made on the meeting as it was before a merge or a restore reached it. Two computers with
 * their own journals on one library folder; real files.
 */
import { execFileSync } from 'node:child_process';
import { constants, writeFileSync } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../main/domain/api';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { minutesText, type Meeting, type MinuteBlock } from '../../main/domain/meeting';
import { listenAtCrashPoints } from '../../main/core/crashPoints';
import { serializeLibraryFile } from '../../main/core/meetingFile';
import type { CoreOptions, MinuteBookCore } from '../../main/core/minuteBookCore';
import { OPENING, paragraph, setUpMeeting, sharedLibraryForEachTest, until } from '../support/twoComputers';

const shared = sharedLibraryForEachTest('mb-loss-', { retryDelayMs: 200 });
const { fileMeeting } = shared;

/** A clerk's computer: own settings and journal, the shared library. */
const computer = (displayName: string, computerName: string, options: Partial<CoreOptions> = {}): MinuteBookCore =>
  shared.computer(displayName, computerName, options).core;

/** Jane's computer, and the meeting set up on it (setUpMeeting). */
async function janeWithTheMeeting() {
  const jane = computer('Jane Smith', 'LAPTOP-12');
  return { jane, ...(await setUpMeeting(jane)) };
}

/** Sam opens the meeting on DESKTOP-7 (in `mode`, if given) and makes `changes`, which his computer saves to the library. */
async function samChanges(meetingId: string, changes: MeetingChange[], mode?: 'edit'): Promise<MinuteBookCore> {
  const sam = computer('Sam Patel', 'DESKTOP-7');
  const { view } = await sam.handlers['meetings.open'](mode ? { meetingId, mode } : { meetingId });
  await sam.handlers['meetings.applyChanges']({ seenView: view, meetingId, changes });
  return sam;
}

/** Every word of the record and of both sides of every flagged conflict. */
function everyWord(meeting: Meeting): string {
  const conflicts = meeting.conflicts.map((conflict) => JSON.stringify([conflict.kept, conflict.other]));
  return [...meeting.agenda.map((item) => minutesText(item.minutes)), ...conflicts].join('\n');
}

/** Tom's version: `base` with `extra` added to the item, saved on his computer. */
function tomsVersion(base: Meeting, itemId: string, extra: MinuteBlock, revision: string): Meeting {
  return {
    ...base,
    agenda: base.agenda.map((item) => (item.id === itemId ? { ...item, minutes: [...item.minutes, extra] } : item)),
    updatedAt: new Date().toISOString(),
    sync: { revision, lineage: [revision, ...(base.sync?.lineage ?? [])], savedBy: 'Tom Jones on DESKTOP-9', savedAt: new Date().toISOString() },
  };
}

/** Tom's computer writes a version over the file without having merged Jane's latest (as a sync tool does, or a save whose lock timed out). */
async function tomWritesOver(folder: string, base: Meeting, itemId: string, extra: MinuteBlock, revision: string): Promise<Meeting> {
  const theirs = tomsVersion(base, itemId, extra, revision);
  await writeFile(shared.meetingPath(folder), serializeLibraryFile(theirs));
  return theirs;
}

/**
 * Jane opens the meeting on LAPTOP-12; the drive drops (the library is moved to `away`), she types
 * a paragraph in the item (the window sends the item's whole list) and closes the meeting, and
 * the laptop is switched off with the change only in its journal. Meanwhile Tom, still on the
 * drive, adds a paragraph to the same item.
 */
async function janeTypesOfflineWhileTomAdds(tomsRevision: string) {
  const { jane, meetingId, itemId } = await janeWithTheMeeting();
  const { view } = await jane.handlers['meetings.open']({ meetingId });
  const before = await fileMeeting();
  const away = join(shared.root, 'library (disconnected)');
  await rename(shared.library, away);
  await jane.handlers['meetings.applyChanges']({
    seenView: view,
    meetingId,
    changes: [{ kind: 'item.minutes', itemId, minutes: [OPENING, paragraph('blk0000j', 'Jane typed this offline.')] }],
  });
  const closed = await jane.handlers['meetings.close']({ meetingId });
  await jane.close();
  await tomWritesOver(away, before, itemId, paragraph('blk0000t', 'Tom added this meanwhile.'), tomsRevision);
  return { meetingId, away, pendingChanges: closed.pendingChanges };
}

/** Jane opens the meeting and adds a paragraph that is saved in the file; `original` is the file before it. */
async function janeSavesAParagraph(text: string) {
  const { jane, meetingId, itemId } = await janeWithTheMeeting();
  const original = await fileMeeting();
  const { view } = await jane.handlers['meetings.open']({ meetingId });
  await jane.handlers['meetings.applyChanges']({
    seenView: view,
    meetingId,
    changes: [{ kind: 'item.minutes', itemId, minutes: [OPENING, paragraph('blk0000j', text)] }],
  });
  await until('Jane’s save', async () => (everyWord(await fileMeeting()).includes(text) ? true : undefined));
  return { jane, meetingId, itemId, original };
}

describe('changes kept on this computer, replayed after a restart', () => {
  it('keep the paragraph a colleague added to the same item meanwhile', async () => {
    const { meetingId, away, pendingChanges } = await janeTypesOfflineWhileTomAdds('tomwhileaway0001');
    expect(pendingChanges).toBeGreaterThan(0);
    await rename(away, shared.library);

    // Jane starts again: her journal is replayed into the file as it is now.
    const again = computer('Jane Smith', 'LAPTOP-12');
    const opened = await again.handlers['meetings.open']({ meetingId });
    expect(everyWord(opened.meeting)).toContain('Jane typed this offline.');
    expect(everyWord(opened.meeting)).toContain('Tom added this meanwhile.');
    await again.handlers['meetings.close']({ meetingId });
    const file = await fileMeeting();
    expect(everyWord(file)).toContain('Jane typed this offline.');
    expect(everyWord(file)).toContain('Tom added this meanwhile.');
  });

  it('keep a colleague’s paragraph when “Edit as well” replays them into a meeting that was open read only', async () => {
    const { meetingId, away } = await janeTypesOfflineWhileTomAdds('tomwhileaway0002');

    // Jane starts again while the drive is still away (nothing can be replayed yet); then it is back.
    const again = computer('Jane Smith', 'LAPTOP-12');
    await again.flushAll();
    await rename(away, shared.library);

    // Jane looks first (read only), then chooses to edit: her kept change goes on top of Tom's version.
    const reading = await again.handlers['meetings.open']({ meetingId, mode: 'read-only' });
    expect(everyWord(reading.meeting)).toContain('Tom added this meanwhile.');
    const editing = await again.handlers['meetings.setMode']({ meetingId, mode: 'edit' });
    expect(everyWord(editing.meeting)).toContain('Jane typed this offline.');
    expect(everyWord(editing.meeting)).toContain('Tom added this meanwhile.');
    await again.handlers['meetings.close']({ meetingId });
    const file = await fileMeeting();
    expect(everyWord(file)).toContain('Jane typed this offline.');
    expect(everyWord(file)).toContain('Tom added this meanwhile.');
  });
});

describe('closing a meeting', () => {
  it('merges a colleague’s version that arrived a moment before, instead of leaving the clerk’s saved paragraph out of the file', async () => {
    const { jane, meetingId, itemId, original } = await janeSavesAParagraph('Jane’s saved paragraph.');

    // Tom's version, made without Jane's save, replaces the file; Jane closes the meeting at that moment.
    await tomWritesOver(shared.library, original, itemId, paragraph('blk0000t', 'Tom’s paragraph.'), 'tomjustbefore001');
    await jane.handlers['meetings.close']({ meetingId });

    const file = await fileMeeting();
    expect(everyWord(file)).toContain('Jane’s saved paragraph.');
    expect(everyWord(file)).toContain('Tom’s paragraph.');
  });
});

describe('a colleague’s write just after this computer’s save', () => {
  it('is taken in, not mistaken for this computer’s own file, when it lands between the rename and the look at the file', async () => {
    const { jane, meetingId, itemId } = await janeWithTheMeeting();
    const original = await fileMeeting();
    const { view } = await jane.handlers['meetings.open']({ meetingId });

    // Tom's version (in place, as a sync tool may write it) lands at the exact moment Jane's save has renamed its file into place.
    const toms = serializeLibraryFile(
      tomsVersion(original, itemId, paragraph('blk0000t', 'Tom’s paragraph, written the instant after Jane’s save was put in place.'), 'tomjustafter0001'),
    );
    let landed = false;
    listenAtCrashPoints((step) => {
      if (step !== 'save.renamed' || landed) return;
      landed = true;
      writeFileSync(shared.meetingPath(shared.library), toms);
    });
    try {
      await jane.handlers['meetings.applyChanges']({
        seenView: view,
        meetingId,
        changes: [{ kind: 'item.minutes', itemId, minutes: [OPENING, paragraph('blk0000j', 'Jane’s saved paragraph.')] }],
      });
      await jane.flushAll();
    } finally {
      listenAtCrashPoints(undefined);
    }
    expect(landed).toBe(true);

    await jane.handlers['meetings.close']({ meetingId });
    const file = await fileMeeting();
    expect(everyWord(file)).toContain('Jane’s saved paragraph.');
    expect(everyWord(file)).toContain('Tom’s paragraph, written the instant after Jane’s save was put in place.');
  });
});

describe('saving while the history keeps the version being replaced', () => {
  it('merges a colleague’s version that arrives meanwhile instead of writing over it', async () => {
    const { meetingId, itemId, original } = await janeSavesAParagraph('Jane’s paragraph.');

    // The history folder answers slowly (a busy network drive): a version being kept there waits until we let it go.
    // A named pipe that sorts as the newest kept version holds the reading of it.
    const historyFolder = join(shared.library, '.minutebook', 'history', meetingId);
    await mkdir(historyFolder, { recursive: true });
    const slow = join(historyFolder, '2099-01-01T00-00-00-000Z deadbeef.json.gz');
    execFileSync('mkfifo', [slow]);

    // Tom's version (without Jane's paragraph) arrives; Jane's computer merges it and saves, keeping Tom's in the history.
    const tomsFirst = await tomWritesOver(shared.library, original, itemId, paragraph('blk0000t', 'Tom’s first paragraph.'), 'tomfirst00000001');
    const writer = await until('Jane’s computer to be keeping a version', () => open(slow, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => undefined));

    // Meanwhile Tom's second version, made on his first, replaces the file (a sync tool does not honour the write lock).
    await tomWritesOver(shared.library, tomsFirst, itemId, paragraph('blk0000u', 'Tom’s second paragraph.'), 'tomsecond0000001');
    await writer.close();
    await rm(slow);

    await until('every paragraph in the file', async () => {
      const now = await fileMeeting();
      const words = everyWord(now);
      return ['Jane’s paragraph.', 'Tom’s first paragraph.', 'Tom’s second paragraph.'].every((text) => words.includes(text)) ? now : undefined;
    });
  });
});

describe('switching to read only', () => {
  it('is refused while the clerk’s latest changes have not reached the library, so they stay on the screen', async () => {
    const { jane, meetingId, itemId } = await janeWithTheMeeting();
    const { view } = await jane.handlers['meetings.open']({ meetingId });

    const away = join(shared.root, 'library (disconnected)');
    await rename(shared.library, away);
    const minutes = [OPENING, paragraph('blk0000j', 'Jane typed this offline.')];
    await jane.handlers['meetings.applyChanges']({ seenView: view, meetingId, changes: [{ kind: 'item.minutes', itemId, minutes }] });

    await expect(jane.handlers['meetings.setMode']({ meetingId, mode: 'read-only' })).rejects.toThrow(/cannot switch to read only yet/);
    const reopened = await jane.handlers['meetings.open']({ meetingId });
    expect(reopened.mode).toBe('edit');
    expect(everyWord(reopened.meeting)).toContain('Jane typed this offline.');

    // Once the library is back and the change saved, read only is fine.
    await rename(away, shared.library);
    await until('the change saved', async () =>
      everyWord(await fileMeeting().catch(() => ({ agenda: [], conflicts: [] }) as unknown as Meeting)).includes('Jane typed this offline.') ? true : undefined,
    );
    await until(
      'read only accepted',
      async () =>
        await jane.handlers['meetings.setMode']({ meetingId, mode: 'read-only' })
          .then(() => true)
          .catch(() => undefined),
    );
  });
});

describe('a window that has not seen a merge yet', () => {
  /** Every meeting the core pushed to the window. */
  function pushedTo(core: MinuteBookCore): Array<Extract<ApiEvent, { type: 'meetingUpdated' }>> {
    const pushed: Array<Extract<ApiEvent, { type: 'meetingUpdated' }>> = [];
    core.onEvent((event) => {
      if (event.type === 'meetingUpdated') pushed.push(event);
    });
    return pushed;
  }

  it('keeps the colleague’s paragraph when a list made before the merge arrives long after it (no time limit involved)', async () => {
    const { jane, meetingId, itemId } = await janeWithTheMeeting();
    const pushed = pushedTo(jane);
    const opened = await jane.handlers['meetings.open']({ meetingId });

    // Sam adds a paragraph; Jane's computer merges it and pushes it to her window, which does not take it in
    // (the renderer was busy, or the browser's event stream reconnected and missed it).
    await samChanges(meetingId, [{ kind: 'item.minutes', itemId, minutes: [OPENING, paragraph('blk0000s', 'Sam’s paragraph.')] }], 'edit');
    const merged = await until('Jane’s computer to merge Sam’s paragraph', () => pushed.find((event) => everyWord(event.meeting).includes('Sam’s paragraph.')));
    expect(merged.view).not.toBe(opened.view);

    // Jane's window sends the item's whole list as it has it: without Sam's paragraph, made on the view it opened with.
    const janes: MeetingChange = { kind: 'item.minutes', itemId, minutes: [OPENING, paragraph('blk0000j', 'Jane’s paragraph.')] };
    await jane.handlers['meetings.applyChanges']({ meetingId, changes: [janes], seenView: opened.view });

    const now = (await jane.handlers['meetings.open']({ meetingId })).meeting;
    expect(everyWord(now)).toContain('Sam’s paragraph.');
    expect(everyWord(now)).toContain('Jane’s paragraph.');
    // The window is shown the meeting with both, under a newer view.
    const shown = await until('the window to be shown both paragraphs', () =>
      pushed.find((event) => event.view !== merged.view && everyWord(event.meeting).includes('Jane’s paragraph.')),
    );
    expect(everyWord(shown.meeting)).toContain('Sam’s paragraph.');
    await jane.handlers['meetings.close']({ meetingId });
    const file = await fileMeeting();
    expect(everyWord(file)).toContain('Sam’s paragraph.');
    expect(everyWord(file)).toContain('Jane’s paragraph.');
  });

  it('applies a change made on the meeting as it now is directly, even one that puts back words a colleague just changed', async () => {
    const { jane, meetingId, itemId } = await janeWithTheMeeting();
    const pushed = pushedTo(jane);
    await jane.handlers['meetings.open']({ meetingId });
    await samChanges(meetingId, [{ kind: 'item.minutes', itemId, minutes: [paragraph('blk00001', 'Sam rewrote the opening.')] }], 'edit');
    const merged = await until('Jane’s window to be shown Sam’s words', () =>
      pushed.find((event) => everyWord(event.meeting).includes('Sam rewrote the opening.')),
    );

    // Jane has seen Sam's words and, within seconds of the merge, deliberately puts the original back.
    const putBack: MeetingChange = { kind: 'item.minutes', itemId, minutes: [OPENING] };
    const pushedBefore = pushed.length;
    await jane.handlers['meetings.applyChanges']({ meetingId, changes: [putBack], seenView: merged.view });

    const now = (await jane.handlers['meetings.open']({ meetingId })).meeting;
    const expected = applyMeetingChange(merged.meeting, putBack, new Date());
    const content = ({ sync: _sync, updatedAt: _updated, ...rest }: Meeting) => rest;
    expect(content(now)).toEqual(content(expected));
    expect(now.conflicts).toEqual([]);
    expect(minutesText(now.agenda[0]!.minutes)).toBe('The Director introduced the report.');
    // Nothing to correct: the window is not sent the meeting again.
    expect(pushed.slice(pushedBefore)).toEqual([]);
  });

  it('does not undo a restored version with a change the window made on the meeting before the restore', async () => {
    const { jane, meetingId, itemId } = await janeWithTheMeeting();
    const sam = await samChanges(meetingId, [{ kind: 'item.minutes', itemId, minutes: [paragraph('blk00001', 'Sam rewrote the opening.')] }]);
    await sam.handlers['meetings.close']({ meetingId });

    const opened = await jane.handlers['meetings.open']({ meetingId });
    expect(everyWord(opened.meeting)).toContain('Sam rewrote the opening.');
    const { versions } = await jane.handlers['meetings.history.list']({ meetingId });
    const janes = versions.find((version) => version.savedBy === 'Jane Smith on LAPTOP-12');
    expect(janes).toBeDefined();
    const restored = await jane.handlers['meetings.history.restore']({ meetingId, versionId: janes!.versionId });
    expect(restored.view).not.toBe(opened.view);

    // A list the window made before it was shown the restored version (Sam's words, and a new paragraph) arrives now.
    const made: MeetingChange = {
      kind: 'item.minutes',
      itemId,
      minutes: [paragraph('blk00001', 'Sam rewrote the opening.'), paragraph('blk0000j', 'Jane typed this just before restoring.')],
    };
    await jane.handlers['meetings.applyChanges']({ meetingId, changes: [made], seenView: opened.view });

    const now = (await jane.handlers['meetings.open']({ meetingId })).meeting;
    expect(everyWord(now)).toContain('The Director introduced the report.');
    expect(everyWord(now)).not.toContain('Sam rewrote the opening.');
    expect(everyWord(now)).toContain('Jane typed this just before restoring.');
    await jane.handlers['meetings.close']({ meetingId });
    const file = await fileMeeting();
    expect(everyWord(file)).toContain('The Director introduced the report.');
    expect(everyWord(file)).not.toContain('Sam rewrote the opening.');
    expect(everyWord(file)).toContain('Jane typed this just before restoring.');
  });

  it('merges a paragraph change made on an earlier view three-way with a colleague’s change to the same paragraph', async () => {
    const { jane, meetingId, itemId } = await janeWithTheMeeting();
    const pushed = pushedTo(jane);
    const opened = await jane.handlers['meetings.open']({ meetingId });
    await samChanges(
      meetingId,
      [
        { kind: 'block.put', itemId, block: paragraph('blk00001', 'Sam rewrote the opening.'), after: null },
        { kind: 'block.put', itemId, block: paragraph('blk0000s', 'Sam’s paragraph.'), after: 'blk00001' },
      ],
      'edit',
    );
    await until('Jane’s computer to merge Sam’s words', () => pushed.find((event) => everyWord(event.meeting).includes('Sam’s paragraph.')));

    // Jane's window, still on the view it opened with, types on in the opening paragraph and adds one after it.
    await jane.handlers['meetings.applyChanges']({
      meetingId,
      changes: [
        { kind: 'block.put', itemId, block: paragraph('blk00001', 'The Director introduced the report. Jane typed on.'), after: null },
        { kind: 'block.put', itemId, block: paragraph('blk0000j', 'Jane’s paragraph.'), after: 'blk00001' },
      ],
      seenView: opened.view,
    });
    const now = (await jane.handlers['meetings.open']({ meetingId })).meeting;
    for (const words of ['Sam rewrote the opening.', 'Sam’s paragraph.', 'Jane typed on.', 'Jane’s paragraph.']) expect(everyWord(now)).toContain(words);
    expect(now.conflicts).toEqual([expect.objectContaining({ kind: 'paragraph', blockId: 'blk00001' })]);
    await jane.handlers['meetings.close']({ meetingId });
    const file = await fileMeeting();
    for (const words of ['Sam rewrote the opening.', 'Sam’s paragraph.', 'Jane typed on.', 'Jane’s paragraph.']) expect(everyWord(file)).toContain(words);
  });
});
