// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { shapeOfKind, type MinutesShape } from '../../main/domain/bodies';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { createCommittee, type Committee, type MemberRole } from '../../main/domain/committee';
import type { Meeting } from '../../main/domain/meeting';
import { createMeetingForCommittee } from '../../main/domain/meetingSetup';
import { AttendancePanel, MovementDialog, QuorumIndicator } from '../../renderer/attendance/AttendancePanel';

const clock = () => new Date(2022, 10, 8, 10, 17, 42);

function committee(): Committee {
  const roles: MemberRole[] = ['chair', 'vice-chair', 'member', 'member', 'member', 'co-opted-non-voting'];
  const names = ['Liz Hardman', 'Joe Bloggs', 'Pat Smith', 'Sam Jones', 'Kim Lee', 'Ann Other'];
  return {
    ...createCommittee('Children’s Scrutiny Panel'),
    nextMinuteNumber: 61,
    quorum: { kind: 'count', count: 4 },
    members: names.map((name, index) => ({
      id: `member-${index + 1}`,
      name,
      displayName: roles[index] === 'co-opted-non-voting' ? name : `Councillor ${name}`,
      role: roles[index]!,
    })),
  };
}

function newMeeting(): Meeting {
  return createMeetingForCommittee(
    { committee: 'Panel', title: '', date: '2022-11-08', startTime: '10:00', venue: '' },
    committee(),
    new Date('2022-11-08T09:00:00Z'),
  );
}

/** Plays the meeting screen's part: applies what the panel sends and shows the result. */
function renderPanel(initial: Meeting, itemIndex = 3, withDialog = false, shape?: MinutesShape) {
  const sent: MeetingChange[] = [];
  let latest = initial;
  function Harness() {
    const [meeting, setMeeting] = useState(initial);
    const [open, setOpen] = useState(false);
    const itemId = meeting.agenda[itemIndex]?.id ?? meeting.agenda.at(-1)?.id;
    const onChanges = (changes: MeetingChange[]) => {
      sent.push(...changes);
      setMeeting((current) => (latest = changes.reduce((each, change) => applyMeetingChange(each, change, clock()), current)));
    };
    return (
      <>
        {withDialog ? (
          <button type="button" onClick={() => setOpen(true)}>
            Open movement dialog
          </button>
        ) : null}
        <AttendancePanel meeting={meeting} currentItemId={itemId} onChanges={onChanges} now={clock} {...(shape ? { shape } : {})} />
        <MovementDialog open={open} meeting={meeting} currentItemId={itemId} onClose={() => setOpen(false)} onChanges={onChanges} now={clock} />
      </>
    );
  }
  render(<Harness />);
  return { sent, meeting: () => latest, user: userEvent.setup() };
}

function withItems(meeting: Meeting): Meeting {
  return ['Director’s update', 'Fostering report'].reduce(
    (current, title, index) =>
      applyMeetingChange(
        current,
        {
          kind: 'item.add',
          index: 3 + index,
          item: {
            id: `item-${index + 4}-abc`,
            title,
            background: '',
            minutes: [],
            role: 'standard',
            minutesEditedByHand: false,
            exempt: false,
            publicSummary: '',
          },
        },
        clock(),
      ),
    meeting,
  );
}

/** Attendees get fresh ids when the meeting is set up; tests find them by name. */
function idOf(meeting: Meeting, name: string): string {
  const found = meeting.attendees.find((attendee) => attendee.name === name);
  if (!found) throw new Error(`${name} is not attending`);
  return found.id;
}

function attendanceOf(name: string) {
  return screen.getByRole('combobox', { name: `Attendance of ${name}` });
}

