// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCommittee } from '../../main/domain/committee';
import { refreshGeneratedMinutes } from '../../main/domain/generatedMinutes';
import { createAgendaItem, type Attendee, type Meeting } from '../../main/domain/meeting';
import { App } from '../../renderer/app/App';
import { SHORTCUTS } from '../../renderer/shortcuts/shortcuts';
import { FakeApi } from './fakeApi';

const COMMITTEE = 'Children’s Services Scrutiny Panel';

const attendees: Attendee[] = [
  { id: 'att-hardman', name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', category: 'member', role: 'chair', status: 'present' },
  { id: 'att-bloggs', name: 'Joe Bloggs', displayName: 'Councillor Joe Bloggs', category: 'member', role: 'member', status: 'present' },
  { id: 'att-reed', name: 'Ann Reed', displayName: 'Councillor Ann Reed', category: 'member', role: 'member', status: 'apologies' },
  { id: 'att-patel', name: 'Sam Patel', displayName: 'Councillor Sam Patel', category: 'member', role: 'member', status: 'present' },
  { id: 'att-jones', name: 'Mary Jones', displayName: 'Mary Jones', category: 'officer', jobTitle: 'Director of Children’s Services', status: 'present' },
];

function seed(api: FakeApi): Meeting {
  const committee = { ...createCommittee(COMMITTEE), slug: 'childrens-panel' };
  api.committees.set(committee.slug, committee);
  const meeting = api.addMeeting({ committee: COMMITTEE, title: 'Ordinary meeting', date: '2022-11-08', startTime: '10:00', venue: 'Guildhall' }, (created) =>
    refreshGeneratedMinutes({
      ...created,
      committeeSlug: committee.slug,
      firstMinuteNumber: 64,
      quorum: { kind: 'count', count: 2 },
      attendees,
      agenda: [
        { ...createAgendaItem('Apologies for absence and substitutions', 'apologies'), id: 'item-apologies' },
        { ...createAgendaItem('Declarations of interest', 'declarations'), id: 'item-declarations' },
        { ...createAgendaItem('Director’s report'), id: 'item-report' },
      ],
    }),
  );
  api.previousMeetingDates.set(meeting.id, '2022-10-11');
  return meeting;
}

async function openMeeting() {
  const api = new FakeApi();
  const meeting = seed(api);
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(await screen.findByRole('button', { name: `Open ${COMMITTEE} 2022-11-08` }));
  await screen.findByRole('heading', { level: 1, name: COMMITTEE });
  const agendaNav = screen.getByRole('navigation', { name: 'Agenda' });
  return { api, meeting, user, agendaNav };
}

function stored(api: FakeApi): Meeting {
  return [...api.meetings.values()][0]!;
}

describe('minute numbers', () => {
  it('numbers the agenda from the first minute number, which the clerk can change', async () => {
    const { api, user, agendaNav } = await openMeeting();
    expect(
      within(agendaNav)
        .getAllByRole('button', { name: /^\d+\. / })
        .map((item) => item.textContent),
    ).toEqual(['64. Apologies for absence and substitutions', '65. Declarations of interest', '66. Director’s report']);
    const first = screen.getByRole('spinbutton', { name: 'First minute number' });
    await user.clear(first);
    await user.type(first, '70');
    expect(within(agendaNav).getByRole('button', { name: '72. Director’s report' })).toBeTruthy();
    await waitFor(() => expect(stored(api).firstMinuteNumber).toBe(70));
  });
});

describe('declarations of interest', () => {
  it('records a declaration with withdrawal, and the Declarations item writes it up', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const section = screen.getByRole('region', { name: 'Declarations' });
    await user.click(within(section).getByRole('button', { name: 'Add declaration' }));
    const entry = within(section).getByRole('group', { name: 'Declaration 1' });
    const member = within(entry).getByRole('combobox', { name: 'Member' });
    expect(document.activeElement).toBe(member);
    // Nobody is named, and nothing is recorded, until the clerk chooses who declared.
    expect(within(member).getAllByRole('option')[0]?.textContent).toBe('Choose a member…');
    expect((member as HTMLSelectElement).value).toBe('');
    await user.selectOptions(within(entry).getByRole('combobox', { name: 'Kind of interest' }), 'Non-registrable interest');
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'meetings.applyChanges')).toHaveLength(0));
    expect(stored(api).declarations).toEqual([]);
    await user.selectOptions(member, 'Councillor Sam Patel');
    await waitFor(() => expect(stored(api).declarations).toEqual([expect.objectContaining({ attendeeId: 'att-patel', kind: 'non-registrable' })]));
    expect(document.activeElement).toBe(within(section).getByRole('combobox', { name: 'Member' }));
    await user.selectOptions(within(entry).getByRole('combobox', { name: 'Kind of interest' }), 'Other registrable interest');
    await user.type(within(entry).getByRole('textbox', { name: 'Nature of interest' }), 'Governor of a school named in the report');
    await user.click(within(entry).getByRole('checkbox', { name: 'Left the room for this item' }));
    await waitFor(() =>
      expect(stored(api).declarations).toEqual([
        expect.objectContaining({
          itemId: 'item-report',
          attendeeId: 'att-patel',
          kind: 'other-registrable',
          nature: 'Governor of a school named in the report',
          withdrew: true,
        }),
      ]),
    );
    await user.click(within(agendaNav).getByRole('button', { name: '65. Declarations of interest' }));
    expect(screen.getByRole('textbox', { name: 'Minutes' }).textContent).toBe(
      'Councillor Sam Patel declared an other registrable interest in item 66 (Governor of a school named in the report) and left the meeting for that item.',
    );
  });

  it('removes a declaration, and the Declarations item says there were none', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '65. Declarations of interest' }));
    const section = screen.getByRole('region', { name: 'Declarations' });
    await user.click(within(section).getByRole('button', { name: 'Add declaration' }));
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    expect(minutes.textContent).toBe('There were none.');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Member' }), 'Councillor Liz Hardman');
    // The item is open while the record changes: its generated minutes follow.
    await waitFor(() => expect(minutes.textContent).toContain('Councillor Liz Hardman declared an other registrable interest in item 65'));
    await user.click(within(section).getByRole('button', { name: 'Remove declaration 1' }));
    await waitFor(() => expect(minutes.textContent).toBe('There were none.'));
    await waitFor(() => expect(stored(api).declarations).toEqual([]));
  });

  it('offers Undo after removing a declaration, with the focus on Add declaration, and Undo brings back the same one', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const section = screen.getByRole('region', { name: 'Declarations' });
    await user.click(within(section).getByRole('button', { name: 'Add declaration' }));
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Member' }), 'Councillor Joe Bloggs');
    await waitFor(() => expect(stored(api).declarations).toHaveLength(1));
    const declared = stored(api).declarations[0]!;
    await user.click(within(section).getByRole('button', { name: 'Remove declaration 1' }));
    expect(within(section).getByRole('status').textContent).toBe('Removed declaration 1.');
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Add declaration' }));
    await waitFor(() => expect(stored(api).declarations).toEqual([]));
    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(stored(api).declarations).toEqual([declared]));
    expect(within(section).queryByRole('status')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(section).getByRole('combobox', { name: 'Member' })));
  });
});

