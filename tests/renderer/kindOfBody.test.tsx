// @vitest-environment jsdom
/**
 * Choosing the kind of body: in Settings for the library (with the shape overrides a clerk needs
 * most: paragraph numbering, decision layout, action references, attendance group labels), per
 * committee as an override, and for a new committee, whose standard items come from its kind.
 */
import './setup-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCommittee } from '../../main/domain/committee';
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
