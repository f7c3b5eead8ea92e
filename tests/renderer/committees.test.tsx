// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createCommittee } from '../../main/domain/committee';
import { App } from '../../renderer/app/App';
import { FakeApi } from './fakeApi';

async function openCommittees(api: FakeApi) {
  const user = userEvent.setup();
  render(<App api={api} />);
  await user.click(screen.getByRole('button', { name: 'Committees' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Committees' })).toBeTruthy();
  return user;
}

/** The Health Board's roster import dialog, from the Committees screen. */
async function openRosterImport() {
  const api = new FakeApi();
  api.committees.set('health-board', createCommittee('Health Board'));
  const user = await openCommittees(api);
  await user.click(await screen.findByRole('button', { name: 'Health Board' }));
  await user.click(screen.getByRole('button', { name: 'Import roster from CSV…' }));
  return { api, user, dialog: screen.getByRole('dialog', { name: 'Import roster' }) };
}

/** The import preview's rows, as the cells' text. */
function previewRows(dialog: HTMLElement): (string | null)[][] {
  return within(within(dialog).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}

describe('the committees screen', () => {
  it('creates a committee, edits its roster and quorum rule, and saves it', async () => {
    const api = new FakeApi();
    const user = await openCommittees(api);
    await user.click(screen.getByRole('button', { name: 'New committee' }));
    const dialog = screen.getByRole('dialog', { name: 'New committee' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Committee name' }), 'Corporate Parenting Board');
    await user.click(within(dialog).getByRole('button', { name: 'Create committee' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Corporate Parenting Board' })).toBeTruthy();
    expect(api.committees.get('corporate-parenting-board')?.name).toBe('Corporate Parenting Board');
    expect(screen.getByRole('textbox', { name: 'Standard item 1' })).toHaveProperty('value', 'Apologies for absence and substitutions');

    await user.type(screen.getByRole('textbox', { name: 'Default venue' }), 'Kaposvar Room, Guildhall');
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    // The new row's name box has focus: typing fills it, and the display name follows.
    await user.keyboard('Liz Hardman');
    const displayName = screen.getByRole('textbox', { name: 'Member 1 display name' });
    expect(displayName).toHaveProperty('value', 'Liz Hardman');
    await user.clear(displayName);
    await user.type(displayName, 'Councillor Liz Hardman');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Member 1 role' }), 'Chair');
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.keyboard('Joe Bloggs');
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.keyboard('Someone Wrong');
    await user.click(screen.getByRole('button', { name: 'Remove Someone Wrong' }));

    const rule = screen.getByRole('radiogroup', { name: 'Quorum rule' });
    await user.click(within(rule).getByRole('radio', { name: 'A number of members' }));
    const needed = screen.getByRole('spinbutton', { name: 'Members needed' });
    await user.clear(needed);
    await user.type(needed, '4');
    await user.click(screen.getByRole('checkbox', { name: 'Members attending remotely count for quorum and may vote' }));
    const next = screen.getByRole('spinbutton', { name: 'Next minute number' });
    await user.clear(next);
    await user.type(next, '61');
    await user.click(screen.getByRole('button', { name: 'Add standard item' }));
    await user.keyboard('Chair’s announcements');

    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    expect((await screen.findByText('Committee saved.')).getAttribute('role')).toBe('status');
    const saved = api.committees.get('corporate-parenting-board');
    expect(saved).toMatchObject({
      defaultVenue: 'Kaposvar Room, Guildhall',
      quorum: { kind: 'count', count: 4 },
      remoteMembersCount: true,
      nextMinuteNumber: 61,
      standardItems: ['Apologies for absence and substitutions', 'Declarations of interest', 'Minutes of the previous meeting', 'Chair’s announcements'],
    });
    expect(saved?.members.map(({ name, displayName, role }) => ({ name, displayName, role }))).toEqual([
      { name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', role: 'chair' },
      { name: 'Joe Bloggs', displayName: 'Joe Bloggs', role: 'member' },
    ]);
  });

  it('names the first problem before saving, and shows the core’s refusal', async () => {
    const api = new FakeApi();
    api.committees.set('health-board', { ...createCommittee('Health Board'), slug: 'health-board' });
    const user = await openCommittees(api);
    await user.click(await screen.findByRole('button', { name: 'Health Board' }));
    await user.click(screen.getByRole('radio', { name: 'A fraction of voting members' }));
    await user.clear(screen.getByRole('spinbutton', { name: 'Denominator' }));
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    expect(screen.getByRole('alert').textContent).toBe('Quorum rule, Denominator: must be a whole number from 1 to 100.');
    await user.type(screen.getByRole('spinbutton', { name: 'Denominator' }), '2');
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    expect(screen.getByRole('alert').textContent).toBe('Roster, member 1 (name): a member needs a name.');
    expect(api.calls.filter((call) => call.name === 'committees.save')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Member 1 name' }), 'Pat Smith');
    api.refusals.set('committees.save', 'The committee file “committees/health-board.json” could not be written: the library folder is read-only.');
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be written');
  });

  it('lists committee files that could not be read', async () => {
    const api = new FakeApi();
    const original = api.call.bind(api);
    api.call = (async (name: string, input: unknown) => {
      if (name === 'committees.list') return { committees: [], unreadable: [{ file: 'committees/broken.json', problem: 'quorum: Invalid input' }] };
      return original(name as never, input as never);
    }) as typeof api.call;
    await openCommittees(api);
    expect(await screen.findByText('committees/broken.json')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Committee files that could not be read' })).toBeTruthy();
  });

  it('imports a roster from pasted CSV with a preview and the bad rows by line', async () => {
    const { api, user, dialog } = await openRosterImport();
    const add = () => within(dialog).getByRole('button', { name: /^Add \d+ members?$/ });
    expect(add()).toHaveProperty('disabled', true);
    const csv = 'name,role,title\nLiz Hardman,Chair,Councillor\n"Bloggs, Joe",Member,Councillor\n,Member,Councillor\nAnn Other,Treasurer,Mrs\n';
    await user.click(within(dialog).getByRole('textbox', { name: 'Or paste CSV' }));
    await user.paste(csv);

    const rows = previewRows(dialog);
    // A role in the body's own words is kept as printed (issue 11), counted as the closest role.
    expect(rows).toEqual([
      ['Liz Hardman', 'Councillor Liz Hardman', 'Chair'],
      ['Bloggs, Joe', 'Councillor Bloggs, Joe', 'Member'],
      ['Ann Other', 'Mrs Ann Other', 'Treasurer (Member)'],
    ]);
    const problems = within(within(dialog).getByRole('region', { name: 'Lines that cannot be imported' })).getAllByRole('listitem');
    expect(problems.map((item) => item.textContent)).toEqual(['Line 4: the name is empty']);
    await user.click(within(dialog).getByRole('button', { name: 'Add 3 members' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Member 2 display name' })).toHaveProperty('value', 'Councillor Bloggs, Joe');
    expect(api.committees.get('health-board')?.members).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    await waitFor(() => expect(api.committees.get('health-board')?.members).toHaveLength(3));
  });

  it('imports job titles, initials, categories and groups checked against the body’s own, and says which line names one it does not have', async () => {
    const api = new FakeApi();
    api.houseStyle = { ...api.houseStyle, bodyKind: 'school-maintained' };
    api.committees.set('fgb', { ...createCommittee('Full Governing Board'), slug: 'fgb' });
    const user = await openCommittees(api);
    await user.click(await screen.findByRole('button', { name: 'Full Governing Board' }));
    await user.click(screen.getByRole('button', { name: 'Import roster from CSV…' }));
    const dialog = screen.getByRole('dialog', { name: 'Import roster' });
    await user.click(within(dialog).getByRole('textbox', { name: 'Or paste CSV' }));
    await user.paste(
      'name,role,job title,initials,category,group\nCarol White,Chair,,CW,Parent governor,\nJo Clerk,Standing Invitee,Clerk to the Governors,JC,,Clerk\nKit Long,,,KL,Grandparent,\n',
    );
    const rows = previewRows(dialog);
    expect(rows).toEqual([
      ['Carol White', 'Carol White', 'Chair', '[CW]; Parent governor'],
      ['Jo Clerk', 'Jo Clerk', 'Standing Invitee (Co-opted member (non-voting))', 'Clerk to the Governors; [JC]; Clerk'],
    ]);
    const problems = within(within(dialog).getByRole('region', { name: 'Lines that cannot be imported' })).getAllByRole('listitem');
    expect(problems.map((item) => item.textContent)).toEqual([expect.stringMatching(/^Line 4: “Grandparent” is not a category of this body/)]);
    await user.click(within(dialog).getByRole('button', { name: 'Add 2 members' }));
    await user.click(screen.getByRole('button', { name: 'Save committee' }));
    await waitFor(() => expect(api.committees.get('fgb')?.members.map((member) => member.memberCategory ?? member.group)).toEqual(['parent', 'clerk']));
  });

  it('reads a roster from a chosen CSV file', async () => {
    const { user, dialog } = await openRosterImport();
    const file = new File(['\uFEFFLiz Hardman,Chair,Councillor\nJoe Bloggs,,Councillor\n'], 'roster.csv', { type: 'text/csv' });
    await user.upload(within(dialog).getByLabelText('CSV file'), file);
    expect(await within(dialog).findByRole('button', { name: 'Add 2 members' })).toHaveProperty('disabled', false);
  });
});