describe('decisions and votes', () => {
  it('records a decision with two points and a counted vote, and warns when the counts exceed those eligible', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const section = screen.getByRole('region', { name: 'Decisions' });
    await user.click(within(section).getByRole('button', { name: 'Add decision' }));
    const entry = within(section).getByRole('group', { name: 'Decision 1' });
    expect(document.activeElement).toBe(within(entry).getByRole('combobox', { name: 'Decision' }));
    await user.type(within(entry).getByRole('textbox', { name: 'Point 1' }), 'the report be noted;');
    await user.click(within(entry).getByRole('button', { name: 'Add point' }));
    await waitFor(() => expect(document.activeElement).toBe(within(entry).getByRole('textbox', { name: 'Point 2' })));
    await user.keyboard('a further report be brought in March.');
    await user.click(within(entry).getByRole('button', { name: 'Add point' }));
    await waitFor(() => expect(document.activeElement).toBe(within(entry).getByRole('textbox', { name: 'Point 3' })));
    await user.click(within(entry).getByRole('button', { name: 'Remove point 3' }));
    // Its button is gone: the cursor goes to the point before.
    await waitFor(() => expect(document.activeElement).toBe(within(entry).getByRole('textbox', { name: 'Point 2' })));
    await user.selectOptions(within(entry).getByRole('combobox', { name: 'Moved by' }), 'Councillor Liz Hardman');
    await user.click(within(within(entry).getByRole('radiogroup', { name: 'Vote' })).getByRole('radio', { name: 'Counted' }));
    const votesFor = within(entry).getByRole('spinbutton', { name: 'For' });
    await user.clear(votesFor);
    await user.type(votesFor, '2');
    const against = within(entry).getByRole('spinbutton', { name: 'Against' });
    await user.clear(against);
    await user.type(against, '1');
    const wording = within(entry).getByRole('note', { name: 'Standard wording of decision 1' });
    expect(wording.textContent).toContain(
      'It was moved by Councillor Liz Hardman and RESOLVED that: (1) the report be noted; (2) a further report be brought in March. On being put to the vote the motion was CARRIED (For 2, Against 1, Abstentions 0).',
    );
    expect(within(entry).queryByRole('alert')).toBeNull();
    const abstentions = within(entry).getByRole('spinbutton', { name: 'Abstentions' });
    await user.clear(abstentions);
    await user.type(abstentions, '1');
    expect(within(entry).getByRole('alert').textContent).toBe('4 votes were recorded but only 3 members are eligible to vote on this item.');
    await waitFor(() =>
      expect(stored(api).decisions).toEqual([
        expect.objectContaining({
          itemId: 'item-report',
          kind: 'RESOLVED',
          points: [expect.objectContaining({ text: 'the report be noted;' }), expect.objectContaining({ text: 'a further report be brought in March.' })],
          moverId: 'att-hardman',
          vote: { kind: 'counted', for: 2, against: 1, abstentions: 1 },
        }),
      ]),
    );
  });

  it('asks for the Chair’s casting vote when the votes are equal, and drops it when they no longer are', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const section = screen.getByRole('region', { name: 'Decisions' });
    await user.click(within(section).getByRole('button', { name: 'Add decision' }));
    const entry = within(section).getByRole('group', { name: 'Decision 1' });
    await user.type(within(entry).getByRole('textbox', { name: 'Point 1' }), 'the proposal be approved.');
    await user.click(within(within(entry).getByRole('radiogroup', { name: 'Vote' })).getByRole('radio', { name: 'Counted' }));
    const votesFor = within(entry).getByRole('spinbutton', { name: 'For' });
    await user.clear(votesFor);
    await user.type(votesFor, '1');
    const against = within(entry).getByRole('spinbutton', { name: 'Against' });
    await user.clear(against);
    await user.type(against, '1');
    expect(within(entry).getByRole('alert').textContent).toBe('The votes are equal: record the Chair’s casting vote, or the motion falls.');
    const casting = within(entry).getByRole('radiogroup', { name: 'Chair’s casting vote' });
    expect((within(casting).getByRole('radio', { name: 'Not given' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(casting).getByRole('radio', { name: 'For the motion' }));
    expect(within(entry).queryByRole('alert')).toBeNull();
    expect(within(entry).getByRole('note', { name: 'Standard wording of decision 1' }).textContent).toContain('casting vote for the motion');
    await waitFor(() => expect(stored(api).decisions[0]?.vote).toEqual({ kind: 'counted', for: 1, against: 1, abstentions: 0, castingVote: 'for' }));
    await user.click(within(casting).getByRole('radio', { name: 'Not given' }));
    await waitFor(() => expect(stored(api).decisions[0]?.vote).toEqual({ kind: 'counted', for: 1, against: 1, abstentions: 0 }));
    await user.click(within(casting).getByRole('radio', { name: 'Against the motion' }));
    await waitFor(() => expect(stored(api).decisions[0]?.vote).toEqual({ kind: 'counted', for: 1, against: 1, abstentions: 0, castingVote: 'against' }));
    await user.clear(against);
    await user.type(against, '0');
    expect(within(entry).queryByRole('radiogroup', { name: 'Chair’s casting vote' })).toBeNull();
    await waitFor(() => expect(stored(api).decisions[0]?.vote).toEqual({ kind: 'counted', for: 1, against: 0, abstentions: 0 }));
  });

  it('takes a recorded vote from each member eligible for the item', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const section = screen.getByRole('region', { name: 'Decisions' });
    await user.click(within(section).getByRole('button', { name: 'Add decision' }));
    const entry = within(section).getByRole('group', { name: 'Decision 1' });
    await user.selectOptions(within(entry).getByRole('combobox', { name: 'Decision' }), 'RECOMMENDED');
    await user.type(within(entry).getByRole('textbox', { name: 'Point 1' }), 'Cabinet approves the strategy.');
    await user.click(within(entry).getByRole('radio', { name: 'Recorded' }));
    // Councillor Ann Reed sent apologies and the Director is an officer: neither votes.
    expect(within(entry).getAllByRole('combobox', { name: /^Vote of / })).toHaveLength(3);
    expect(within(entry).queryByRole('combobox', { name: 'Vote of Councillor Ann Reed' })).toBeNull();
    expect(within(entry).queryByRole('combobox', { name: 'Vote of Mary Jones' })).toBeNull();
    await user.selectOptions(within(entry).getByRole('combobox', { name: 'Vote of Councillor Liz Hardman' }), 'For');
    await user.selectOptions(within(entry).getByRole('combobox', { name: 'Vote of Councillor Joe Bloggs' }), 'For');
    await user.selectOptions(within(entry).getByRole('combobox', { name: 'Vote of Councillor Sam Patel' }), 'Against');
    expect(within(entry).getByRole('note', { name: 'Standard wording of decision 1' }).textContent).toContain(
      'RECOMMENDED that Cabinet approves the strategy. A recorded vote was taken. For: Councillors Liz Hardman and Joe Bloggs. Against: Councillor Sam Patel. Abstained: none. The motion was CARRIED.',
    );
    await waitFor(() =>
      expect(stored(api).decisions[0]?.vote).toEqual({ kind: 'recorded', for: ['att-hardman', 'att-bloggs'], against: ['att-patel'], abstain: [] }),
    );
  });
});

