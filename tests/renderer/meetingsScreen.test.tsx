// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

function seedLibrary(api: FakeApi) {
  api.addMeeting({ committee: 'Corporate Parenting Board', title: '', date: '2023-01-12', startTime: '14:00', venue: 'Room 2' });
  api.addMeeting({
    committee: 'Children’s Scrutiny Panel',
    title: 'Budget',
    date: '2023-03-07',
    startTime: '10:00',
    venue: 'Council Chamber',
  });
  api.addMeeting({
    committee: 'Children’s Scrutiny Panel',
    title: 'Extra meeting',
    date: '2023-03-07',
    startTime: '18:30',
    venue: 'Online',
  });
  api.unreadable = [{ file: 'meetings/2022/2022-11-08 panel (Sam’s conflicted copy).json', problem: 'agenda.0.id: an id must be at least 4 characters' }];
}

describe('the meetings list', () => {
  it('lists meetings newest first and reports files it could not read', async () => {
    const api = new FakeApi();
    seedLibrary(api);
    render(<App api={api} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Meetings' })).toBeTruthy();
    const table = await screen.findByRole('table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers.slice(0, 4)).toEqual(['Committee', 'Date', 'Title', 'Status']);
    const titles = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[2]?.textContent);
    expect(titles).toEqual(['Extra meeting', 'Budget', '']);
    expect(screen.getAllByRole('button', { name: 'Open Children’s Scrutiny Panel 2023-03-07' })).toHaveLength(2);
    expect(screen.getByText('meetings/2022/2022-11-08 panel (Sam’s conflicted copy).json')).toBeTruthy();
    expect(screen.getByText(/an id must be at least 4 characters/)).toBeTruthy();
  });

  it('sets up a meeting through the New meeting dialog and opens it', async () => {
    const api = new FakeApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'New meeting' }));
    const dialog = screen.getByRole('dialog', { name: 'New meeting' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Committee name' }), 'Health & Wellbeing Board');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Annual meeting');
    const date = within(dialog).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2023-05-16');
    const start = within(dialog).getByLabelText('Start time');
    await user.clear(start);
    await user.type(start, '09:30');
    await user.type(within(dialog).getByRole('textbox', { name: 'Venue' }), 'Kaposvar Room');
    await user.click(within(dialog).getByRole('button', { name: 'Create meeting' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Health & Wellbeing Board' })).toBeTruthy();
    expect(screen.getByText('Tuesday 16 May 2023')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls.find((call) => call.name === 'meetings.create')?.input).toEqual({
      committee: 'Health & Wellbeing Board',
      title: 'Annual meeting',
      date: '2023-05-16',
      startTime: '09:30',
      venue: 'Kaposvar Room',
    });
  });

  it('asks for a committee name before creating anything', async () => {
    const api = new FakeApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'New meeting' }));
    await user.click(screen.getByRole('button', { name: 'Create meeting' }));
    expect(within(screen.getByRole('dialog', { name: 'New meeting' })).getByRole('alert').textContent).toBe('The committee name is required.');
    expect(api.calls.some((call) => call.name === 'meetings.create')).toBe(false);
  });

  it('asks before deleting, and does nothing on Cancel', async () => {
    const api = new FakeApi();
    seedLibrary(api);
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Delete Corporate Parenting Board 2023-01-12' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete meeting' });
    expect(within(confirm).getByText("Delete this meeting? The file is moved to the library's history folder and can be recovered.")).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(api.calls.some((call) => call.name === 'meetings.delete')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete Corporate Parenting Board 2023-01-12' }));
    await user.click(screen.getByRole('button', { name: 'Delete meeting' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Open Corporate Parenting Board 2023-01-12' })).toBeNull());
    expect(api.calls.filter((call) => call.name === 'meetings.delete')).toHaveLength(1);
  });
});

describe('the settings screen', () => {
  it('saves the clerk’s name and library folder', async () => {
    const api = new FakeApi();
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    const name = screen.getByRole('textbox', { name: 'Your name' });
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('Priya Clerk'));
    await user.clear(name);
    await user.type(name, 'Sam O’Neill');
    const folder = screen.getByRole('textbox', { name: 'Library folder' });
    await user.clear(folder);
    await user.type(folder, '\\\\council-fs\\Democratic Services\\Minutes');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(api.settings).toEqual({ displayName: 'Sam O’Neill', libraryPath: '\\\\council-fs\\Democratic Services\\Minutes' });
  });

  it('shows why the core refused the settings', async () => {
    const api = new FakeApi();
    api.refusals.set('settings.update', 'The library folder Z:\\Minutes does not exist. Choose a folder that exists.');
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save settings' }).hasAttribute('disabled')).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The library folder Z:\\Minutes does not exist. Choose a folder that exists.');
    expect(screen.queryByText('Settings saved.')).toBeNull();
  });
});
