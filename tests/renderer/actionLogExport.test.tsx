// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCommittee } from '../../main/domain/committee';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

const FOLDER = '/home/priya/Documents/Minutes';
const WORD_LOG = `${FOLDER}/Planning Panel action log 2026-11-23.docx`;
const CONFIDENTIAL_CSV = `${FOLDER}/Planning Panel action log 2026-11-23 (confidential).csv`;

async function openActionLogExport(api = new FakeApi()) {
  const committee = createCommittee('Planning Panel');
  api.committees.set(committee.slug, committee);
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(screen.getByRole('button', { name: 'Committees' }));
  await user.click(await screen.findByRole('button', { name: 'Planning Panel' }));
  const opener = screen.getByRole('button', { name: 'Export action log…' });
  await user.click(opener);
  const dialog = await screen.findByRole('dialog', { name: 'Export action log' });
  const saveAs = within(dialog).getByRole('textbox', { name: 'Save as' }) as HTMLInputElement;
  await waitFor(() => expect(saveAs.value).not.toBe(''));
  return { api, user, dialog, saveAs, opener, slug: committee.slug };
}

describe('Export action log… on the Committees screen', () => {
  it('offers a public Word table in the export folder, and follows the format and Part 2 choices', async () => {
    const { dialog, saveAs, user } = await openActionLogExport();
    expect(within(dialog).getByRole('radio', { name: 'Word table' })).toHaveProperty('checked', true);
    expect(within(dialog).getByRole('radio', { name: 'CSV for Excel' })).toHaveProperty('checked', false);
    expect(within(dialog).getByRole('checkbox', { name: 'Include Part 2 (confidential) actions' })).toHaveProperty('checked', false);
    expect(saveAs.value).toBe(WORD_LOG);
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: 'Word table' }));
    // Browser mode has no Save dialog: the clerk types the path.
    expect(within(dialog).queryByRole('button', { name: 'Choose…' })).toBeNull();

    await user.click(within(dialog).getByRole('radio', { name: 'CSV for Excel' }));
    expect(saveAs.value).toBe(`${FOLDER}/Planning Panel action log 2026-11-23.csv`);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Include Part 2 (confidential) actions' }));
    expect(saveAs.value).toBe(CONFIDENTIAL_CSV);
  });

  it('exports what was chosen, says how many actions, then opens or shows that file', async () => {
    const { api, dialog, user, slug } = await openActionLogExport();
    await user.click(within(dialog).getByRole('radio', { name: 'CSV for Excel' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Include Part 2 (confidential) actions' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    expect(await within(dialog).findByText(`Exported 14 actions to ${CONFIDENTIAL_CSV}`)).toBeTruthy();
    expect(api.actionLogExports).toEqual([{ slug, format: 'csv', confidential: true, path: CONFIDENTIAL_CSV }]);
    const open = within(dialog).getByRole('button', { name: 'Open' });
    await waitFor(() => expect(document.activeElement).toBe(open));
    await user.click(open);
    await user.click(within(dialog).getByRole('button', { name: 'Show in folder' }));
    expect(api.calls.filter((call) => call.name === 'files.open' || call.name === 'files.showInFolder')).toEqual([
      { name: 'files.open', input: { path: CONFIDENTIAL_CSV } },
      { name: 'files.showInFolder', input: { path: CONFIDENTIAL_CSV } },
    ]);
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('says which meeting files were left out because they could not be read', async () => {
    const api = new FakeApi();
    api.actionLogResult = { rows: 1, unreadable: 2 };
    const { dialog, user } = await openActionLogExport(api);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    const status = await within(dialog).findByRole('status');
    await waitFor(() => expect(status.textContent).toContain(`Exported 1 action to ${WORD_LOG}`));
    expect(status.textContent).toContain('2 meeting files could not be read and are not included');
  });

  it('offers the free name beside a log that is open in Word, and saves there when asked', async () => {
    const api = new FakeApi();
    api.busyFiles.add(WORD_LOG);
    const { dialog, user, saveAs } = await openActionLogExport(api);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Planning Panel action log 2026-11-23.docx is open in Word');
    const suggestion = within(alert).getByRole('button', { name: 'Save as Planning Panel action log 2026-11-23 (2).docx' });
    await waitFor(() => expect(document.activeElement).toBe(suggestion));
    expect(api.actionLogExports).toEqual([]);

    await user.click(suggestion);
    const saved = `${FOLDER}/Planning Panel action log 2026-11-23 (2).docx`;
    expect(await within(dialog).findByText(`Exported 14 actions to ${saved}`)).toBeTruthy();
    expect(saveAs.value).toBe(saved);
    expect(api.actionLogExports.map((each) => each.path)).toEqual([saved]);
  });

  it('keeps a typed path when Part 2 is ticked, changing only its ending with the format', async () => {
    const { dialog, user, saveAs, api } = await openActionLogExport();
    await user.clear(saveAs);
    await user.type(saveAs, '/home/priya/Papers/Panel actions.docx');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Include Part 2 (confidential) actions' }));
    expect(saveAs.value).toBe('/home/priya/Papers/Panel actions.docx');
    await user.click(within(dialog).getByRole('radio', { name: 'CSV for Excel' }));
    expect(saveAs.value).toBe('/home/priya/Papers/Panel actions.csv');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText('Exported 14 actions to /home/priya/Papers/Panel actions.csv');
    expect(api.actionLogExports[0]).toMatchObject({ format: 'csv', confidential: true });
  });

  it('asks for a path when Save as is empty, without exporting', async () => {
    const { dialog, user, saveAs, api } = await openActionLogExport();
    await user.clear(saveAs);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Type where to save the action log in “Save as”, as a full path ending in .docx.');
    expect(api.actionLogExports).toEqual([]);
  });

  it('asks before replacing a log that is there, and replaces it only when told', async () => {
    const api = new FakeApi();
    api.existingFiles.add(WORD_LOG);
    const { dialog, user } = await openActionLogExport(api);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    const alert = await within(dialog).findByRole('alert');
    expect(
      within(alert).getByText(
        `There is already a file called Planning Panel action log 2026-11-23.docx in “${FOLDER}”. Replace it, or save under another name.`,
      ),
    ).toBeTruthy();
    expect(api.actionLogExports).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: 'Replace it' }));
    expect(await within(dialog).findByText(`Exported 14 actions to ${WORD_LOG}`)).toBeTruthy();
    expect(api.actionLogExports.map((each) => each.path)).toEqual([WORD_LOG]);
  });

  it('uses the Save dialog in the desktop app, for the format chosen', async () => {
    const api = new FakeApi();
    api.canChooseFile = true;
    api.chosenFile = '/home/priya/Desktop/Actions.csv';
    const { dialog, user, saveAs } = await openActionLogExport(api);
    await user.click(within(dialog).getByRole('radio', { name: 'CSV for Excel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Choose…' }));
    await waitFor(() => expect(saveAs.value).toBe('/home/priya/Desktop/Actions.csv'));
    expect(api.calls.find((call) => call.name === 'committees.chooseActionLogTarget')?.input).toEqual({
      defaultPath: `${FOLDER}/Planning Panel action log 2026-11-23.csv`,
      format: 'csv',
    });
  });

  it('closes with Escape and gives focus back to the button that opened it', async () => {
    const { user, opener } = await openActionLogExport();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Export action log' })).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
