// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCommittee, type Committee } from '../../main/domain/committee';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

function panel(): Committee {
  return {
    ...createCommittee('Children’s Scrutiny Panel'),
    defaultVenue: 'Council Chamber, Guildhall',
    nextMinuteNumber: 61,
    quorum: { kind: 'count', count: 2 },
    members: [
      { id: 'member-liz', name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', role: 'chair' },
      { id: 'member-joe', name: 'Joe Bloggs', displayName: 'Councillor Joe Bloggs', role: 'member' },
      { id: 'member-ann', name: 'Ann Other', displayName: 'Ann Other', role: 'co-opted-non-voting' },
    ],
  };
}

describe('a new meeting for a committee', () => {
  it('starts from the committee: name, venue, roster as attendance and the standard items', async () => {
    const api = new FakeApi();
    const committee = panel();
    api.committees.set(committee.slug, committee);
    api.committees.set('health-board', { ...createCommittee('Health Board'), defaultVenue: 'Kaposvar Room' });
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'New meeting' }));
    const dialog = screen.getByRole('dialog', { name: 'New meeting' });
    const choice = await within(dialog).findByRole('combobox', { name: 'Committee' });
    await user.selectOptions(choice, 'Health Board');
    expect(within(dialog).getByRole('textbox', { name: 'Venue' })).toHaveProperty('value', 'Kaposvar Room');
    expect(within(dialog).queryByRole('textbox', { name: 'Committee name' })).toBeNull();
    await user.selectOptions(choice, 'Children’s Scrutiny Panel');
    expect(within(dialog).getByRole('textbox', { name: 'Venue' })).toHaveProperty('value', 'Council Chamber, Guildhall');
    await user.click(within(dialog).getByRole('button', { name: 'Create meeting' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Children’s Scrutiny Panel' })).toBeTruthy();
    expect(api.calls.find((call) => call.name === 'meetings.create')?.input).toMatchObject({
      committee: 'Children’s Scrutiny Panel',
      venue: 'Council Chamber, Guildhall',
      committeeSlug: committee.slug,
    });
    const [meeting] = [...api.meetings.values()];
    expect(meeting?.attendees.map((attendee) => [attendee.displayName, attendee.role, attendee.status])).toEqual([
      ['Councillor Liz Hardman', 'chair', 'present'],
      ['Councillor Joe Bloggs', 'member', 'present'],
      ['Ann Other', 'co-opted-non-voting', 'present'],
    ]);
    expect(meeting?.agenda.map((item) => item.title)).toEqual([
      'Apologies for absence and substitutions',
      'Declarations of interest',
      'Minutes of the previous meeting',
    ]);
    expect(meeting?.firstMinuteNumber).toBe(61);
    expect(meeting?.quorum).toEqual({ kind: 'count', count: 2 });
  });

  it('still takes any committee name typed under “Other”', async () => {
    const api = new FakeApi();
    api.committees.set('health-board', { ...createCommittee('Health Board'), defaultVenue: 'Kaposvar Room' });
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'New meeting' }));
    const dialog = screen.getByRole('dialog', { name: 'New meeting' });
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Committee' }), 'Other (type a name)');
    expect(within(dialog).getByRole('textbox', { name: 'Venue' })).toHaveProperty('value', '');
    await user.type(within(dialog).getByRole('textbox', { name: 'Committee name' }), 'Extraordinary Panel');
    await user.click(within(dialog).getByRole('button', { name: 'Create meeting' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Extraordinary Panel' })).toBeTruthy();
    const input = api.calls.find((call) => call.name === 'meetings.create')?.input as Record<string, unknown>;
    expect(input.committee).toBe('Extraordinary Panel');
    expect(input).not.toHaveProperty('committeeSlug');
  });
});
