/** Reading a roster saved from a spreadsheet: header or not, quoting, Excel's BOM, and bad rows by line. */
import { describe, expect, it } from 'vitest';
import { shapeOfKind } from '../../main/domain/bodies';
import { closestRole, parseRosterCsv } from '../../main/domain/rosterCsv';

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

  it('reports a role too long to print and an empty name with their line numbers, and imports the good rows', () => {
    const result = shape(
      `name,role,title\nLiz Hardman,Chair,Councillor\nJoe Bloggs,${'Treasurer '.repeat(11)},Councillor\n,Member,Councillor\nPat Smith,Member,Councillor\n`,
    );
    expect(result.members.map((member) => member.name)).toEqual(['Liz Hardman', 'Pat Smith']);
    expect(result.problems).toEqual([
      { line: 3, problem: 'the role is longer than 100 characters' },
      { line: 4, problem: 'the name is empty' },
    ]);
  });

  it('counts blank lines, so a problem’s line number is the line in the file', () => {
    const result = parseRosterCsv('name,role,initials\n\nLiz Hardman,Chair,LH\n\nJoe Bloggs,Member,JBLOGGS-SENIOR\n');
    expect(result.members.map((member) => member.name)).toEqual(['Liz Hardman']);
    expect(result.problems).toEqual([{ line: 5, problem: 'the initials “JBLOGGS-SENIOR” are longer than 10 characters' }]);
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

  it('keeps a role in the body’s own words as printed, with the closest role Minute Book counts by', () => {
    const { members, problems } = parseRosterCsv(
      'name,role\nAda King,Joint Deputy Chair\nBen Ross,Interim Chair\nCal Hughes,Group Spokesperson\nDee Patel,Standing Invitee\nEd Moss,Acting Chair\nFay Lin,Observer\n',
    );
    expect(problems).toEqual([]);
    expect(members.map(({ name, role, roleLabel }) => [name, role, roleLabel])).toEqual([
      ['Ada King', 'vice-chair', 'Joint Deputy Chair'],
      ['Ben Ross', 'chair', 'Interim Chair'],
      ['Cal Hughes', 'member', 'Group Spokesperson'],
      ['Dee Patel', 'co-opted-non-voting', 'Standing Invitee'],
      ['Ed Moss', 'chair', 'Acting Chair'],
      ['Fay Lin', 'co-opted-non-voting', 'Observer'],
    ]);
    expect(['Vice Chairman', 'Adviser to the Board', 'Advisor', 'Treasurer'].map(closestRole)).toEqual([
      'vice-chair',
      'co-opted-non-voting',
      'co-opted-non-voting',
      'member',
    ]);
  });

  it('reads job title, initials, category and group, checked against the body’s own', () => {
    const school = shapeOfKind('school-maintained');
    const text = [
      'Name,Role,Job title,Initials,Category,Group',
      'Carol White,Chair,Chair of Governors,[CW],Parent governor,',
      'Hal Berry,,Headteacher,HB,HT,',
      'Ivy Stone,Member,,IS,staff,Governors present',
      'Jo Clerk,Standing Invitee,Clerk to the Governors,JC,,Clerk',
    ].join('\n');
    const { members, problems } = parseRosterCsv(text, school);
    expect(problems).toEqual([]);
    expect(members.map(({ id: _id, ...member }) => member)).toEqual([
      { name: 'Carol White', displayName: 'Carol White', role: 'chair', jobTitle: 'Chair of Governors', initials: 'CW', memberCategory: 'parent' },
      { name: 'Hal Berry', displayName: 'Hal Berry', role: 'member', jobTitle: 'Headteacher', initials: 'HB', memberCategory: 'headteacher' },
      { name: 'Ivy Stone', displayName: 'Ivy Stone', role: 'member', initials: 'IS', memberCategory: 'staff', group: 'members' },
      {
        name: 'Jo Clerk',
        displayName: 'Jo Clerk',
        role: 'co-opted-non-voting',
        roleLabel: 'Standing Invitee',
        jobTitle: 'Clerk to the Governors',
        initials: 'JC',
        group: 'clerk',
      },
    ]);
  });

  it('reports an unknown category or group, and a job title too long, line by line', () => {
    const school = shapeOfKind('school-maintained');
    const text = ['name,category,group,job title', 'Ann,Parent governor,,', 'Bob,Grandparent,,', 'Cy,,Choir,', `Di,,,${'x'.repeat(301)}`].join('\n');
    const { members, problems } = parseRosterCsv(text, school);
    expect(members.map((member) => member.name)).toEqual(['Ann']);
    expect(problems).toEqual([
      { line: 3, problem: expect.stringMatching(/^“Grandparent” is not a category of this body \(use Headteacher \(HT\), Parent governor \(P\)/) },
      { line: 4, problem: expect.stringMatching(/^“Choir” is not an attendance group of this body \(use Governors present, Also in attendance, Clerk\)$/) },
      { line: 5, problem: 'the job title is longer than 300 characters' },
    ]);
    // A council keeps no categories.
    expect(parseRosterCsv('name,category\nEve,Parent governor\n').problems).toEqual([
      { line: 2, problem: '“Parent governor”: this body keeps no member categories' },
    ]);
  });
});
