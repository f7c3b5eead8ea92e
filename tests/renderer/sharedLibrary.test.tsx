// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Presence } from '../../main/domain/api';
import type { MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, type AgendaItem, type FieldConflict, type Meeting, type MinuteBlock, type ParagraphConflict } from '../../main/domain/meeting';
import { App } from '../../renderer/app/App';
import { describeSaveState } from '../../renderer/app/saveStateText';
import { MINUTES_SAVE_MAX_WAIT_MS } from '../../renderer/minutes/minutesSaveSchedule';
import { startFakeClock } from './fakeClock';
import { FakeApi } from './fakeApi';

const first: MinuteBlock = { id: 'blk-first-0001', type: 'paragraph', runs: [{ text: 'The Chair welcomed everyone.' }] };
const second: MinuteBlock = { id: 'blk-second-001', type: 'paragraph', runs: [{ text: 'Apologies were noted.' }] };

const agenda: AgendaItem[] = [
  { ...createAgendaItem('Welcome'), id: 'item-welcome', minutes: [first, second] },
  { ...createAgendaItem('Planning applications'), id: 'item-planning' },
];

const COMMITTEE = 'Planning Committee';

function seed(api: FakeApi, change?: (meeting: Meeting) => Meeting): Meeting {
  return api.addMeeting({ committee: COMMITTEE, title: '', date: '2022-11-08', startTime: '10:00', venue: 'Guildhall' }, (meeting) => {
    const withAgenda = { ...meeting, agenda };
    return change ? change(withAgenda) : withAgenda;
  });
}

function presenceOf(displayName: string, computerName: string, since: string, extra: Partial<Presence> = {}): Presence {
  return {
    sessionId: `session-${displayName.replace(/\W/g, '')}`,
    displayName,
    computerName,
    mode: 'edit',
    since,
    heartbeat: since,
    stale: false,
    description: `Being edited by ${displayName} on ${computerName}`,
    ...extra,
  };
}

// Local times (no zone), so the clock the clerk sees reads 10:02 wherever the test runs.
const jane = presenceOf('Jane Smith', 'LAPTOP-12', '2022-11-08T10:02:00');

async function openMeeting(api: FakeApi, meeting: Meeting) {
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(await screen.findByRole('button', { name: `Open ${meeting.committee} 2022-11-08` }));
  return user;
}

async function openedEditing(api = new FakeApi(), change?: (meeting: Meeting) => Meeting) {
  const meeting = seed(api, change);
  const user = await openMeeting(api, meeting);
  await screen.findByRole('heading', { level: 1, name: COMMITTEE });
  return { api, meeting, user, minutes: screen.getByRole('textbox', { name: 'Minutes' }) };
}

function textOf(blocks: readonly MinuteBlock[] | undefined): string[] {
  return (blocks ?? []).map((block) => block.runs.map((run) => run.text).join(''));
}

