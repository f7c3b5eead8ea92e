// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCommittee } from '../../main/domain/committee';
import { createAgendaItem } from '../../main/domain/meeting';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

async function openHouseStyle(api: FakeApi) {
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  const section = await screen.findByRole('region', { name: 'House style' });
  await waitFor(() => expect(within(section).getByRole('textbox', { name: 'Font' })).toHaveProperty('value', 'Arial'));
  return { user, section };
}

describe('the library’s house style in Settings', () => {
  it('shows the library’s style, a live example of the minute number, and saves the changes', async () => {
    const api = new FakeApi();
    const { user, section } = await openHouseStyle(api);
    expect(within(section).getByText('Example: 63 → 63')).toBeTruthy();
    expect(within(section).getByRole('combobox', { name: 'Date format' })).toHaveProperty('value', '8 November 2022');

    await user.type(within(section).getByRole('textbox', { name: 'Organisation name' }), 'Bath & North East Somerset Council');
    const pattern = within(section).getByRole('textbox', { name: 'Minute number format' });
    await user.clear(pattern);
    await user.type(pattern, 'PDS/{{yy}/{{n}');
    expect(within(section).getByText('Example: 63 → PDS/22/63')).toBeTruthy();
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Date format' }), '08/11/2022');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Time format' }), '10:00, 14:05');
    const size = within(section).getByRole('spinbutton', { name: 'Text size (points)' });
    await user.clear(size);
    await user.type(size, '11');
    await user.click(within(section).getByRole('checkbox', { name: 'Headings in capitals' }));
    await user.type(within(section).getByRole('textbox', { name: 'Logo file (PNG or JPEG)' }), 'house-style/banes-logo.png');
    await user.type(
      within(section).getByRole('textbox', { name: 'Logo description (read aloud by screen readers)' }),
      'Bath & North East Somerset Council logo',
    );
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));

    expect((await within(section).findByText('House style saved.')).getAttribute('role')).toBe('status');
    expect(api.houseStyle).toMatchObject({
      organisation: 'Bath & North East Somerset Council',
      minuteNumberPattern: 'PDS/{yy}/{n}',
      dateFormat: '08/11/2022',
      timeFormat: '10:00',
      bodySizePt: 11,
      headingStyle: { bold: true, allCaps: true, colour: '000000' },
      logo: { file: 'house-style/banes-logo.png', altText: 'Bath & North East Somerset Council logo', widthMm: 40 },
    });
    expect(api.houseStyle.template).toBeUndefined();
  });

  it('names the first problem in the schema’s words and saves nothing', async () => {
    const api = new FakeApi();
    const { user, section } = await openHouseStyle(api);
    const pattern = within(section).getByRole('textbox', { name: 'Minute number format' });
    await user.clear(pattern);
    await user.type(pattern, 'PDS/{{yy}');
    expect(within(section).getByText('Example: — (the format must hold {n})')).toBeTruthy();
    expect(pattern.getAttribute('aria-invalid')).toBe('true');
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    expect(within(section).getByRole('alert').textContent).toBe('Minute number format: a minute number format must hold {n}, where the number goes.');

    await user.clear(pattern);
    await user.type(pattern, '{{n}.');
    await user.type(within(section).getByRole('textbox', { name: 'Logo file (PNG or JPEG)' }), 'C:\\Logos\\council.png');
    await user.type(within(section).getByRole('textbox', { name: 'Logo description (read aloud by screen readers)' }), 'Council logo');
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    expect(within(section).getByRole('alert').textContent).toBe('Logo file: a house-style file must be inside the library folder.');

    await user.clear(within(section).getByRole('textbox', { name: 'Logo file (PNG or JPEG)' }));
    await user.type(within(section).getByRole('textbox', { name: 'Logo file (PNG or JPEG)' }), 'logo.png');
    await user.clear(within(section).getByRole('textbox', { name: 'Logo description (read aloud by screen readers)' }));
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    expect(within(section).getByRole('alert').textContent).toBe(
      'Logo description: the logo needs alternative text, for example "Bath & North East Somerset Council logo".',
    );

    const size = within(section).getByRole('spinbutton', { name: 'Heading 1 size (points)' });
    await user.type(within(section).getByRole('textbox', { name: 'Logo description (read aloud by screen readers)' }), 'Council logo');
    await user.clear(size);
    await user.type(size, '40');
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    expect(within(section).getByRole('alert').textContent).toBe('Heading 1 size: must be a number of points from 8 to 36.');
    expect(api.calls.filter((call) => call.name === 'library.houseStyle.save')).toHaveLength(0);
  });

  it('shows the core’s refusal as it is', async () => {
    const api = new FakeApi();
    const { user, section } = await openHouseStyle(api);
    api.refusals.set('library.houseStyle.save', 'The library settings cannot be saved to “/srv/shared/Minutes/library.json”: the folder is read-only.');
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    expect((await within(section).findByRole('alert')).textContent).toBe(
      'The library settings cannot be saved to “/srv/shared/Minutes/library.json”: the folder is read-only.',
    );
  });
});