describe('actions', () => {
  it('records actions with owners and due dates, numbers them by item, and lists them all', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const section = screen.getByRole('region', { name: 'Actions' });
    await user.click(within(section).getByRole('button', { name: 'Add action' }));
    const first = within(section).getByRole('group', { name: 'Action 66/1' });
    expect(document.activeElement).toBe(within(first).getByRole('textbox', { name: 'Action' }));
    await user.keyboard('Circulate the transport budget');
    await user.type(within(first).getByRole('combobox', { name: 'Owner' }), 'Mary Jones');
    fireEvent.change(within(first).getByLabelText('Due date'), { target: { value: '2022-12-01' } });
    await user.click(within(section).getByRole('button', { name: 'Add action' }));
    const second = within(section).getByRole('group', { name: 'Action 66/2' });
    await user.keyboard('Visit the Virtual School');
    await user.type(within(second).getByRole('combobox', { name: 'Owner' }), 'The Chair and Vice-Chair');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Status' }), 'Done');
    await waitFor(() =>
      expect(stored(api).actions).toEqual([
        expect.objectContaining({
          itemId: 'item-report',
          text: 'Circulate the transport budget',
          ownerAttendeeId: 'att-jones',
          ownerName: 'Mary Jones',
          due: '2022-12-01',
          status: 'open',
        }),
        expect.objectContaining({ itemId: 'item-report', text: 'Visit the Virtual School', ownerName: 'The Chair and Vice-Chair', status: 'done' }),
      ]),
    );
    expect(stored(api).actions[1]?.ownerAttendeeId).toBeUndefined();

    const allActions = screen.getByRole('button', { name: 'All actions' });
    await user.click(allActions);
    expect(allActions.getAttribute('aria-pressed')).toBe('true');
    const list = screen.getByRole('region', { name: 'All actions' });
    const rows = within(list)
      .getAllByRole('row')
      .map((row) => ['columnheader', 'rowheader', 'cell'].flatMap((role) => within(row).queryAllByRole(role)).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Reference', 'Action', 'Owner', 'Due', 'Status'],
      ['66/1', 'Circulate the transport budget', 'Mary Jones', '1 December 2022', 'Open'],
      ['66/2', 'Visit the Virtual School', 'The Chair and Vice-Chair', '', 'Done'],
    ]);
  });
});

