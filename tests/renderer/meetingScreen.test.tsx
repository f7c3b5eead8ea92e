// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, type AgendaItem, type Meeting } from '../../main/domain/meeting';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

const agenda: AgendaItem[] = [
  { ...createAgendaItem('Apologies'), id: 'item-apologies' },
  {
    ...createAgendaItem('Minutes of the last meeting'),
    id: 'item-minutes-last',
    background: 'Draft minutes of 11 October 2022 – circulated.',
    minutes: [{ id: 'blk-agreed-001', type: 'paragraph', runs: [{ text: 'Agreed as a correct record.' }] }],
  },
  { ...createAgendaItem('Director’s report – B&NES'), id: 'item-director' },
];

function seedPanel(api: FakeApi): Meeting {
  return api.addMeeting(
    {
      committee: 'Children, Adults, Health & Wellbeing Policy Development & Scrutiny Panel',
      title: 'Ordinary meeting',
      date: '2022-11-08',
      startTime: '10:00',
      venue: 'Brunswick Room, Guildhall',
    },
    (meeting) => ({ ...meeting, agenda }),
  );
}

async function openPanel(api: FakeApi = new FakeApi()) {
  const meeting = seedPanel(api);
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(await screen.findByRole('button', { name: `Open ${meeting.committee} 2022-11-08` }));
  await screen.findByRole('heading', { level: 1, name: meeting.committee });
  const agendaNav = screen.getByRole('navigation', { name: 'Agenda' });
  return { api, meeting, user, agendaNav };
}