describe('a committee’s own house style', () => {
  async function openCommittee(api: FakeApi) {
    api.committees.set('planning', { ...createCommittee('Planning Committee'), slug: 'planning' });
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'Committees' }));
    await user.click(await screen.findByRole('button', { name: 'Planning Committee' }));
    return user;
  }

  it('overrides only what the clerk sets, and says what the library uses otherwise', async () => {
    const api = new FakeApi();
    api.houseStyle = { ...api.houseStyle, organisation: 'Bath & North East Somerset Council' };
    const user = await openCommittee(api);
    expect(screen.queryByRole('textbox', { name: 'Minute number format' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Override the library house style for this committee' }));
    const pattern = screen.getByRole('textbox', { name: 'Minute number format' });
    await waitFor(() => expect(screen.getByText('The library’s: Bath & North East Somerset Council')).toBeTruthy());
    await user.type(pattern, 'PL/{{yyyy}/{{n}');
    expect(screen.getByText('Example: 63 → PL/2022/63')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Date format' }), '8 Nov 2022');
    await user.click(screen.getByRole('button', { name: 'Save committee' }));

    expect(await screen.findByText('Committee saved.')).toBeTruthy();
    expect(api.committees.get('planning')?.houseStyle).toEqual({ minuteNumberPattern: 'PL/{yyyy}/{n}', dateFormat: '8 Nov 2022' });

    await user.click(screen.getByRole('checkbox', { name: 'Override the library house style for this committee' }));
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    await waitFor(() => expect(api.committees.get('planning')?.houseStyle).toBeUndefined());
  });

  it('names a problem in the override before saving', async () => {
    const api = new FakeApi();
    const user = await openCommittee(api);
    await user.click(screen.getByRole('checkbox', { name: 'Override the library house style for this committee' }));
    await user.type(screen.getByRole('textbox', { name: 'Minute number format' }), 'PL/{{year}/{{n}');
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    expect(screen.getByRole('alert').textContent).toBe('House style, Minute number format: a minute number format may only use {n}, {yy} and {yyyy}.');
    expect(api.calls.filter((call) => call.name === 'committees.save')).toHaveLength(0);
  });
});

describe('minute numbers on the meeting screen', () => {
  it('follow the house style’s format', async () => {
    const api = new FakeApi();
    api.minuteNumberPattern = 'PDS/{yy}/{n}';
    const meeting = api.addMeeting(
      { committee: 'Planning and Development Scrutiny Panel', title: '', date: '2022-11-08', startTime: '10:00', venue: '' },
      (created) => ({ ...created, firstMinuteNumber: 63, agenda: [createAgendaItem('Apologies'), createAgendaItem('Local Plan review')] }),
    );
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: `Open ${meeting.committee} 2022-11-08` }));
    const agenda = await screen.findByRole('navigation', { name: 'Agenda' });
    expect(
      within(agenda)
        .getAllByRole('button', { name: /^PDS\// })
        .map((button) => button.textContent),
    ).toEqual(['PDS/22/63 Apologies', 'PDS/22/64 Local Plan review']);
    expect(screen.getByRole('heading', { level: 2, name: 'Item PDS/22/63' })).toBeTruthy();
  });
});

// Choosing the kind of body: for the library (with the shape parts a clerk sets most), per committee, and for a new committee.
describe('the kind of body in Settings', () => {
  it('is a council’s for a library that names none, and is saved only once chosen', async () => {
    const api = new FakeApi();
    const { user, section } = await openHouseStyle(api);
    expect(within(section).getByRole('combobox', { name: 'Kind of body' })).toHaveProperty('value', 'principal-council');
    expect(within(section).getByRole('combobox', { name: 'Paragraph numbering' })).toHaveProperty('value', '');
    expect(within(section).getByRole('option', { name: 'As usual for the kind of body (None)' })).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    await within(section).findByText('House style saved.');
    expect(api.houseStyle.bodyKind).toBeUndefined();
    expect(api.houseStyle.shape).toBeUndefined();
  });

  it('chooses a school’s, renames a group, numbers paragraphs and sets the action reference with a live example', async () => {
    const api = new FakeApi();
    const { user, section } = await openHouseStyle(api);
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Kind of body' }), 'School governing board (maintained school)');
    expect(within(section).getByRole('option', { name: 'As usual for the kind of body (After the minute number (63.1, 63.2))' })).toBeTruthy();
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Paragraph numbering' }), 'None');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Decisions of several points' }), 'Points run into one paragraph');

    const reference = within(section).getByRole('textbox', { name: 'Action reference format' });
    await user.type(reference, 'FGB{{yy}-{{n}');
    expect(reference.getAttribute('aria-invalid')).toBe('true');
    await user.type(reference, '.{{i}');
    expect(reference.getAttribute('aria-invalid')).toBeNull();
    expect(within(section).getByText('Example: Minute 63, its 2nd action (the meeting’s 7th) → FGB22-63.2')).toBeTruthy();

    await user.type(within(section).getByRole('textbox', { name: 'Label for “Clerk”' }), 'Clerk to the Governors');
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    await within(section).findByText('House style saved.');

    expect(api.houseStyle.bodyKind).toBe('school-maintained');
    expect(api.houseStyle.shape?.paragraphNumbering).toBe('none');
    expect(api.houseStyle.shape?.decisionLayout).toBe('run-in');
    expect(api.houseStyle.shape?.actionReferencePattern).toBe('FGB{yy}-{n}.{i}');
    expect(api.houseStyle.shape?.attendanceGroups?.map((group) => `${group.id}: ${group.label}`)).toEqual([
      'members: Governors present',
      'in-attendance: Also in attendance',
      'clerk: Clerk to the Governors',
      'apologies-consented: Apologies received and consented',
      'apologies-not-consented: Apologies received and not consented',
      'absent: Absent',
    ]);
  });

  it('names a bad action reference format and saves nothing', async () => {
    const api = new FakeApi();
    const { user, section } = await openHouseStyle(api);
    await user.type(within(section).getByRole('textbox', { name: 'Action reference format' }), '{{n}');
    await user.click(within(section).getByRole('button', { name: 'Save house style' }));
    expect(
      await within(section).findByText('Action reference format: an action reference format must hold {i} or {seq}, so that two actions differ.'),
    ).toBeTruthy();
    expect(api.calls.filter((call) => call.name === 'library.houseStyle.save')).toHaveLength(0);
  });
});