describe('removing an action', () => {
  it('keeps the numbers of the others, offers Undo, and puts the focus on Add action', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '64. Apologies for absence and substitutions' }));
    const section = screen.getByRole('region', { name: 'Actions' });
    await user.click(within(section).getByRole('button', { name: 'Add action' }));
    await user.keyboard('Write to the absent members');
    await user.click(within(section).getByRole('button', { name: 'Add action' }));
    await user.keyboard('Book the room');
    expect(within(section).getByRole('group', { name: 'Action 64/1' })).toBeTruthy();
    expect(within(section).getByRole('group', { name: 'Action 64/2' })).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Remove action 64/1' }));
    expect(within(section).getByRole('status').textContent).toBe('Removed action 64/1.');
    expect(document.activeElement).toBe(within(section).getByRole('button', { name: 'Add action' }));
    const remaining = within(section).getByRole('group', { name: 'Action 64/2' });
    expect((within(remaining).getByRole('textbox', { name: 'Action' }) as HTMLInputElement).value).toBe('Book the room');
    await waitFor(() => expect(stored(api).actions).toEqual([expect.objectContaining({ number: 2, text: 'Book the room' })]));
    await user.click(within(section).getByRole('button', { name: 'Add action' }));
    expect(within(section).getByRole('group', { name: 'Action 64/3' })).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Remove action 64/3' }));
    await user.click(within(section).getByRole('button', { name: 'Undo' }));
    expect(within(section).getByRole('group', { name: 'Action 64/3' })).toBeTruthy();
    await waitFor(() => expect(stored(api).actions.map((action) => action.number)).toEqual([2, 3]));
  });
});