/** Puts the page's selection at the end of an element, as a click at the end of a paragraph would. */
function placeCursorAtEnd(element: Element): void {
  const range = document.createRange();
  range.selectNodeContents(element);
  range.collapse(false);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

function sentChanges(api: FakeApi): MeetingChange[] {
  return api.changesSent() as MeetingChange[];
}

describe('an open meeting', () => {
  it('shows the committee, the date as a UK clerk writes it, and when it was last saved', async () => {
    await openPanel();
    expect(screen.getByText('Tuesday 8 November 2022')).toBeTruthy();
    expect(screen.getByText('Brunswick Room, Guildhall')).toBeTruthy();
    expect(screen.getByText('Ordinary meeting')).toBeTruthy();
    expect(screen.getByText('Saved at 10:42:13').getAttribute('role')).toBe('status');
  });

  it('lists the agenda as numbered buttons with the first item open', async () => {
    const { agendaNav } = await openPanel();
    const items = within(agendaNav).getAllByRole('button', { name: /^\d\. / });
    expect(items.map((item) => item.textContent)).toEqual(['1. Apologies', '2. Minutes of the last meeting', '3. Director’s report – B&NES']);
    expect(items[0]?.getAttribute('aria-current')).toBe('true');
    expect((screen.getByRole('textbox', { name: 'Item title' }) as HTMLInputElement).value).toBe('Apologies');
  });

  it('adds an item, opens it with its title ready to type over, and sends the rename', async () => {
    const { api, user, agendaNav } = await openPanel();
    await user.click(within(agendaNav).getByRole('button', { name: 'Add agenda item' }));
    const added = within(agendaNav).getByRole('button', { name: '4. New item' });
    expect(added.getAttribute('aria-current')).toBe('true');
    const title = screen.getByRole('textbox', { name: 'Item title' });
    expect(document.activeElement).toBe(title);
    await user.keyboard('Declarations of interest');
    expect(within(agendaNav).getByRole('button', { name: '4. Declarations of interest' })).toBeTruthy();
    await waitFor(() => {
      const changes = sentChanges(api);
      expect(changes[0]).toMatchObject({ kind: 'item.add', index: 3, item: { title: 'New item' } });
      expect(changes.at(-1)).toMatchObject({ kind: 'item.update', fields: { title: 'Declarations of interest' } });
    });
    await waitFor(() => expect([...api.meetings.values()][0]?.agenda[3]?.title).toBe('Declarations of interest'));
  });

  it('moves the focused item down with Alt+ArrowDown, keeping focus on it', async () => {
    const { api, user, agendaNav } = await openPanel();
    within(agendaNav).getByRole('button', { name: '1. Apologies' }).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const moved = within(agendaNav).getByRole('button', { name: '2. Apologies' });
    expect(document.activeElement).toBe(moved);
    expect(within(agendaNav).getByRole('button', { name: '1. Minutes of the last meeting' })).toBeTruthy();
    await waitFor(() => expect(sentChanges(api)).toEqual([{ kind: 'item.move', itemId: 'item-apologies', toIndex: 1 }]));
  });

  it('moves an item by dragging it onto another', async () => {
    const { api, agendaNav } = await openPanel();
    const dataTransfer = { setData: () => undefined, effectAllowed: 'all', dropEffect: 'none' };
    const dragged = within(agendaNav).getByRole('button', { name: '1. Apologies' });
    const target = within(agendaNav).getByRole('button', { name: '3. Director’s report – B&NES' }).closest('li');
    if (!target) throw new Error('each agenda item should be a list item');
    fireEvent.dragStart(dragged, { dataTransfer });
    // jsdom lays nothing out, so a drop at y=10 is in the lower half of the target: after it.
    fireEvent.dragOver(target, { dataTransfer, clientY: 10 });
    fireEvent.drop(target, { dataTransfer, clientY: 10 });
    expect(within(agendaNav).getByRole('button', { name: '3. Apologies' })).toBeTruthy();
    await waitFor(() => expect(sentChanges(api)).toEqual([{ kind: 'item.move', itemId: 'item-apologies', toIndex: 2 }]));
  });

  it('moves the open item with the Move item up button', async () => {
    const { api, user, agendaNav } = await openPanel();
    await user.click(within(agendaNav).getByRole('button', { name: '3. Director’s report – B&NES' }));
    await user.click(within(agendaNav).getByRole('button', { name: 'Move item up' }));
    expect(within(agendaNav).getByRole('button', { name: '2. Director’s report – B&NES' })).toBeTruthy();
    expect(document.activeElement).toBe(within(agendaNav).getByRole('button', { name: 'Move item up' }));
    await waitFor(() => expect(sentChanges(api)).toEqual([{ kind: 'item.move', itemId: 'item-director', toIndex: 1 }]));
  });

  it('deletes an item and brings the whole item back with Undo', async () => {
    const { api, user, agendaNav } = await openPanel();
    await user.click(within(agendaNav).getByRole('button', { name: '2. Minutes of the last meeting' }));
    await user.click(within(agendaNav).getByRole('button', { name: 'Delete item' }));
    expect(within(agendaNav).queryByRole('button', { name: /Minutes of the last meeting/ })).toBeNull();
    expect(screen.getByText('Deleted “Minutes of the last meeting”.').getAttribute('role')).toBe('status');
    await user.click(within(agendaNav).getByRole('button', { name: 'Undo' }));
    const restored = within(agendaNav).getByRole('button', { name: '2. Minutes of the last meeting' });
    expect(restored.getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Minutes' }).textContent).toBe('Agreed as a correct record.');
    await waitFor(() =>
      expect(sentChanges(api)).toEqual([
        { kind: 'item.delete', itemId: 'item-minutes-last' },
        { kind: 'item.add', item: agenda[1], index: 1 },
      ]),
    );
  });

  it('holds the window open while the last changes are still on their way to the library', async () => {
    const { api, user } = await openPanel();
    api.holdApplyChanges();
    await user.click(screen.getByRole('textbox', { name: 'Background' }));
    await user.keyboard('Late addition');
    const closing = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closing);
    expect(closing.defaultPrevented).toBe(true);
    api.release();
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'meetings.applyChanges').length).toBeGreaterThan(1));
    api.release();
    await screen.findByText('Saved at 10:42:13');
    const closingAgain = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(closingAgain);
    expect(closingAgain.defaultPrevented).toBe(false);
  });

  it('keeps one request in flight and coalesces what is typed meanwhile', async () => {
    const { api, user } = await openPanel();
    api.holdApplyChanges();
    const background = screen.getByRole('textbox', { name: 'Background' });
    await user.click(background);
    await user.keyboard('Report of the Director');
    expect(screen.getByText('Saving…').getAttribute('role')).toBe('status');
    const requests = () => api.calls.filter((call) => call.name === 'meetings.applyChanges');
    expect(requests()).toHaveLength(1);
    api.release();
    await waitFor(() => expect(requests()).toHaveLength(2));
    api.release();
    expect((requests()[1]?.input as { changes: MeetingChange[] }).changes).toEqual([
      { kind: 'item.update', itemId: 'item-apologies', fields: { background: 'Report of the Director' } },
    ]);
    await screen.findByText('Saved at 10:42:13');
  });

  it('sends typed minutes as paragraph changes when the clerk moves to another item', async () => {
    const { api, user, agendaNav } = await openPanel();
    await user.click(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('Apologies were received from Cllr Reed.');
    await user.click(within(agendaNav).getByRole('button', { name: '2. Minutes of the last meeting' }));
    await waitFor(() =>
      expect(sentChanges(api)).toContainEqual({
        kind: 'block.put',
        itemId: 'item-apologies',
        block: expect.objectContaining({ type: 'paragraph', runs: [{ text: 'Apologies were received from Cllr Reed.' }] }),
        after: null,
      }),
    );
    expect(sentChanges(api).some((change) => change.kind === 'item.minutes')).toBe(false);
    expect(screen.getByRole('textbox', { name: 'Minutes' }).textContent).toBe('Agreed as a correct record.');
  });

  it('sends only the paragraph typed in, however long the item’s minutes are', async () => {
    const api = new FakeApi();
    const long = Array.from({ length: 300 }, (_, index) => ({
      id: `blk-long-${String(index).padStart(4, '0')}`,
      type: 'paragraph' as const,
      runs: [{ text: `Paragraph ${index}: members discussed the report at some length and asked a number of questions.` }],
    }));
    api.addMeeting({ committee: 'Planning Committee', title: '', date: '2022-11-08', startTime: '10:00', venue: 'Guildhall' }, (meeting) => ({
      ...meeting,
      agenda: [{ ...createAgendaItem('Planning applications'), id: 'item-long', minutes: long }],
    }));
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Open Planning Committee 2022-11-08' }));
    const minutes = await screen.findByRole('textbox', { name: 'Minutes' });
    const paragraph = minutes.querySelectorAll('p')[150]!;
    await user.click(paragraph);
    placeCursorAtEnd(paragraph);
    await user.keyboard(' Cllr Hale');
    await waitFor(() => expect(api.changesSent()).not.toHaveLength(0));
    const changes = sentChanges(api);
    expect(changes).toEqual(changes.map(() => expect.objectContaining({ kind: 'block.put', itemId: 'item-long', after: 'blk-long-0149' })));
    expect(new Set(changes.map((change) => (change.kind === 'block.put' ? change.block.id : '')))).toEqual(new Set(['blk-long-0150']));
    await waitFor(() => {
      const last = sentChanges(api).at(-1);
      expect(last?.kind === 'block.put' && last.block.runs).toEqual([{ text: `${long[150]!.runs[0]!.text} Cllr Hale` }]);
    });
  });

  it('says when the library could not be written, from the core’s pushed save state', async () => {
    const { api, meeting } = await openPanel();
    api.emit({
      type: 'saveState',
      saveState: { meetingId: meeting.id, state: 'unsaved', reason: 'the shared drive S: is not reachable', pendingChanges: 3 },
    });
    expect(await screen.findByText('Not saved to the library: the shared drive S: is not reachable — kept on this computer')).toBeTruthy();
  });

  it('closes the meeting and returns to the list with All meetings', async () => {
    const { api, user } = await openPanel();
    await user.click(screen.getByRole('button', { name: 'All meetings' }));
    await screen.findByRole('heading', { level: 1, name: 'Meetings' });
    expect(api.calls.map((call) => call.name)).toContain('meetings.close');
  });

  it('shows a refusal from the core in an alert instead of failing', async () => {
    const api = new FakeApi();
    const meeting = seedPanel(api);
    api.refusals.set('meetings.open', 'The meeting file meetings/2022/2022-11-08 panel.json is locked by Sam on CLERK-PC2.');
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: `Open ${meeting.committee} 2022-11-08` }));
    expect((await screen.findByRole('alert')).textContent).toBe('The meeting file meetings/2022/2022-11-08 panel.json is locked by Sam on CLERK-PC2.');
    expect(screen.getByRole('heading', { level: 1, name: 'Meetings' })).toBeTruthy();
  });
});

