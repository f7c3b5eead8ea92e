// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAgendaItem, type Meeting } from '../../main/domain/meeting';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

const COMMITTEE = 'Planning and Development Scrutiny Panel';
const FOLDER = '/home/priya/Documents/Minutes';
const PUBLIC_FILE = `${FOLDER}/2022-11-08 ${COMMITTEE} minutes.docx`;

async function openMeeting(api: FakeApi = new FakeApi(), change?: (meeting: Meeting) => Meeting) {
  const meeting = api.addMeeting(
    { committee: COMMITTEE, title: 'Ordinary meeting', date: '2022-11-08', startTime: '10:00', venue: 'Brunswick Room, Guildhall' },
    (created) => {
      const withAgenda = {
        ...created,
        agenda: [
          { ...createAgendaItem('Apologies'), id: 'item-apologies' },
          { ...createAgendaItem('Local Plan review'), id: 'item-local-plan' },
        ],
      };
      return change ? change(withAgenda) : withAgenda;
    },
  );
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(await screen.findByRole('button', { name: `Open ${meeting.committee} 2022-11-08` }));
  await screen.findByRole('heading', { level: 1, name: meeting.committee });
  return { api, meeting, user };
}

async function openExport(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Export…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Export the minutes to Word' });
  const saveAs = within(dialog).getByRole('textbox', { name: 'Save as' }) as HTMLInputElement;
  await waitFor(() => expect(saveAs.value).not.toBe(''));
  return { dialog, saveAs };
}

