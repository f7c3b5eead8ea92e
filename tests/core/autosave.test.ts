/**
 * Autosave as a clerk experiences it: every change is on this computer at once and in the
 * library file within a second; an unreachable library keeps everything locally and says so.
 */
import { readdir, readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEvent, SaveState } from '../../main/domain/api';
import { createAgendaItem, minutesText } from '../../main/domain/meeting';
import { parseMeetingData } from '../../main/domain/migrations';
import { dispatchOperation } from '../../main/core/dispatch';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';
import { PATIENCE_MS } from '../support/patience';

let temp: TempLibrary;
beforeEach(async () => {
  temp = await makeTempLibrary();
});
afterEach(() => temp.remove());

async function readLibraryMeeting(file: string) {
  const parsed = parseMeetingData(JSON.parse(await readFile(join(temp.library, file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.meeting;
}

function saveStates(events: readonly ApiEvent[]): SaveState[] {
  return events.flatMap((event) => (event.type === 'saveState' ? [event.saveState] : []));
}

/** The latest save state of the kind wanted (and, when given, that `matches` accepts), once the core has reported one. */
function waitForState(
  events: ApiEvent[],
  wanted: SaveState['state'],
  timeoutMs = PATIENCE_MS,
  matches: (state: SaveState) => boolean = () => true,
): Promise<SaveState> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const found = saveStates(events).findLast((state) => state.state === wanted && matches(state));
      if (found) {
        clearInterval(poll);
        resolve(found);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`no ${wanted} state within ${timeoutMs} ms; saw ${JSON.stringify(saveStates(events).map((state) => state.state))}`));
      }
    }, 10);
  });
}

