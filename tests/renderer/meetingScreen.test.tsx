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
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    range.collapse(false);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
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