describe('Export… on the meeting screen', () => {
  it('offers the public version, DRAFT on a draft meeting, and a file in the export folder', async () => {
    const { user } = await openMeeting();
    const { dialog, saveAs } = await openExport(user);
    expect(within(dialog).getByRole('radio', { name: 'Public' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('radio', { name: 'Confidential' })).toHaveProperty('checked', false);
    expect(within(dialog).getByRole('checkbox', { name: 'Mark every page DRAFT' })).toHaveProperty('checked', true);
    expect(saveAs.value).toBe(PUBLIC_FILE);
    // Browser mode has no Save dialog: the clerk types the path.
    expect(within(dialog).queryByRole('button', { name: 'Choose…' })).toBeNull();
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: 'Public' }));

    await user.click(within(dialog).getByRole('radio', { name: 'Confidential' }));
    expect(saveAs.value).toBe(`${FOLDER}/2022-11-08 ${COMMITTEE} minutes (confidential).docx`);
  });

  it('does not mark an approved meeting DRAFT unless asked', async () => {
    const { user } = await openMeeting(new FakeApi(), (meeting) => ({ ...meeting, status: 'approved' }));
    const { dialog } = await openExport(user);
    expect(within(dialog).getByRole('checkbox', { name: 'Mark every page DRAFT' })).toHaveProperty('checked', false);
  });

  it('opens with Ctrl+Shift+X from inside the minutes, and exports only once what was typed has reached the core', async () => {
    const { api, user } = await openMeeting();
    await user.click(screen.getByRole('button', { name: '2. Local Plan review' }));
    api.holdApplyChanges();
    await user.click(screen.getByRole('textbox', { name: 'Minutes' }));
    await user.keyboard('The Panel noted the draft Local Plan.');
    await user.keyboard('{Control>}{Shift>}x{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Export the minutes to Word' });
    await waitFor(() => expect((within(dialog).getByRole('textbox', { name: 'Save as' }) as HTMLInputElement).value).toBe(PUBLIC_FILE));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    // The typed minutes are still on their way: the export waits for them.
    await within(dialog).findByText('Exporting…');
    expect(api.calls.some((call) => call.name === 'meetings.export')).toBe(false);
    api.release();

    await within(dialog).findByText(`Exported to ${PUBLIC_FILE}`);
    expect(api.exports).toHaveLength(1);
    const exported = api.exports[0]!;
    expect(exported).toMatchObject({ path: PUBLIC_FILE, version: 'public', draft: true });
    const item = exported.meeting.agenda.find((each) => each.id === 'item-local-plan');
    expect(item?.minutes.flatMap((block) => block.runs.map((run) => run.text)).join('')).toBe('The Panel noted the draft Local Plan.');
  });

  it('says where the file went, then opens it or shows it in its folder', async () => {
    const { api, user } = await openMeeting();
    const { dialog } = await openExport(user);
    expect(within(dialog).queryByRole('button', { name: 'Open' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Show in folder' })).toBeNull();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Mark every page DRAFT' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    const status = await within(dialog).findByRole('status');
    await waitFor(() => expect(status.textContent).toBe(`Exported to ${PUBLIC_FILE}`));
    expect(api.exports[0]).toMatchObject({ draft: false });
    const open = within(dialog).getByRole('button', { name: 'Open' }) as HTMLButtonElement;
    const show = within(dialog).getByRole('button', { name: 'Show in folder' }) as HTMLButtonElement;
    expect(open.disabled).toBe(false);
    expect(show.disabled).toBe(false);
    expect(document.activeElement).toBe(open);

    await user.click(open);
    await user.click(show);
    const fileCalls = api.calls.filter((call) => call.name === 'files.open' || call.name === 'files.showInFolder');
    expect(fileCalls).toEqual([
      { name: 'files.open', input: { path: PUBLIC_FILE } },
      { name: 'files.showInFolder', input: { path: PUBLIC_FILE } },
    ]);
  });

  it('when the file is open in Word, says so and saves under the free name it offers', async () => {
    const api = new FakeApi();
    api.busyFiles.add(PUBLIC_FILE);
    const { user } = await openMeeting(api);
    const { dialog, saveAs } = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText(`2022-11-08 ${COMMITTEE} minutes.docx is open in Word — close it there, or save under another name.`)).toBeTruthy();
    const saveUnderOther = within(alert).getByRole('button', { name: `Save as 2022-11-08 ${COMMITTEE} minutes (2).docx` });
    expect(document.activeElement).toBe(saveUnderOther);
    expect(api.exports).toHaveLength(0);

    await user.click(saveUnderOther);
    const suggested = `${FOLDER}/2022-11-08 ${COMMITTEE} minutes (2).docx`;
    await within(dialog).findByText(`Exported to ${suggested}`);
    expect(saveAs.value).toBe(suggested);
    expect(api.exports.map((each) => each.path)).toEqual([suggested]);
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('when a file of that name is there, asks before replacing it, and replaces it only when told', async () => {
    const api = new FakeApi();
    api.existingFiles.add(PUBLIC_FILE);
    const { user } = await openMeeting(api);
    const { dialog } = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    const alert = await within(dialog).findByRole('alert');
    expect(
      within(alert).getByText(`There is already a file called 2022-11-08 ${COMMITTEE} minutes.docx in “${FOLDER}”. Replace it, or save under another name.`),
    ).toBeTruthy();
    // The safe answer has the focus: Enter does not replace the file.
    expect(document.activeElement).toBe(within(alert).getByRole('button', { name: `Save as 2022-11-08 ${COMMITTEE} minutes (2).docx` }));
    expect(api.exports).toHaveLength(0);

    await user.click(within(alert).getByRole('button', { name: 'Replace it' }));
    await within(dialog).findByText(`Exported to ${PUBLIC_FILE}`);
    expect(api.exports.map((each) => each.path)).toEqual([PUBLIC_FILE]);
    expect(api.calls.filter((call) => call.name === 'meetings.export').map((call) => (call.input as { replace?: boolean }).replace)).toEqual([false, true]);
  });

  it('when a file of that name is there, saves under the free name it offers', async () => {
    const api = new FakeApi();
    api.existingFiles.add(PUBLIC_FILE);
    const { user } = await openMeeting(api);
    const { dialog, saveAs } = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await user.click(await within(dialog).findByRole('button', { name: `Save as 2022-11-08 ${COMMITTEE} minutes (2).docx` }));
    const suggested = `${FOLDER}/2022-11-08 ${COMMITTEE} minutes (2).docx`;
    await within(dialog).findByText(`Exported to ${suggested}`);
    expect(saveAs.value).toBe(suggested);
    expect(api.exports.map((each) => each.path)).toEqual([suggested]);
  });

  it('does not ask again about a file chosen in the Save dialog, which asked already', async () => {
    const api = new FakeApi();
    api.canChooseFile = true;
    api.chosenFile = '/srv/committee-papers/Planning/Minutes 8 November.docx';
    api.existingFiles.add(api.chosenFile);
    const { user } = await openMeeting(api);
    const { dialog } = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Choose…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText(`Exported to ${api.chosenFile}`);
    expect(api.calls.find((call) => call.name === 'meetings.export')?.input).toMatchObject({ target: api.chosenFile, replace: true });
  });

  it('uses the Save dialog where the desktop has one', async () => {
    const api = new FakeApi();
    api.canChooseFile = true;
    api.chosenFile = '/srv/committee-papers/Planning/Minutes 8 November.docx';
    const { user } = await openMeeting(api);
    const { dialog, saveAs } = await openExport(user);
    await user.click(within(dialog).getByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect(saveAs.value).toBe(api.chosenFile));
    expect(api.calls.find((call) => call.name === 'files.chooseExportTarget')?.input).toEqual({ defaultPath: PUBLIC_FILE });
    // Choosing another version keeps the file the clerk chose.
    await user.click(within(dialog).getByRole('radio', { name: 'Confidential' }));
    expect(saveAs.value).toBe(api.chosenFile);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText(`Exported to ${api.chosenFile}`);
    expect(api.exports[0]).toMatchObject({ path: api.chosenFile, version: 'confidential' });
  });

  it('shows the core’s refusal in the dialog, and Escape gives focus back to Export…', async () => {
    const api = new FakeApi();
    const { user } = await openMeeting(api);
    const { dialog } = await openExport(user);
    api.refusals.set('meetings.export', 'There is no folder “/media/usb”. Choose a folder that exists, or type its full path.');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('There is no folder “/media/usb”. Choose a folder that exists, or type its full path.');
    expect(within(dialog).queryByRole('button', { name: 'Open' })).toBeNull();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export…' }));
  });

  it('is listed with its keys on the F1 sheet', async () => {
    const { user } = await openMeeting();
    await user.keyboard('{F1}');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const row = within(sheet).getByText('Export the minutes to Word').closest('tr');
    expect(row?.textContent).toContain('Ctrl+Shift+X');
  });
});