function placeCursorAtEnd(element: Element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  range.collapse(false);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

function openCalls(api: FakeApi) {
  return api.calls.filter((call) => call.name === 'meetings.open').map((call) => call.input);
}

describe('opening a meeting someone else is editing', () => {
  it('says who and since when, and opens it read only when the clerk chooses so', async () => {
    const api = new FakeApi();
    const meeting = seed(api);
    api.presence.set(meeting.id, [jane]);
    const user = await openMeeting(api, meeting);

    const dialog = await screen.findByRole('dialog', { name: 'Someone is editing this meeting' });
    expect(within(dialog).getByText('Being edited by Jane Smith on LAPTOP-12 since 10:02.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Read only' }));
    expect(within(dialog).getByRole('button', { name: 'Edit as well' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Read only' }));

    await screen.findByRole('heading', { level: 1, name: COMMITTEE });
    expect(openCalls(api)).toEqual([{ meetingId: meeting.id, mode: 'read-only' }]);
    const banner = screen.getByRole('region', { name: 'Read only' });
    expect(within(banner).getByText('Read only — this updates as Jane Smith types')).toBeTruthy();
    expect(screen.getByText('Also open: Jane Smith on LAPTOP-12 (editing since 10:02)')).toBeTruthy();
  });

  it('opens it for editing as well, or not at all on Cancel', async () => {
    const api = new FakeApi();
    const meeting = seed(api);
    api.presence.set(meeting.id, [jane]);
    const user = await openMeeting(api, meeting);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(openCalls(api)).toEqual([]);

    await user.click(screen.getByRole('button', { name: `Open ${COMMITTEE} 2022-11-08` }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Edit as well' }));
    await screen.findByRole('heading', { level: 1, name: COMMITTEE });
    expect(openCalls(api)).toEqual([{ meetingId: meeting.id, mode: 'edit' }]);
    expect(screen.queryByRole('region', { name: 'Read only' })).toBeNull();
  });

  it('names a session that has gone quiet, which opening takes over, and tells the clerk what the core did', async () => {
    const api = new FakeApi();
    const meeting = seed(api);
    api.presence.set(meeting.id, [presenceOf('Tom Jones', 'DESK-3', '2022-11-08T09:15:00', { heartbeat: '2022-11-08T09:40:00', stale: true })]);
    api.openNotices.set(meeting.id, ['Tom Jones’s session on DESK-3 (not heard from since 09:40) was taken over.']);
    const user = await openMeeting(api, meeting);
    const dialog = await screen.findByRole('dialog', { name: 'Open meeting' });
    expect(within(dialog).getByText('Was being edited by Tom Jones on DESK-3, not heard from since 09:40; it will be taken over.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Open for editing' }));
    await screen.findByRole('heading', { level: 1, name: COMMITTEE });
    await waitFor(() =>
      expect(
        screen.getAllByRole('status').some((status) => status.textContent === 'Tom Jones’s session on DESK-3 (not heard from since 09:40) was taken over.'),
      ).toBe(true),
    );
  });

  it('opens straight away when the others only read it', async () => {
    const api = new FakeApi();
    const meeting = seed(api);
    api.presence.set(meeting.id, [presenceOf('Jane Smith', 'LAPTOP-12', '2022-11-08T10:02:00', { mode: 'read-only' })]);
    await openMeeting(api, meeting);
    await screen.findByRole('heading', { level: 1, name: COMMITTEE });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Also open: Jane Smith on LAPTOP-12 (reading since 10:02)')).toBeTruthy();
  });
});

describe('a meeting open read only', () => {
  async function openReadOnly() {
    const api = new FakeApi();
    const meeting = seed(api);
    api.presence.set(meeting.id, [jane]);
    const user = await openMeeting(api, meeting);
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Read only' }));
    await screen.findByRole('heading', { level: 1, name: COMMITTEE });
    return { api, meeting, user };
  }

  it('changes nothing but can be read and moved around in', async () => {
    const { api, user } = await openReadOnly();
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    expect(minutes.getAttribute('aria-readonly')).toBe('true');
    expect(minutes.getAttribute('contenteditable')).toBe('false');
    expect(screen.getByRole('textbox', { name: 'Item title' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('textbox', { name: 'Background' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('spinbutton', { name: 'First minute number' }).matches(':disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Bold' }).matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Add agenda item' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete item' })).toBeNull();
    // A shortcut that would change the meeting says why it does nothing.
    await user.keyboard('{Control>}{Shift>}A{/Shift}{/Control}');
    expect(screen.getByText('This meeting is open read only. Choose “Edit as well” to change it.')).toBeTruthy();

    const agendaNav = screen.getByRole('navigation', { name: 'Agenda' });
    await user.click(within(agendaNav).getByRole('button', { name: /Planning applications/ }));
    expect((screen.getByRole('textbox', { name: 'Item title' }) as HTMLInputElement).value).toBe('Planning applications');
    expect(api.changesSent()).toEqual([]);
  });

  it('follows the colleague’s typing and changes of who is here, then edits as well', async () => {
    const { api, meeting, user } = await openReadOnly();
    act(() => {
      api.changeFromElsewhere(
        meeting.id,
        [{ kind: 'item.minutes', itemId: 'item-welcome', minutes: [{ ...first, runs: [{ text: 'The Chair, Cllr Ball, welcomed everyone.' }] }, second] }],
        { from: 'Jane Smith' },
      );
    });
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    expect(minutes.textContent).toContain('The Chair, Cllr Ball, welcomed everyone.');
    expect(screen.getByText('Updated with changes from Jane Smith')).toBeTruthy();
    act(() => {
      api.changeFromElsewhere(meeting.id, [{ kind: 'item.update', itemId: 'item-welcome', fields: { title: 'Welcome and introductions' } }], {
        from: 'Jane Smith',
      });
    });
    expect((screen.getByRole('textbox', { name: 'Item title' }) as HTMLInputElement).value).toBe('Welcome and introductions');

    act(() => api.presenceChanged(meeting.id, [jane, presenceOf('Tom Jones', 'DESK-3', '2022-11-08T10:20:00', { mode: 'read-only' })]));
    expect(screen.getByText('Also open: Jane Smith on LAPTOP-12 (editing since 10:02); Tom Jones on DESK-3 (reading since 10:20)')).toBeTruthy();

    await user.click(within(screen.getByRole('region', { name: 'Read only' })).getByRole('button', { name: 'Edit as well' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Read only' })).toBeNull());
    expect(
      api.calls.some((call) => call.name === 'meetings.setMode' && JSON.stringify(call.input) === JSON.stringify({ meetingId: meeting.id, mode: 'edit' })),
    ).toBe(true);
    expect(minutes.getAttribute('contenteditable')).toBe('true');
    const title = screen.getByRole('textbox', { name: 'Item title' });
    expect(title.matches(':disabled')).toBe(false);
    await user.type(title, ' (Chair)');
    await waitFor(() => expect(api.meetings.get(meeting.id)?.agenda[0]?.title).toBe('Welcome and introductions (Chair)'));
  });
});

describe('changes from elsewhere while the clerk types', () => {
  it('keeps the cursor and every word typed, and the core ends with both', async () => {
    const { api, meeting, minutes } = await openedEditing();
    // On the fake clock, so however slowly a busy machine types, nothing is sent before Jane's words arrive.
    const clock = startFakeClock();
    try {
      const { user } = clock;
      const paragraphs = minutes.querySelectorAll('p');
      await user.click(paragraphs[1]!);
      placeCursorAtEnd(paragraphs[1]!);
      await user.keyboard(' Cllr Hale sent');
      expect(api.changesSent()).toEqual([]);
      act(() => {
        api.changeFromElsewhere(
          meeting.id,
          [{ kind: 'item.minutes', itemId: 'item-welcome', minutes: [{ ...first, runs: [{ text: 'The Chair welcomed everyone to Keynsham.' }] }, second] }],
          {
            from: 'Jane Smith',
          },
        );
      });
      expect(screen.getByText('Updated with changes from Jane Smith')).toBeTruthy();
      await user.keyboard(' apologies.');
      expect(minutes.querySelectorAll('p')[0]?.textContent).toBe('The Chair welcomed everyone to Keynsham.');
      expect(minutes.querySelectorAll('p')[1]?.textContent).toBe('Apologies were noted. Cllr Hale sent apologies.');
      await act(() => vi.advanceTimersByTimeAsync(MINUTES_SAVE_MAX_WAIT_MS));
    } finally {
      clock.stop();
    }
    await waitFor(() =>
      expect(textOf(api.meetings.get(meeting.id)?.agenda[0]?.minutes)).toEqual([
        'The Chair welcomed everyone to Keynsham.',
        'Apologies were noted. Cllr Hale sent apologies.',
      ]),
    );
  });

  it('puts back changes the core has not acknowledged yet, and sends each on the view it was made on so the core keeps the colleague’s paragraph', async () => {
    const { api, meeting, user, minutes } = await openedEditing();
    api.holdApplyChanges();
    const background = screen.getByRole('textbox', { name: 'Background' });
    await user.type(background, 'Report of the Chair.');
    const paragraphs = minutes.querySelectorAll('p');
    await user.click(paragraphs[1]!);
    placeCursorAtEnd(paragraphs[1]!);
    await user.keyboard(' Cllr Ward');
    // Sent (and held) before Jane's change arrives: it still holds her paragraph as it was.
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'meetings.applyChanges').length).toBeGreaterThan(0));
    const viewTyped = api.viewOf(meeting.id);
    act(() => {
      api.changeFromElsewhere(
        meeting.id,
        [
          { kind: 'item.minutes', itemId: 'item-welcome', minutes: [{ ...first, runs: [{ text: 'The Vice-Chair welcomed everyone.' }] }, second] },
          { kind: 'item.update', itemId: 'item-planning', fields: { title: 'Planning applications (Part 1)' } },
        ],
        { from: 'Jane Smith' },
      );
    });
    expect((background as HTMLTextAreaElement).value).toBe('Report of the Chair.');
    expect(minutes.querySelectorAll('p')[0]?.textContent).toBe('The Vice-Chair welcomed everyone.');
    expect(within(screen.getByRole('navigation', { name: 'Agenda' })).getByRole('button', { name: /Planning applications \(Part 1\)/ })).toBeTruthy();
    act(() => api.release());
    await waitFor(() => {
      const stored = api.meetings.get(meeting.id);
      expect(stored?.agenda[0]?.background).toBe('Report of the Chair.');
      expect(textOf(stored?.agenda[0]?.minutes)).toEqual(['The Vice-Chair welcomed everyone.', 'Apologies were noted. Cllr Ward']);
      expect(stored?.agenda[1]?.title).toBe('Planning applications (Part 1)');
    });
    act(() => api.release());
    // Each change says the view it was made on, so the core can merge it: what was typed before Jane's
    // change arrived says the view before it; minutes still waiting for the pause in typing when it
    // arrived go on her change, so say hers. Which of the two the minutes are depends on whether that
    // pause had come (on a busy machine it may have), so both are right; no change names any other.
    const viewUpdated = api.viewOf(meeting.id);
    expect(viewUpdated).not.toBe(viewTyped);
    const views = api.seenViewsSent();
    expect(views[0]).toBe(viewTyped);
    for (const seen of views) expect([viewTyped, viewUpdated]).toContain(seen);
    expect(views.indexOf(viewUpdated) < 0 || views.slice(views.indexOf(viewUpdated)).every((seen) => seen === viewUpdated)).toBe(true);
  });

  it('announces new conflicts with the update', async () => {
    const { api, meeting } = await openedEditing();
    act(() => {
      api.changeFromElsewhere(meeting.id, [{ kind: 'item.update', itemId: 'item-planning', fields: { background: 'Three applications.' } }], {
        from: 'Tom Jones',
        newConflicts: 2,
      });
    });
    expect(screen.getByText('Updated with changes from Tom Jones — 2 conflicts to resolve')).toBeTruthy();
  });
});

describe('conflicts', () => {
  const theirs: MinuteBlock = { id: first.id, type: 'paragraph', runs: [{ text: 'The Vice-Chair welcomed everyone.' }] };
  const paragraphConflict: ParagraphConflict = {
    id: 'conflict-aaaaaaaaaaaaaaaa',
    kind: 'paragraph',
    label: 'Item 1 Welcome, paragraph 1',
    detectedAt: '2022-11-08T10:30:00.000Z',
    itemId: 'item-welcome',
    blockId: first.id,
    base: first,
    kept: { block: first, author: 'Jane Smith' },
    other: { block: theirs, author: 'Tom Jones' },
  };
  const voteConflict: FieldConflict = {
    id: 'conflict-bbbbbbbbbbbbbbbb',
    kind: 'field',
    label: 'Decision on item 2: vote',
    detectedAt: '2022-11-08T10:30:00.000Z',
    collection: 'decisions',
    entityId: 'decision-planning',
    field: 'vote',
    kept: { value: { kind: 'counted', for: 5, against: 2, abstentions: 1 }, author: 'Jane Smith' },
    other: { value: { kind: 'unanimous' }, author: 'Tom Jones' },
  };
  const withConflicts = (meeting: Meeting): Meeting => ({
    ...meeting,
    decisions: [
      {
        id: 'decision-planning',
        itemId: 'item-planning',
        kind: 'RESOLVED',
        points: [{ id: 'point-1', text: 'to grant permission' }],
        vote: { kind: 'counted', for: 5, against: 2, abstentions: 1 },
      },
    ],
    conflicts: [paragraphConflict, voteConflict],
  });

  it('shows both versions side by side with their authors, resolves them one by one and moves the keyboard on', async () => {
    const { api, user, minutes } = await openedEditing(new FakeApi(), withConflicts);
    expect(screen.getByText(/1 conflict in this item/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Conflicts (2)' }));
    const dialog = screen.getByRole('dialog', { name: 'Conflicts to resolve (2)' });
    const paragraph = within(dialog).getByRole('group', { name: 'Item 1 Welcome, paragraph 1' });
    expect(document.activeElement).toBe(within(paragraph).getByRole('heading', { name: 'Item 1 Welcome, paragraph 1' }));
    const kept = within(paragraph).getByText('Kept in the minutes — Jane Smith').closest('figure')!;
    const other = within(paragraph).getByText('Other version — Tom Jones').closest('figure')!;
    expect(kept.textContent).toContain('The Chair welcomed everyone.');
    expect(other.textContent).toContain('The Vice-Chair welcomed everyone.');

    const vote = within(dialog).getByRole('group', { name: 'Decision on item 2: vote' });
    expect(vote.textContent).toContain('On being put to the vote the motion was CARRIED (For 5, Against 2, Abstentions 1).');
    expect(vote.textContent).toContain('On being put to the vote the motion was CARRIED unanimously.');

    await user.click(within(paragraph).getByRole('button', { name: 'Use the other version' }));
    expect(minutes.querySelectorAll('p')[0]?.textContent).toBe('The Vice-Chair welcomed everyone.');
    expect(screen.getByRole('dialog', { name: 'Conflicts to resolve (1)' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Decision on item 2: vote'));

    await user.click(within(screen.getByRole('group', { name: 'Decision on item 2: vote' })).getByRole('button', { name: 'Keep this version' }));
    expect(screen.getByText('All conflicts are resolved.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' })));
    expect(api.changesSent().filter((change) => (change as MeetingChange).kind === 'conflict.resolve')).toEqual([
      { kind: 'conflict.resolve', conflictId: paragraphConflict.id, resolution: 'other' },
      { kind: 'conflict.resolve', conflictId: voteConflict.id, resolution: 'kept' },
    ]);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('button', { name: /Conflicts/ })).toBeNull();
    await waitFor(() => expect(api.meetings.get([...api.meetings.keys()][0]!)?.conflicts).toEqual([]));
  });

  it('combines two versions of a paragraph into the text the clerk writes, from the item’s own button', async () => {
    const { api, user, minutes } = await openedEditing(new FakeApi(), (meeting) => ({ ...meeting, conflicts: [paragraphConflict] }));
    await user.click(screen.getByRole('button', { name: 'Resolve conflicts (1)' }));
    const group = screen.getByRole('group', { name: 'Item 1 Welcome, paragraph 1' });
    expect(within(group).queryByRole('button', { name: 'Combine…' })).toBeTruthy();
    await user.click(within(group).getByRole('button', { name: 'Combine…' }));
    const combined = within(group).getByRole('textbox', { name: 'Combined text' }) as HTMLTextAreaElement;
    expect(combined.value).toBe('The Chair welcomed everyone.\nThe Vice-Chair welcomed everyone.');
    await user.clear(combined);
    await user.type(combined, 'The Chair and Vice-Chair welcomed everyone.');
    await user.click(within(group).getByRole('button', { name: 'Use the combined text' }));
    expect(minutes.querySelectorAll('p')[0]?.textContent).toBe('The Chair and Vice-Chair welcomed everyone.');
    await waitFor(() =>
      expect(api.changesSent().at(-1)).toEqual({
        kind: 'conflict.resolve',
        conflictId: paragraphConflict.id,
        resolution: { block: { id: first.id, type: 'paragraph', runs: [{ text: 'The Chair and Vice-Chair welcomed everyone.' }] } },
      }),
    );
  });
});

describe('history', () => {
  it('lists earlier versions newest first and restores one after the clerk confirms', async () => {
    const api = new FakeApi();
    const meeting = seed(api);
    api.meetings.set(meeting.id, { ...meeting, agenda: [{ ...agenda[0]!, title: 'Welcome (as first typed)' }, agenda[1]!] });
    api.keepVersion(meeting.id, { savedAt: '2022-11-08T09:55:00', savedBy: 'Jane Smith on LAPTOP-12' });
    api.meetings.set(meeting.id, meeting);
    api.keepVersion(meeting.id, { savedAt: '2022-11-08T10:31:00', savedBy: 'Tom Jones on DESK-3', note: 'before a merge with Tom Jones’s changes' });
    const user = await openMeeting(api, meeting);
    await screen.findByRole('heading', { level: 1, name: COMMITTEE });

    await user.click(screen.getByRole('button', { name: 'History' }));
    const dialog = screen.getByRole('dialog', { name: 'History' });
    const list = await within(dialog).findByRole('list', { name: 'Earlier versions, newest first' });
    const versions = within(list).getAllByRole('listitem');
    expect(versions.map((version) => version.textContent)).toEqual([
      expect.stringContaining('Tuesday 8 November 2022 at 10:31Tom Jones on DESK-3before a merge with Tom Jones’s changes'),
      expect.stringContaining('Tuesday 8 November 2022 at 09:55Jane Smith on LAPTOP-12'),
    ]);
    await user.click(within(versions[1]!).getByRole('button', { name: 'Restore this version' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Restore this version?' });
    expect(within(confirm).getByText('The meeting goes back to this version. The current version will be kept in history.')).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Restore' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'History' })).toBeNull());
    expect((screen.getByRole('textbox', { name: 'Item title' }) as HTMLInputElement).value).toBe('Welcome (as first typed)');
    expect(screen.getByText('Restored the version of Tuesday 8 November 2022 at 09:55. The version it replaced is kept in history.')).toBeTruthy();
    expect(api.versions.get(meeting.id)?.length).toBe(3);
  });
});

describe('when the library cannot be reached', () => {
  it('counts the changes kept on this computer, calmly, and announces it once', async () => {
    const api = new FakeApi();
    let kept = 12;
    api.answerSaveState = (meetingId) => ({ meetingId, state: 'unreachable', pendingChanges: kept++, reason: 'the library folder is not there' });
    const { user, minutes } = await openedEditing(api);
    const status = () => screen.getAllByRole('status').find((each) => each.textContent?.startsWith('Library unreachable'));
    await waitFor(() => expect(status()?.textContent).toBe('Library unreachable — your changes are kept on this computer'));
    const announced = status();
    await user.click(minutes);
    await user.keyboard('Typing on.');
    await waitFor(() => expect(screen.getByText(/^Library unreachable — 1[3-9] changes kept on this computer$/)).toBeTruthy());
    expect(status()).toBe(announced);
    expect(status()?.textContent).toBe('Library unreachable — your changes are kept on this computer');
  });

  it('says "change" for one and "changes" for more', () => {
    const state = (pendingChanges: number) => describeSaveState({ meetingId: 'm', state: 'unreachable', pendingChanges }, false);
    expect(state(1)).toBe('Library unreachable — 1 change kept on this computer');
    expect(state(14)).toBe('Library unreachable — 14 changes kept on this computer');
    // Changes still being sent do not hide that the library is unreachable.
    expect(describeSaveState({ meetingId: 'm', state: 'unreachable', pendingChanges: 3 }, true)).toBe('Library unreachable — 3 changes kept on this computer');
  });
});
