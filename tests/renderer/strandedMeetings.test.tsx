// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

const planning = { committee: 'Planning Committee', title: 'Ordinary meeting', date: '2026-11-10', startTime: '10:00', venue: 'Guildhall' };
const scrutiny = { committee: 'Children’s Services Scrutiny Panel', title: '', date: '2026-11-03', startTime: '18:00', venue: 'Room 2' };

describe('meetings kept only on this computer', () => {
  it('says how many there are, naming committee, date and the changes never sent', async () => {
    const api = new FakeApi();
    api.addMeeting({ committee: 'Licensing Sub-Committee', title: '', date: '2026-10-01', startTime: '10:00', venue: 'Room 1' });
    api.addStranded(planning, 66);
    api.addStranded(scrutiny, 1);
    render(<App api={api} />);
    const region = await screen.findByRole('region', { name: '2 meetings are kept only on this computer' });
    expect(within(region).getByText('Planning Committee, Tuesday 10 November 2026')).toBeTruthy();
    expect(within(region).getByText(/66 changes never reached the library/)).toBeTruthy();
    expect(within(region).getByText('Children’s Services Scrutiny Panel, Tuesday 3 November 2026')).toBeTruthy();
    expect(within(region).getByText(/1 change never reached the library/)).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Put back into the library: Planning Committee, Tuesday 10 November 2026' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Save a copy of Planning Committee, Tuesday 10 November 2026…' })).toBeTruthy();
  });

  it('puts a meeting back into the library, which then lists it, and says where', async () => {
    const api = new FakeApi();
    const meeting = api.addStranded(planning, 66);
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Put back into the library: Planning Committee, Tuesday 10 November 2026' }));
    expect(await screen.findByRole('button', { name: 'Open Planning Committee 2026-11-10' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: /kept only on this computer/ })).toBeNull();
    expect(
      screen.getByText(
        'Put Planning Committee, Tuesday 10 November 2026 back into the library as “meetings/2026/2026-11-10 planning-committee.json”, with every change.',
      ),
    ).toBeTruthy();
    expect(api.calls.filter((call) => call.name === 'meetings.stranded.putBack').map((call) => call.input)).toEqual([{ meetingId: meeting.id }]);
  });

  it('saves a copy where the clerk says, and offers a free name when a file is in the way', async () => {
    const api = new FakeApi();
    const meeting = api.addStranded(planning, 66);
    const taken = '/home/priya/Documents/rescued.json';
    api.savedCopies.set(taken, meeting);
    const user = userEvent.setup();
    render(<App api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Save a copy of Planning Committee, Tuesday 10 November 2026…' }));
    const path = screen.getByRole('textbox', { name: 'Save the copy of Planning Committee, Tuesday 10 November 2026 as' });
    expect((path as HTMLInputElement).value).toBe(`${api.exportFolder}/2026-11-10 Planning Committee (kept on this computer).json`);
    await user.clear(path);
    await user.type(path, taken);
    await user.click(screen.getByRole('button', { name: 'Save copy' }));
    expect((await screen.findByRole('alert')).textContent).toContain('There is already a file “rescued.json”');
    expect((path as HTMLInputElement).value).toBe('/home/priya/Documents/rescued (2).json');
    await user.click(screen.getByRole('button', { name: 'Save copy' }));
    expect(
      await screen.findByText(/Saved a copy of Planning Committee, Tuesday 10 November 2026 as “\/home\/priya\/Documents\/rescued \(2\)\.json”/),
    ).toBeTruthy();
    expect(api.savedCopies.get('/home/priya/Documents/rescued (2).json')?.id).toBe(meeting.id);
    // Still kept here until it is put back.
    expect(screen.getByRole('region', { name: '1 meeting is kept only on this computer' })).toBeTruthy();
  });

  it('says honestly when only changes are kept, and offers nothing it cannot do', async () => {
    const api = new FakeApi();
    api.addStranded(planning, 5, false);
    render(<App api={api} />);
    const region = await screen.findByRole('region', { name: '1 meeting is kept only on this computer' });
    expect(within(region).getByText(/keeps 5 changes to this meeting, but not the meeting itself/)).toBeTruthy();
    expect(within(region).queryByRole('button')).toBeNull();
  });
});