describe('the kind of body of a committee', () => {
  it('follows the library unless the committee overrides it', async () => {
    const api = new FakeApi();
    api.houseStyle = { ...api.houseStyle, bodyKind: 'nhs-trust-board' };
    api.committees.set('quality', { ...createCommittee('Quality Committee'), slug: 'quality' });
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'Committees' }));
    await user.click(await screen.findByRole('button', { name: 'Quality Committee' }));
    await user.click(screen.getByRole('checkbox', { name: 'Override the library house style for this committee' }));
    expect(await screen.findByRole('option', { name: 'As the library (NHS board (trust board in public))' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of body' }), 'NHS board committee');
    await user.type(screen.getByRole('textbox', { name: 'Label for “Secretariat”' }), 'Committee Secretary');
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    expect(await screen.findByText('Committee saved.')).toBeTruthy();
    const saved = api.committees.get('quality')?.houseStyle;
    expect(saved?.bodyKind).toBe('nhs-board-committee');
    expect(saved?.shape?.attendanceGroups?.find((group) => group.id === 'secretariat')?.label).toBe('Committee Secretary');
  });

  it('gives a new committee the standard items of its kind', async () => {
    const api = new FakeApi();
    api.houseStyle = { ...api.houseStyle, bodyKind: 'school-maintained' };
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'Committees' }));
    await user.click(await screen.findByRole('button', { name: 'New committee' }));
    const dialog = screen.getByRole('dialog', { name: 'New committee' });
    expect(await within(dialog).findByRole('option', { name: 'As the library (School governing board (maintained school))' })).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Committee name' }), 'Full Governing Board');
    await user.click(within(dialog).getByRole('button', { name: 'Create committee' }));
    await screen.findByRole('heading', { level: 2, name: 'Full Governing Board' });
    expect(api.committees.get('full-governing-board')?.standardItems[0]).toBe('Welcome and apologies for absence');
    // Governors attending by video count and vote, as the kind of body says.
    expect(api.committees.get('full-governing-board')?.remoteMembersCount).toBe(true);
    expect(api.committees.get('full-governing-board')?.houseStyle).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'New committee' }));
    const second = screen.getByRole('dialog', { name: 'New committee' });
    await user.type(within(second).getByRole('textbox', { name: 'Committee name' }), 'Parish Liaison');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Kind of body' }), 'Town or parish council');
    await user.click(within(second).getByRole('button', { name: 'Create committee' }));
    await screen.findByRole('heading', { level: 2, name: 'Parish Liaison' });
    expect(api.committees.get('parish-liaison')?.standardItems[2]).toBe('Public participation');
    expect(api.committees.get('parish-liaison')?.houseStyle).toEqual({ bodyKind: 'parish-council' });
  });
});
