/** Reading a roster saved from a spreadsheet: header or not, quoting, Excel's BOM, and bad rows by line. */
import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../main/domain/rosterCsv';

function shape(text: string) {
  const { members, problems } = parseRosterCsv(text);
  return { members: members.map(({ name, displayName, role }) => ({ name, displayName, role })), problems };
}

describe('importing a roster from CSV', () => {
  it('reads a file with a header row, in any column order', () => {
    expect(shape('title,name,role\nCouncillor,Liz Hardman,Chair\nCouncillor,Joe Bloggs,Vice Chair\nMrs,Ann Other,Co-opted (non-voting)\n')).toEqual({
      members: [
        { name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', role: 'chair' },
        { name: 'Joe Bloggs', displayName: 'Councillor Joe Bloggs', role: 'vice-chair' },
        { name: 'Ann Other', displayName: 'Mrs Ann Other', role: 'co-opted-non-voting' },
      ],
      problems: [],
    });
  });

  it('reads a file without a header as name, role, title', () => {
    expect(shape('Liz Hardman,Chair,Councillor\nJoe Bloggs,,Councillor\r\nPat Smith,member,\n').members).toEqual([
      { name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', role: 'chair' },
      { name: 'Joe Bloggs', displayName: 'Councillor Joe Bloggs', role: 'member' },
      { name: 'Pat Smith', displayName: 'Pat Smith', role: 'member' },
    ]);
  });

  it('keeps commas inside quoted cells and ignores the byte-order mark Excel writes', () => {
    const result = shape('\uFEFFname,role,title\n"Hardman, Liz",Chair,Councillor\n"Smith, Pat ""PJ""",Member,Dr\n');
    expect(result.problems).toEqual([]);
    expect(result.members).toEqual([
      { name: 'Hardman, Liz', displayName: 'Councillor Hardman, Liz', role: 'chair' },
      { name: 'Smith, Pat "PJ"', displayName: 'Dr Smith, Pat "PJ"', role: 'member' },
    ]);
  });

  it('reports an unknown role and an empty name with their line numbers, and imports the good rows', () => {
    const result = shape('name,role,title\nLiz Hardman,Chair,Councillor\nJoe Bloggs,Treasurer,Councillor\n,Member,Councillor\nPat Smith,Member,Councillor\n');
    expect(result.members.map((member) => member.name)).toEqual(['Liz Hardman', 'Pat Smith']);
    expect(result.problems).toEqual([
      { line: 3, problem: expect.stringContaining('“Treasurer” is not a role Minute Book knows') },
      { line: 4, problem: 'the name is empty' },
    ]);
  });

  it('counts blank lines, so a problem’s line number is the line in the file', () => {
    const result = shape('name,role\n\nLiz Hardman,Chair\n\nJoe Bloggs,Boss\n');
    expect(result.members.map((member) => member.name)).toEqual(['Liz Hardman']);
    expect(result.problems).toEqual([{ line: 5, problem: expect.stringContaining('“Boss”') }]);
  });

  it('reads a list of names alone without complaining about the missing delimiter', () => {
    expect(shape('Liz Hardman\nJoe Bloggs\n')).toEqual({
      members: [
        { name: 'Liz Hardman', displayName: 'Liz Hardman', role: 'member' },
        { name: 'Joe Bloggs', displayName: 'Joe Bloggs', role: 'member' },
      ],
      problems: [],
    });
  });
});