describe('sub-items and section headings on the agenda', () => {
  const procedural: AgendaItem[] = [
    { ...createAgendaItem('Procedural business'), id: 'item-procedural' },
    { ...createAgendaItem('Declarations of substitutes'), id: 'item-substitutes', shape: 'sub-item' },
    { ...createAgendaItem('Declarations of interest'), id: 'item-interests', shape: 'sub-item' },
    { ...createAgendaItem('PART ONE'), id: 'item-part-one', shape: 'section' },
    { ...createAgendaItem('Planning applications'), id: 'item-planning' },
  ];

  async function openProcedural() {
    const api = new FakeApi();
    const meeting = api.addMeeting(
      { committee: 'Planning Committee', title: '', date: '2026-11-24', startTime: '14:00', venue: 'Council Chamber' },
      (created) => ({ ...created, firstMinuteNumber: 63, agenda: procedural }),
    );
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: `Open ${meeting.committee} 2026-11-24` }));
    const agendaNav = await screen.findByRole('navigation', { name: 'Agenda' });
    const labels = () =>
      within(agendaNav)
        .getAllByRole('button', { current: undefined })
        .filter((button) => button.hasAttribute('data-agenda-item-id'));
    return { api, user, agendaNav, labels: () => labels().map((button) => button.textContent) };
  }

  it('numbers sub-items with their minute’s letter and gives a section heading no number', async () => {
    const { user, agendaNav, labels } = await openProcedural();
    expect(labels()).toEqual([
      '63. Procedural business',
      '63(a) Declarations of substitutes',
      '63(b) Declarations of interest',
      'PART ONE',
      '64. Planning applications',
    ]);
    await user.click(within(agendaNav).getByRole('button', { name: '63(b) Declarations of interest' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Item 63(b)' })).toBeTruthy();
    await user.click(within(agendaNav).getByRole('button', { name: 'PART ONE' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Section heading' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Minutes' })).toBeNull();
  });

  it('adds a sub-item under the open item and a section heading at the end, sending their shape', async () => {
    const { api, user, agendaNav, labels } = await openProcedural();
    await user.click(within(agendaNav).getByRole('button', { name: 'Add sub-item' }));
    expect(within(agendaNav).getByRole('button', { name: '63(c) New sub-item' }).getAttribute('aria-current')).toBe('true');
    await user.click(within(agendaNav).getByRole('button', { name: 'Add section heading' }));
    expect(labels().slice(-2)).toEqual(['64. Planning applications', 'New section']);
    await waitFor(() => {
      const changes = sentChanges(api);
      expect(changes[0]).toMatchObject({ kind: 'item.add', index: 3, item: { shape: 'sub-item', title: 'New sub-item' } });
      expect(changes[1]).toMatchObject({ kind: 'item.add', index: 6, item: { shape: 'section', title: 'New section' } });
    });
  });

  it('makes an item a sub-item of the one above and back, and renumbers on delete and move', async () => {
    const { api, user, agendaNav, labels } = await openProcedural();
    await user.click(within(agendaNav).getByRole('button', { name: '64. Planning applications' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of entry' }), 'Sub-item, lettered under the item above');
    expect(within(agendaNav).getByRole('button', { name: '63(c) Planning applications' })).toBeTruthy();
    await waitFor(() => expect(sentChanges(api).at(-1)).toEqual({ kind: 'item.update', itemId: 'item-planning', fields: { shape: 'sub-item' } }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of entry' }), 'Numbered item');
    expect(within(agendaNav).getByRole('button', { name: '64. Planning applications' })).toBeTruthy();
    await waitFor(() => expect(sentChanges(api).at(-1)).toEqual({ kind: 'item.update', itemId: 'item-planning', fields: { shape: null } }));

    await user.click(within(agendaNav).getByRole('button', { name: '63(a) Declarations of substitutes' }));
    await user.click(within(agendaNav).getByRole('button', { name: 'Delete item' }));
    expect(labels()).toEqual(['63. Procedural business', '63(a) Declarations of interest', 'PART ONE', '64. Planning applications']);
    within(agendaNav).getByRole('button', { name: '64. Planning applications' }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}{Alt>}{ArrowUp}{/Alt}');
    expect(labels()).toEqual(['63. Procedural business', '64. Planning applications', '64(a) Declarations of interest', 'PART ONE']);
    await waitFor(() => expect([...api.meetings.values()][0]?.agenda[1]?.id).toBe('item-planning'));
  });
});

describe('a decision placed among the minutes', () => {
  it('stands after the paragraph at the cursor, says so, and Enter in a point starts the next point', async () => {
    const { api, user, agendaNav } = await openPanel();
    await user.click(within(agendaNav).getByRole('button', { name: '2. Minutes of the last meeting' }));
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    const paragraph = minutes.querySelector('p');
    if (!paragraph) throw new Error('the minutes should show their paragraph');
    await user.click(paragraph);
    placeCursorAtEnd(paragraph);
    await user.keyboard('{Enter}The Chair signed them.');
    await user.keyboard('{Control>}{Shift>}d{/Shift}{/Control}');

    const decisions = await waitFor(() => {
      const put = sentChanges(api).filter((change) => change.kind === 'entity.put' && change.collection === 'decisions');
      expect(put).toHaveLength(1);
      return put;
    });
    const typed = sentChanges(api).find((change) => change.kind === 'block.put' && change.block.runs[0]?.text === 'The Chair signed them.');
    expect(typed?.kind === 'block.put' ? typed.block.id : undefined).toBeDefined();
    const decision = decisions[0]?.kind === 'entity.put' ? decisions[0].entity : undefined;
    expect(decision && 'afterBlockId' in decision ? decision.afterBlockId : undefined).toBe(typed?.kind === 'block.put' ? typed.block.id : 'none');
    expect(screen.getByText('After “The Chair signed them.”')).toBeTruthy();

    await user.click(screen.getByRole('textbox', { name: 'Point 1' }));
    await user.keyboard('That the minutes be approved.{Enter}That the Chair sign them.');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Point 2' }));
    expect((screen.getByRole('textbox', { name: 'Point 1' }) as HTMLTextAreaElement).value).toBe('That the minutes be approved.');
    expect((screen.getByRole('textbox', { name: 'Point 2' }) as HTMLTextAreaElement).value).toBe('That the Chair sign them.');
  });

  it('stands after all the minutes when the clerk has not been writing in them', async () => {
    const { api, user, agendaNav } = await openPanel();
    await user.click(within(agendaNav).getByRole('button', { name: '2. Minutes of the last meeting' }));
    await user.click(screen.getByRole('button', { name: 'Add decision' }));
    await waitFor(() => {
      const put = sentChanges(api).find((change) => change.kind === 'entity.put' && change.collection === 'decisions');
      expect(put?.kind === 'entity.put' && !('afterBlockId' in put.entity)).toBe(true);
    });
    expect(screen.getByText('After the minutes of this item')).toBeTruthy();
  });
});

describe('the F1 sheet', () => {
  it('lists the minutes editor’s formatting keys and typed triggers besides the screen’s shortcuts', async () => {
    const { user } = await openPanel();
    await user.keyboard('{F1}');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const name of [
      'Ctrl+B In the minutes: bold',
      'Ctrl+I In the minutes: italic',
      'Ctrl+U In the minutes: underline',
      'Ctrl+Shift+8 In the minutes: bulleted list',
      'Ctrl+Shift+7 In the minutes: numbered list',
      'Ctrl+Z In the minutes: undo',
      '1. then a space, at the start of a line In the minutes: start a numbered list',
    ]) {
      expect(within(sheet).getByRole('row', { name })).toBeTruthy();
    }
    expect(within(sheet).getByText(/offer the names of those present/)).toBeTruthy();
    expect(within(sheet).getByText('Insert a standard phrase into the minutes')).toBeTruthy();
  });
});

describe('coming back to the minutes', () => {
  async function writeInMinutesOfLastMeeting() {
    const opened = await openPanel();
    await opened.user.click(within(opened.agendaNav).getByRole('button', { name: '2. Minutes of the last meeting' }));
    const paragraph = screen.getByRole('textbox', { name: 'Minutes' }).querySelector('p');
    if (!paragraph) throw new Error('the minutes should show their paragraph');
    await opened.user.click(paragraph);
    placeCursorAtEnd(paragraph);
    await opened.user.keyboard(' Signed by the Chair.');
    return opened;
  }

  it('F8 then Shift+F8 puts the cursor back where the clerk left it in that item, not at the start', async () => {
    const { user } = await writeInMinutesOfLastMeeting();
    await user.keyboard('{F8}');
    expect(screen.getByRole('heading', { level: 2, name: 'Item 3' })).toBeTruthy();
    await user.keyboard('{Shift>}{F8}{/Shift}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard(' No corrections.');
    expect(screen.getByRole('textbox', { name: 'Minutes' }).textContent).toBe('Agreed as a correct record. Signed by the Chair. No corrections.');
  });

  it('Escape in a field or panel returns to the minutes, the cursor where it was', async () => {
    const { user } = await writeInMinutesOfLastMeeting();
    await user.click(screen.getByRole('textbox', { name: 'Background' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.click(screen.getByRole('button', { name: 'Add decision' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard(' Noted.');
    expect(screen.getByRole('textbox', { name: 'Minutes' }).textContent).toBe('Agreed as a correct record. Signed by the Chair. Noted.');
  });
});