describe('autosave', () => {
  it('creates the library and the meeting file under meetings/<year>/<date> <committee>.json', async () => {
    const core = temp.startCore();
    const { meeting, saveState } = await core.handlers['meetings.create'](sampleDetails);
    expect(saveState.state).toBe('saved');
    const listing = await core.handlers['meetings.list']({});
    expect(listing.meetings).toEqual([expect.objectContaining({ id: meeting.id, file: 'meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json' })]);
    expect(JSON.parse(await readFile(join(temp.library, 'library.json'), 'utf8'))).toMatchObject({ format: 'minutebook.library' });
  });

  it('writes a change to the library file within a second of the last keystroke, with no Save', async () => {
    const core = temp.startCore();
    const events: ApiEvent[] = [];
    core.onEvent((event) => events.push(event));
    const { meeting, view } = await core.handlers['meetings.create'](sampleDetails);
    events.length = 0;
    const item = createAgendaItem('Declarations of interest');
    const typedAt = Date.now();
    const state = await core.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [
        { kind: 'item.add', item, index: 0 },
        { kind: 'item.minutes', itemId: item.id, minutes: [{ id: 'blk00001', type: 'paragraph', runs: [{ text: 'There were none.' }] }] },
      ],
    });
    expect(state.state).toBe('saving');
    const saved = await waitForState(events, 'saved');
    expect(Date.now() - typedAt).toBeLessThan(1000);
    expect(saved.savedAt).toBeDefined();
    const onDisk = await readLibraryMeeting('meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json');
    expect(minutesText(onDisk.agenda[0]!.minutes)).toBe('There were none.');
  });

  it('shows when the library file was last written as soon as a meeting is opened', async () => {
    const first = temp.startCore();
    const { meeting } = await first.handlers['meetings.create'](sampleDetails);
    await first.close();
    const opened = await temp.startCore().handlers['meetings.open']({ meetingId: meeting.id });
    expect(opened.saveState).toMatchObject({ state: 'saved', pendingChanges: 0, savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('keeps the previous version in the history folder', async () => {
    const core = temp.startCore();
    const { meeting, view } = await core.handlers['meetings.create'](sampleDetails);
    await core.handlers['meetings.applyChanges']({
      seenView: view,
      meetingId: meeting.id,
      changes: [{ kind: 'meeting.update', fields: { venue: 'Kaposvár Room' } }],
    });
    await core.handlers['meetings.close']({ meetingId: meeting.id });
    const history = await readdir(join(temp.library, '.minutebook', 'history', meeting.id));
    expect(history.filter((name) => name.endsWith('.json.gz'))).toHaveLength(1);
  });

  it('says the library is unreachable, keeps every change on this computer, and catches up when it returns', async () => {
    const core = temp.startCore({ saveDelayMs: 50 });
    const events: ApiEvent[] = [];
    core.onEvent((event) => events.push(event));
    const { meeting, view } = await core.handlers['meetings.create'](sampleDetails);
    const item = createAgendaItem('Apologies for absence');
    events.length = 0;
    await core.handlers['meetings.applyChanges']({ seenView: view, meetingId: meeting.id, changes: [{ kind: 'item.add', item, index: 0 }] });
    await waitForState(events, 'saved');

    await rename(temp.library, `${temp.library}-away`); // the network drive drops
    events.length = 0;
    for (const text of ['Apologies were received from Councillor Ó Súilleabháin.', 'Councillor Davies attended as a substitute.']) {
      await core.handlers['meetings.applyChanges']({
        seenView: view,
        meetingId: meeting.id,
        changes: [{ kind: 'item.minutes', itemId: item.id, minutes: [{ id: 'blk00001', type: 'paragraph', runs: [{ text }] }] }],
      });
    }
    // A save may already have failed between the two changes (a busy machine), saying 1 pending:
    // wait for the report that counts both.
    const unreachable = await waitForState(events, 'unreachable', PATIENCE_MS, (state) => state.pendingChanges === 2);
    expect(unreachable.reason).toMatch(/not there|disconnected/);
    expect(unreachable.pendingChanges).toBe(2);

    await rename(`${temp.library}-away`, temp.library); // the drive is back
    events.length = 0;
    await waitForState(events, 'saved');
    const onDisk = await readLibraryMeeting('meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json');
    expect(minutesText(onDisk.agenda[0]!.minutes)).toBe('Councillor Davies attended as a substitute.');
  });

  it('replays changes kept on this computer when the app starts again after the library was away', async () => {
    const first = temp.startCore({ saveDelayMs: 50 });
    const { meeting } = await first.handlers['meetings.create'](sampleDetails);
    await first.handlers['meetings.close']({ meetingId: meeting.id });
    const reopened = await first.handlers['meetings.open']({ meetingId: meeting.id });
    await rename(temp.library, `${temp.library}-away`); // the VPN drops
    const item = createAgendaItem('Minutes of the previous meeting');
    await first.handlers['meetings.applyChanges']({ seenView: reopened.view, meetingId: reopened.meeting.id, changes: [{ kind: 'item.add', item, index: 0 }] });
    const closing = await first.handlers['meetings.close']({ meetingId: meeting.id });
    expect(closing).toMatchObject({ state: 'unreachable', pendingChanges: 1 });
    await first.close();
    await rename(`${temp.library}-away`, temp.library);

    const second = temp.startCore();
    const again = await second.handlers['meetings.open']({ meetingId: meeting.id });
    expect(again.meeting.agenda.map((each) => each.title)).toEqual(['Minutes of the previous meeting']);
    expect(again.saveState.state).toBe('saved');
    expect(again.saveState.savedAt).toBeDefined();
    expect((await readLibraryMeeting('meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json')).agenda).toHaveLength(1);
  });

  it('moves a deleted meeting to the history folder instead of destroying it', async () => {
    const core = temp.startCore();
    const { meeting } = await core.handlers['meetings.create'](sampleDetails);
    const { movedTo } = await core.handlers['meetings.delete']({ meetingId: meeting.id });
    expect(movedTo).toMatch(new RegExp(`^\\.minutebook/history/${meeting.id}/.* deleted\\.json$`));
    expect((await readLibraryMeeting(movedTo)).id).toBe(meeting.id);
    expect((await core.handlers['meetings.list']({})).meetings).toEqual([]);
  });

  it('lists a damaged file with its problem and leaves it alone', async () => {
    const core = temp.startCore();
    await core.handlers['meetings.create'](sampleDetails);
    await mkdir(join(temp.library, 'meetings', '2025'), { recursive: true });
    await writeFile(join(temp.library, 'meetings', '2025', '2025-03-01 board.json'), '{ "format": "minutebook.meeting", ');
    const listing = await core.handlers['meetings.list']({});
    expect(listing.meetings).toHaveLength(1);
    expect(listing.unreadable).toEqual([{ file: 'meetings/2025/2025-03-01 board.json', problem: expect.stringContaining('it is not valid JSON') }]);
    expect(await readFile(join(temp.library, 'meetings', '2025', '2025-03-01 board.json'), 'utf8')).toBe('{ "format": "minutebook.meeting", ');
  });

  it('refuses bad input at the boundary with a message naming the field', async () => {
    const core = temp.startCore();
    const reply = await dispatchOperation(core.handlers, 'meetings.create', { ...sampleDetails, date: '10/11/2026' });
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-input', message: 'meetings.create was refused: a date must look like 2022-11-08 (at date).' } });
    expect(await dispatchOperation(core.handlers, 'meetings.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
  });
});