describe('Part 2 items', () => {
  it('marks an item exempt with its Schedule 12A paragraph and a public summary', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    expect(screen.queryByRole('combobox', { name: 'Schedule 12A paragraph' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Exempt (Part 2)' }));
    const paragraph = screen.getByRole('combobox', { name: 'Schedule 12A paragraph' });
    expect(within(paragraph).getAllByRole('option')).toHaveLength(8);
    await user.selectOptions(paragraph, '1. Information relating to any individual');
    await user.type(screen.getByRole('textbox', { name: 'Public summary' }), 'The Panel considered a staffing matter.');
    await waitFor(() =>
      expect(stored(api).agenda[2]).toMatchObject({ exempt: true, exemptParagraph: 1, publicSummary: 'The Panel considered a staffing matter.' }),
    );
  });
});

describe('generated minutes', () => {
  it('keeps the Apologies item in step with the attendance until the clerk edits it, and writes it again on request', async () => {
    const { api, user } = await openMeeting();
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    expect(minutes.textContent).toBe('Apologies for absence were received from Councillor Ann Reed.');
    expect(screen.getByText('Written by Minute Book from the attendance (type to edit by hand)')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attendance of Councillor Joe Bloggs' }), 'Apologies');
    await waitFor(() => expect(minutes.textContent).toBe('Apologies for absence were received from Councillors Joe Bloggs and Ann Reed.'));

    await user.click(minutes);
    await user.keyboard(' Both had sent their apologies in advance.');
    await screen.findByRole('button', { name: 'Write from the record again' });
    await waitFor(() => expect(stored(api).agenda[0]?.minutesEditedByHand).toBe(true));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attendance of Councillor Joe Bloggs' }), 'Present');
    expect(minutes.textContent).toContain('Both had sent their apologies in advance.');

    await user.click(screen.getByRole('button', { name: 'Write from the record again' }));
    await waitFor(() => expect(minutes.textContent).toBe('Apologies for absence were received from Councillor Ann Reed.'));
    expect(screen.getByText('Written by Minute Book from the attendance (type to edit by hand)')).toBeTruthy();
    await waitFor(() => expect(stored(api).agenda[0]).toMatchObject({ minutesEditedByHand: false }));
  });
});

describe('keyboard shortcuts', () => {
  it('moves to the next and previous item with F8 and Shift+F8, from inside the minutes', async () => {
    const { user, agendaNav } = await openMeeting();
    await user.click(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('{F8}');
    expect(within(agendaNav).getByRole('button', { name: '65. Declarations of interest' }).getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('{F8}');
    expect(within(agendaNav).getByRole('button', { name: '66. Director’s report' }).getAttribute('aria-current')).toBe('true');
    await user.keyboard('{Shift>}{F8}{/Shift}');
    expect(within(agendaNav).getByRole('button', { name: '65. Declarations of interest' }).getAttribute('aria-current')).toBe('true');
  });

  it('adds an action, a decision and a declaration from the minutes, each ready to type in', async () => {
    const { user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    await user.click(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('{Control>}{Shift>}a{/Shift}{/Control}');
    expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Action 66/1' })).getByRole('textbox', { name: 'Action' }));
    await user.keyboard('{Control>}{Shift>}d{/Shift}{/Control}');
    expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Decision 1' })).getByRole('combobox', { name: 'Decision' }));
    await user.keyboard('{Control>}{Shift>}e{/Shift}{/Control}');
    expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Declaration 1' })).getByRole('combobox', { name: 'Member' }));
  });

  it('inserts the current time at the cursor with Ctrl+Shift+T', async () => {
    const { user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    await user.click(minutes);
    await user.keyboard('The meeting adjourned at ');
    await user.keyboard('{Control>}{Shift>}t{/Shift}{/Control}');
    await user.keyboard('.');
    expect(minutes.textContent).toMatch(/^The meeting adjourned at (1[0-2]|[1-9])\.[0-5]\d (am|pm)\.$/);
  });

  it('opens the arrival or departure dialog with Ctrl+Shift+M', async () => {
    const { user } = await openMeeting();
    await user.click(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('{Control>}{Shift>}m{/Shift}{/Control}');
    expect(screen.getByRole('dialog', { name: 'Arrival or departure' })).toBeTruthy();
  });

  it('inserts a standard phrase with its placeholders filled, chosen by arrow keys and Enter', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    await user.click(minutes);
    await user.keyboard('{Control>}{Shift>}s{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Insert standard phrase' });
    const phrases = within(dialog).getByRole('listbox', { name: 'Standard phrases' });
    await waitFor(() => expect(within(phrases).getAllByRole('option')).toHaveLength(2));
    expect(document.activeElement).toBe(phrases);
    expect(within(phrases).getAllByRole('option')[0]?.textContent).toBe(
      'Previous minutes approved: The minutes of the meeting held on 11 October 2022 were approved as a correct record and signed by the Chair.',
    );
    await user.keyboard('{ArrowDown}');
    expect(within(phrases).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.queryByRole('dialog', { name: 'Insert standard phrase' })).toBeNull();
    expect(minutes.textContent).toBe('The minutes of the meeting held on 11 October 2022 were approved as a correct record and signed by the Chair.');
    act(() => undefined);
    await waitFor(() =>
      expect(stored(api).agenda[2]?.minutes.map((block) => block.runs.map((run) => run.text).join(''))).toEqual([
        'The minutes of the meeting held on 11 October 2022 were approved as a correct record and signed by the Chair.',
      ]),
    );
  });

  it('lists every shortcut in the F1 cheat sheet', async () => {
    const { user } = await openMeeting();
    await user.click(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('{F1}');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const shortcut of SHORTCUTS) {
      const row = within(sheet).getByRole('row', { name: `${shortcut.label} ${shortcut.description}` });
      expect(row).toBeTruthy();
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Minutes' }));
  });
});

describe('name completion in the minutes', () => {
  it('offers those present after "@", filters by the letters typed, and inserts the display form', async () => {
    const { user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    await user.click(minutes);
    await user.keyboard('Asked by @');
    const names = screen.getByRole('listbox', { name: 'Names of those present' });
    // Councillor Ann Reed sent apologies: not offered.
    expect(
      within(names)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Councillor Liz Hardman', 'Councillor Joe Bloggs', 'Councillor Sam Patel', 'Mary Jones']);
    await user.keyboard('j');
    expect(
      within(names)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Councillor Joe Bloggs', 'Mary Jones']);
    expect(minutes.getAttribute('aria-activedescendant')).toBe(within(names).getAllByRole('option')[0]?.id);
    await user.keyboard('{ArrowDown}');
    expect(minutes.getAttribute('aria-activedescendant')).toBe(within(names).getAllByRole('option')[1]?.id);
    expect(within(names).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(minutes.textContent).toBe('Asked by Mary Jones');
    expect(screen.queryByRole('listbox', { name: 'Names of those present' })).toBeNull();
    expect(minutes.getAttribute('aria-activedescendant')).toBeNull();
    await user.keyboard(' and @zz');
    expect(screen.queryByRole('listbox', { name: 'Names of those present' })).toBeNull();
  });

  it('offers a name after the first three letters of a surname; Tab accepts, Escape dismisses and Enter then starts a paragraph', async () => {
    const { user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    await user.click(minutes);
    await user.keyboard('Pa');
    expect(screen.queryByRole('listbox', { name: 'Names of those present' })).toBeNull();
    await user.keyboard('t');
    const names = screen.getByRole('listbox', { name: 'Names of those present' });
    expect(
      within(names)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Councillor Sam Patel']);
    await user.keyboard('{Tab}');
    expect(minutes.textContent).toBe('Councillor Sam Patel');
    await user.keyboard(' said the Hardwick');
    // "Har" offered Councillor Liz Hardman; "Hardw" no longer matches, so the list closed by itself.
    expect(screen.queryByRole('listbox', { name: 'Names of those present' })).toBeNull();
    await user.keyboard(' and Blo');
    expect(screen.getByRole('listbox', { name: 'Names of those present' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox', { name: 'Names of those present' })).toBeNull();
    await user.keyboard('{Enter}Next paragraph');
    expect(
      within(minutes)
        .getAllByRole('paragraph')
        .map((paragraph) => paragraph.textContent),
    ).toEqual(['Councillor Sam Patel said the Hardwick and Blo', 'Next paragraph']);
  });

  it('never turns a word that only starts like a surname into a name when the clerk presses Enter', async () => {
    const { user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    const minutes = screen.getByRole('textbox', { name: 'Minutes' });
    await user.click(minutes);
    await user.keyboard('The meeting moved to the Pat');
    expect(screen.getByRole('listbox', { name: 'Names of those present' })).toBeTruthy();
    await user.keyboard('{Enter}Next paragraph');
    expect(
      within(minutes)
        .getAllByRole('paragraph')
        .map((paragraph) => paragraph.textContent),
    ).toEqual(['The meeting moved to the Pat', 'Next paragraph']);
    await user.keyboard(' and Pat{ArrowDown}{Enter}');
    expect(within(minutes).getAllByRole('paragraph').at(-1)?.textContent).toBe('Next paragraph and Councillor Sam Patel');
  });
});

describe('a change the core refuses', () => {
  it('shows the core’s message and reloads the meeting so the screen matches the file', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    api.refusals.set('meetings.applyChanges', 'The meeting file was changed on another computer and this change no longer applies.');
    const title = screen.getByRole('textbox', { name: 'Item title' });
    await user.type(title, 'X');
    expect((await screen.findByRole('alert')).textContent).toBe('The meeting file was changed on another computer and this change no longer applies.');
    await waitFor(() => expect(within(agendaNav).getByRole('button', { name: '66. Director’s report' })).toBeTruthy());
    expect((screen.getByRole('textbox', { name: 'Item title' }) as HTMLInputElement).value).toBe('Director’s report');
    expect(api.calls.filter((call) => call.name === 'meetings.open')).toHaveLength(2);
  });

  it('keeps minutes typed but not yet sent when the meeting is reloaded after a refusal', async () => {
    const { api, user, agendaNav } = await openMeeting();
    await user.click(within(agendaNav).getByRole('button', { name: '66. Director’s report' }));
    await user.click(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('The Director introduced the report.');
    api.refusals.set('meetings.applyChanges', 'The meeting file was changed on another computer and this change no longer applies.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Item title' }), { target: { value: 'Director’s reportX' } });
    await screen.findByRole('alert');
    await waitFor(() => expect(api.calls.filter((call) => call.name === 'meetings.open')).toHaveLength(2));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Minutes' }).textContent).toBe('The Director introduced the report.'));
    expect(stored(api).agenda[2]?.minutes).toEqual([expect.objectContaining({ runs: [{ text: 'The Director introduced the report.' }] })]);
  });
});
