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