describe('the attendance panel', () => {
  it('records a member’s apologies and the quorum follows at once', async () => {
    const { sent, meeting, user } = renderPanel(withItems(newMeeting()));
    const region = screen.getByRole('region', { name: 'Attendance' });
    expect(within(region).getByRole('status').textContent).toBe('Quorate: 5 voting members present, 4 needed');
    expect(within(region).getByText('Vice-Chair')).toBeTruthy();

    await user.selectOptions(attendanceOf('Councillor Pat Smith'), 'Apologies');
    expect(sent).toEqual([
      { kind: 'entity.put', collection: 'attendees', entity: expect.objectContaining({ id: idOf(meeting(), 'Pat Smith'), status: 'apologies' }) },
    ]);
    expect(screen.getByRole('status').textContent).toBe('Quorate: 4 voting members present, 4 needed');
    expect(meeting().agenda[0]?.minutes[0]?.runs[0]?.text).toBe('Apologies for absence were received from Councillor Pat Smith.');

    await user.selectOptions(attendanceOf('Councillor Sam Jones'), 'Absent');
    expect(screen.getByRole('alert').textContent).toBe('Not quorate: 3 voting members present, 4 needed');
    expect(screen.queryByRole('status')).toBeNull();
    await user.selectOptions(attendanceOf('Councillor Sam Jones'), 'Present');
    expect(screen.getByRole('status').textContent).toBe('Quorate: 4 voting members present, 4 needed');
  });

  it('records a substitute who counts instead of the member, and removes them when the member is back', async () => {
    const { sent, meeting, user } = renderPanel(withItems(newMeeting()));
    await user.selectOptions(attendanceOf('Councillor Kim Lee'), 'Substitute');
    expect(sent).toEqual([]);
    const name = screen.getByRole('textbox', { name: 'Substitute for Councillor Kim Lee' });
    expect(document.activeElement).toBe(name);
    await user.type(name, 'Councillor Ruth Green');
    await user.click(screen.getByRole('button', { name: 'Add substitute' }));
    const substitute = meeting().attendees.find((attendee) => attendee.role === 'substitute');
    expect(substitute).toMatchObject({
      displayName: 'Councillor Ruth Green',
      name: 'Councillor Ruth Green',
      category: 'member',
      substituteFor: idOf(meeting(), 'Kim Lee'),
      status: 'present',
    });
    expect(meeting().attendees.find((attendee) => attendee.id === idOf(meeting(), 'Kim Lee'))?.status).toBe('substituted');
    expect(screen.getByText('Councillor Ruth Green attends as substitute')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Quorate: 5 voting members present, 4 needed');
    expect(meeting().agenda[0]?.minutes.map((block) => block.runs[0]?.text)).toEqual([
      'Apologies for absence were received from Councillor Kim Lee.',
      'Councillor Ruth Green attended as a substitute for Councillor Kim Lee.',
    ]);

    await user.selectOptions(attendanceOf('Councillor Kim Lee'), 'Present');
    expect(sent.at(-2)).toEqual({ kind: 'entity.remove', collection: 'attendees', id: substitute!.id });
    expect(meeting().attendees.some((attendee) => attendee.role === 'substitute')).toBe(false);
    expect(meeting().attendees.find((attendee) => attendee.id === idOf(meeting(), 'Kim Lee'))?.status).toBe('present');
  });

  it('corrects a substitute’s name without losing what is recorded about them, and asks before removing them', async () => {
    const { sent, meeting, user } = renderPanel(withItems(newMeeting()));
    await user.selectOptions(attendanceOf('Councillor Kim Lee'), 'Substitute');
    await user.type(screen.getByRole('textbox', { name: 'Substitute for Councillor Kim Lee' }), 'Councillor Ruth Gren{Enter}');
    const substitute = meeting().attendees.find((attendee) => attendee.role === 'substitute')!;
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Ruth Gren left' }));

    await user.click(screen.getByRole('button', { name: 'Correct name of Councillor Ruth Gren' }));
    const name = screen.getByRole('textbox', { name: 'Substitute for Councillor Kim Lee' });
    await user.clear(name);
    await user.type(name, 'Councillor Ruth Green');
    await user.click(screen.getByRole('button', { name: 'Save substitute' }));
    expect(sent.some((change) => change.kind === 'entity.remove')).toBe(false);
    expect(meeting().attendees.filter((attendee) => attendee.role === 'substitute')).toEqual([
      { ...substitute, name: 'Councillor Ruth Green', displayName: 'Councillor Ruth Green' },
    ]);
    expect(meeting().movements.map((movement) => movement.attendeeId)).toEqual([substitute.id]);

    // The member is back: the substitute goes, with their departure, but only once the clerk agrees.
    await user.selectOptions(attendanceOf('Councillor Kim Lee'), 'Present');
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Councillor Ruth Green' });
    expect(dialog.textContent).toContain('Remove Councillor Ruth Green? Their declarations and arrivals will be removed too.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(meeting().attendees.some((attendee) => attendee.id === substitute.id)).toBe(true);
    expect(attendanceOf('Councillor Kim Lee')).toHaveProperty('value', 'substituted');
    await user.selectOptions(attendanceOf('Councillor Kim Lee'), 'Present');
    await user.click(within(screen.getByRole('alertdialog', { name: 'Remove Councillor Ruth Green' })).getByRole('button', { name: 'Remove' }));
    expect(meeting().attendees.some((attendee) => attendee.id === substitute.id)).toBe(false);
    expect(meeting().attendees.find((attendee) => attendee.id === idOf(meeting(), 'Kim Lee'))?.status).toBe('present');
  });

  it('asks before removing someone also present whose arrival or departure is recorded', async () => {
    const { meeting, user } = renderPanel(withItems(newMeeting()));
    await user.type(screen.getByRole('textbox', { name: 'Add someone present' }), 'Councillor Eve Brown{Enter}');
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Eve Brown left' }));
    await user.click(screen.getByRole('button', { name: 'Remove Councillor Eve Brown' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Councillor Eve Brown' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(meeting().attendees.some((attendee) => attendee.displayName === 'Councillor Eve Brown')).toBe(false);
    expect(meeting().movements).toEqual([]);
  });

  it('adds officers, councillors and guests by typing a name, and removes them', async () => {
    const { meeting, user } = renderPanel(withItems(newMeeting()));
    await user.type(screen.getByRole('textbox', { name: 'Add someone present' }), 'Mary Kearney-Knowles');
    await user.selectOptions(screen.getByRole('combobox', { name: 'as' }), 'Officer');
    await user.type(screen.getByRole('textbox', { name: 'Job title' }), 'Director of Children’s Services & Education');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('Mary Kearney-Knowles, Director of Children’s Services & Education')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Add someone present' })).toHaveProperty('value', '');

    await user.selectOptions(screen.getByRole('combobox', { name: 'as' }), 'Councillor');
    await user.type(screen.getByRole('textbox', { name: 'Add someone present' }), 'Councillor Eve Brown{Enter}');
    expect(
      meeting()
        .attendees.filter((attendee) => attendee.category !== 'member')
        .map((attendee) => [attendee.displayName, attendee.category, attendee.jobTitle]),
    ).toEqual([
      ['Mary Kearney-Knowles', 'officer', 'Director of Children’s Services & Education'],
      ['Councillor Eve Brown', 'councillor', undefined],
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove Councillor Eve Brown' }));
    expect(meeting().attendees.some((attendee) => attendee.displayName === 'Councillor Eve Brown')).toBe(false);
  });

  it('stamps a departure and an arrival with the time and the current item, and can remove them', async () => {
    const { sent, meeting, user } = renderPanel(withItems(newMeeting()), 3);
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Joe Bloggs left' }));
    expect(sent.at(-1)).toEqual({
      kind: 'entity.put',
      collection: 'movements',
      entity: { id: expect.any(String), attendeeId: idOf(meeting(), 'Joe Bloggs'), kind: 'left', time: '10:17', itemId: 'item-4-abc' },
    });
    expect(screen.getByText('Councillor Joe Bloggs left the meeting at 10.17 am during item 64.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark Councillor Joe Bloggs arrived' })).toBeTruthy();

    // A late arrival: absent until they come in, then present from this item on.
    await user.selectOptions(attendanceOf('Councillor Sam Jones'), 'Absent');
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Sam Jones arrived' }));
    expect(meeting().attendees.find((attendee) => attendee.id === idOf(meeting(), 'Sam Jones'))?.status).toBe('present');
    expect(screen.getByText('Councillor Sam Jones arrived at 10.17 am during item 64.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Quorate: 4 voting members present, 4 needed');

    await user.click(screen.getByRole('button', { name: 'Remove record: Councillor Joe Bloggs left the meeting at 10.17 am during item 64.' }));
    expect(meeting().movements.map((movement) => movement.attendeeId)).toEqual([idOf(meeting(), 'Sam Jones')]);
    expect(screen.getByRole('status').textContent).toBe('Quorate: 5 voting members present, 4 needed');
  });

  it('warns the moment members leave and the meeting becomes inquorate', async () => {
    const { user } = renderPanel(withItems(newMeeting()));
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Liz Hardman left' }));
    expect(screen.getByRole('status').textContent).toBe('Quorate: 4 voting members present, 4 needed');
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Pat Smith left' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Not quorate: 3 voting members present, 4 needed');
    expect(alert.className).toContain('quorum__state--inquorate');
  });
});

describe('the quorum indicator', () => {
  it('leaves out a member who withdrew for a declared interest, for that item only', () => {
    const meeting = withItems(newMeeting());
    const declared: Meeting = {
      ...meeting,
      quorum: { kind: 'count', count: 5 },
      declarations: [
        { id: 'declaration-1', itemId: 'item-5-abc', attendeeId: idOf(meeting, 'Liz Hardman'), kind: 'disclosable-pecuniary', nature: '', withdrew: true },
      ],
    };
    const { rerender } = render(<QuorumIndicator meeting={declared} currentItemId="item-4-abc" />);
    expect(screen.getByRole('status').textContent).toBe('Quorate: 5 voting members present, 5 needed');
    rerender(<QuorumIndicator meeting={declared} currentItemId="item-5-abc" />);
    expect(screen.getByRole('alert').textContent).toBe('Not quorate: 4 voting members present, 5 needed');
  });
});

describe('the arrival or departure dialog', () => {
  it('is operated by keyboard: type part of a name, arrows, Enter', async () => {
    const { sent, meeting, user } = renderPanel(withItems(newMeeting()), 4, true);
    screen.getByRole('button', { name: 'Open movement dialog' }).focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Arrival or departure' });
    const who = within(dialog).getByRole('combobox', { name: 'Who arrived or left?' });
    expect(document.activeElement).toBe(who);
    await user.keyboard('councillor');
    expect(within(dialog).getAllByRole('option')).toHaveLength(5);
    await user.clear(who);
    await user.keyboard('s');
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Councillor Joe Bloggs: mark as left', 'Councillor Pat Smith: mark as left', 'Councillor Sam Jones: mark as left']);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(within(dialog).getByRole('option', { selected: true }).textContent).toBe('Councillor Pat Smith: mark as left');
    expect(who.getAttribute('aria-activedescendant')).toBe(within(dialog).getByRole('option', { selected: true }).id);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent.at(-1)).toMatchObject({
      kind: 'entity.put',
      collection: 'movements',
      entity: { attendeeId: idOf(meeting(), 'Pat Smith'), kind: 'left', time: '10:17', itemId: 'item-5-abc' },
    });
    expect(screen.getByText('Councillor Pat Smith left the meeting at 10.17 am during item 65.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open movement dialog' }));

    // Open again: Pat is out of the room, so Enter records the return.
    await user.keyboard('{Enter}');
    await user.keyboard('pat');
    const again = screen.getByRole('dialog', { name: 'Arrival or departure' });
    expect(within(again).getByRole('option', { selected: true }).textContent).toBe('Councillor Pat Smith: mark as arrived');
    await user.keyboard('{Enter}');
    expect(sent.at(-1)).toMatchObject({ entity: { attendeeId: idOf(meeting(), 'Pat Smith'), kind: 'arrived' } });

    await user.keyboard('{Enter}');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('attendance as the body records it', () => {
  const school = shapeOfKind('school-maintained');

  function attendee(meeting: Meeting, name: string) {
    return meeting.attendees.find((each) => each.name === name);
  }

  it('lists everyone under the house style’s groups, with its labels, in its order', async () => {
    const { user } = renderPanel(withItems(newMeeting()), 3, false, school);
    await user.type(screen.getByRole('textbox', { name: 'Add someone present' }), 'Dana Clerk');
    await user.selectOptions(screen.getByRole('combobox', { name: 'as' }), 'Officer');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const region = screen.getByRole('region', { name: 'Attendance' });
    expect(
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['Governors present', 'Also in attendance', 'Arrivals and departures']);

    await user.click(screen.getByRole('button', { name: 'Details of Dana Clerk' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attendance group of Dana Clerk' }), 'Clerk');
    await user.click(screen.getByRole('button', { name: 'Save details of Dana Clerk' }));
    expect(
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['Governors present', 'Clerk', 'Arrivals and departures']);
    expect(within(screen.getByRole('region', { name: 'Clerk' })).getByText('Dana Clerk')).toBeTruthy();
  });

  it('edits what the minutes print of a member: capacity, initials, category and role in the body’s words', async () => {
    const { meeting, user } = renderPanel(withItems(newMeeting()), 3, false, school);
    await user.click(screen.getByRole('button', { name: 'Details of Councillor Joe Bloggs' }));
    const details = screen.getByRole('form', { name: 'Details of Councillor Joe Bloggs' });
    await user.type(within(details).getByRole('textbox', { name: 'Job title or capacity of Councillor Joe Bloggs' }), 'Chair of Finance');
    await user.type(within(details).getByRole('textbox', { name: 'Initials of Councillor Joe Bloggs' }), 'JB');
    await user.selectOptions(within(details).getByRole('combobox', { name: 'Category of Councillor Joe Bloggs' }), 'Parent governor (P)');
    await user.type(within(details).getByRole('textbox', { name: 'Role as printed of Councillor Joe Bloggs' }), 'Joint Deputy Chair');
    await user.click(within(details).getByRole('button', { name: 'Save details of Councillor Joe Bloggs' }));

    expect(attendee(meeting(), 'Joe Bloggs')).toMatchObject({
      jobTitle: 'Chair of Finance',
      initials: 'JB',
      memberCategory: 'parent',
      roleLabel: 'Joint Deputy Chair',
    });
    expect(screen.queryByRole('form', { name: 'Details of Councillor Joe Bloggs' })).toBeNull();
    expect(screen.getByText('Councillor Joe Bloggs, Chair of Finance')).toBeTruthy();
    expect(screen.getByText('[JB]')).toBeTruthy();
    expect(screen.getByTitle('Parent governor').textContent).toBe('P');
    expect(screen.getByText('Joint Deputy Chair')).toBeTruthy();
  });

  it('lets anyone be present, remote, send apologies or be absent; only members have substitutes', async () => {
    const { meeting, user } = renderPanel(withItems(newMeeting()), 3);
    await user.type(screen.getByRole('textbox', { name: 'Add someone present' }), 'Mo Adviser');
    await user.selectOptions(screen.getByRole('combobox', { name: 'as' }), 'Guest');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const status = attendanceOf('Mo Adviser');
    expect(
      within(status)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Present', 'Apologies', 'Absent', 'Remote']);
    await user.selectOptions(status, 'Remote');
    expect(attendee(meeting(), 'Mo Adviser')?.status).toBe('remote');
    await user.selectOptions(attendanceOf('Mo Adviser'), 'Apologies');
    expect(attendee(meeting(), 'Mo Adviser')?.status).toBe('apologies');
  });

  it('records apologies as consented or not where the body does', async () => {
    const { meeting, user } = renderPanel(withItems(newMeeting()), 3, false, school);
    expect(screen.queryByRole('combobox', { name: 'Apologies of Councillor Kim Lee' })).toBeNull();
    await user.selectOptions(attendanceOf('Councillor Kim Lee'), 'Apologies');
    const consent = screen.getByRole('combobox', { name: 'Apologies of Councillor Kim Lee' });
    expect(consent).toHaveProperty('value', 'consented');
    await user.selectOptions(consent, 'Not consented');
    expect(attendee(meeting(), 'Kim Lee')?.apologiesConsented).toBe(false);
  });

  it('keeps a remote member remote when they are marked arrived', async () => {
    const { meeting, user } = renderPanel(withItems(newMeeting()), 3);
    await user.selectOptions(attendanceOf('Councillor Pat Smith'), 'Remote');
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Pat Smith left' }));
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Pat Smith arrived' }));
    expect(attendee(meeting(), 'Pat Smith')?.status).toBe('remote');
    expect(meeting().movements.map((movement) => movement.kind)).toEqual(['left', 'arrived']);
  });

  it('corrects an arrival’s time afterwards, any time of day, and says how to type one it cannot read', async () => {
    const { meeting, user } = renderPanel(withItems(newMeeting()), 3);
    await user.click(screen.getByRole('button', { name: 'Mark Councillor Joe Bloggs left' }));
    const time = screen.getByRole('textbox', { name: 'Time Councillor Joe Bloggs left' });
    expect(time).toHaveProperty('value', '10:17');
    await user.clear(time);
    await user.type(time, '25:10{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Type the time as HH:MM on the 24-hour clock, for example 09:05 or 14:30.');
    expect(time.getAttribute('aria-invalid')).toBe('true');
    expect(meeting().movements[0]?.time).toBe('10:17');

    await user.clear(time);
    await user.type(time, '7:05{Enter}');
    expect(meeting().movements[0]?.time).toBe('07:05');
    expect(screen.getByText('Councillor Joe Bloggs left the meeting at 7.05 am during item 64.')).toBeTruthy();
    const corrected = screen.getByRole('textbox', { name: 'Time Councillor Joe Bloggs left' });
    expect(corrected).toHaveProperty('value', '07:05');
    await user.clear(corrected);
    await user.type(corrected, '23:40');
    await user.tab();
    expect(meeting().movements[0]?.time).toBe('23:40');
  });
});

describe('the roll call', () => {
  async function openRollCall(initial: Meeting = withItems(newMeeting())) {
    const panel = renderPanel(initial);
    await panel.user.click(screen.getByRole('button', { name: 'Roll call…' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll call' });
    return { ...panel, dialog };
  }

  function statusOf(meeting: Meeting, name: string) {
    return meeting.attendees.find((attendee) => attendee.name === name)?.status;
  }

  it('shows the whole roster, one row a person, and sets each status with one key, moving on', async () => {
    const { dialog, meeting, user } = await openRollCall();
    const rows = within(dialog).getAllByRole('button', { name: /: / });
    expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual([
      'Councillor Liz Hardman: Present',
      'Councillor Joe Bloggs: Present',
      'Councillor Pat Smith: Present',
      'Councillor Sam Jones: Present',
      'Councillor Kim Lee: Present',
      'Ann Other: Present',
    ]);
    expect(document.activeElement).toBe(rows[0]);
    await user.keyboard('pa');
    expect(statusOf(meeting(), 'Joe Bloggs')).toBe('apologies');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Councillor Pat Smith: Present');
    expect(within(dialog).getByText('Councillor Joe Bloggs: Apologies. Next: Councillor Pat Smith.')).toBeTruthy();
    await user.keyboard('xr');
    expect(statusOf(meeting(), 'Pat Smith')).toBe('absent');
    expect(statusOf(meeting(), 'Sam Jones')).toBe('remote');
    expect(within(dialog).getByRole('button', { name: 'Councillor Sam Jones: Remote' })).toBeTruthy();

    // S asks for the substitute's name; Enter records them and moves on.
    await user.keyboard('s');
    await user.keyboard('Councillor Ruth Green{Enter}');
    expect(statusOf(meeting(), 'Kim Lee')).toBe('substituted');
    expect(meeting().attendees.some((attendee) => attendee.name === 'Councillor Ruth Green' && attendee.role === 'substitute')).toBe(true);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Ann Other: Present');
  });

  it('takes back the last mark with Ctrl+Z, and goes back to that name', async () => {
    const { dialog, meeting, user } = await openRollCall();
    await user.keyboard('{ArrowDown}as');
    await user.keyboard('Councillor Ruth Green{Enter}');
    expect(statusOf(meeting(), 'Pat Smith')).toBe('substituted');
    await user.keyboard('{Control>}z{/Control}');
    expect(statusOf(meeting(), 'Pat Smith')).toBe('present');
    expect(meeting().attendees.some((attendee) => attendee.name === 'Councillor Ruth Green')).toBe(false);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Councillor Pat Smith: Present');
    await user.keyboard('{Control>}z{/Control}');
    expect(statusOf(meeting(), 'Joe Bloggs')).toBe('present');
    expect(within(dialog).getByText('Undone: the mark for Councillor Joe Bloggs.')).toBeTruthy();
    await user.keyboard('{Control>}z{/Control}');
    expect(within(dialog).getByText('Nothing to undo.')).toBeTruthy();
  });

  it('moves with the arrows, Home and End, and closes on Escape', async () => {
    const { dialog, user } = await openRollCall();
    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Ann Other: Present');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Councillor Kim Lee: Present');
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Councillor Liz Hardman: Present');
    expect(
      within(dialog)
        .getAllByRole('button', { name: /: / })
        .filter((row) => row.tabIndex === 0),
    ).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Roll call' })).toBeNull();
  });
});
