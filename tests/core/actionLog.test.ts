/**
 * A committee's action log from all its meetings in a real library folder: the rows a clerk
 * sees, the CSV read back with papaparse, and the Word table read back from the unzipped XML.
 */
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionLogCsv, actionLogDocx, collectActionLog, type ActionLogRow } from '../../main/core/export/actionLog';
import { librarySettingsPath } from '../../main/core/libraryFile';
import { createLibrarySettings, DEFAULT_HOUSE_STYLE } from '../../main/domain/houseStyle';
import { openDocx } from '../support/openDocx';
import { makeTempLibrary, type TempLibrary } from '../support/tempLibrary';
import { COMMITTEE_NAME, COMMITTEE_SLUG, EXEMPT_ACTION, makeCommitteeLibrary } from '../cli/committeeLibrary';

const PUBLIC_ROWS: ActionLogRow[] = [
  {
    meetingDate: '2022-09-13',
    reference: '41/1',
    action: '=HYPERLINK("http://example.invalid","Budget")',
    owner: '@Finance',
    due: '',
    status: 'done',
    itemTitle: 'Budget monitoring',
    exempt: false,
  },
  {
    meetingDate: '2022-10-11',
    reference: '50/1',
    action: '-5% on the estimate\nto be checked',
    owner: 'Siân Ní Bhriain',
    due: '',
    status: 'dropped',
    itemTitle: 'Site visit',
    exempt: false,
  },
  {
    meetingDate: '2022-11-08',
    reference: '64/1',
    action: 'Circulate the attendance figures',
    owner: 'Jane Smith',
    due: '2022-12-01',
    status: 'open',
    itemTitle: 'Director’s update – Siân’s report',
    exempt: false,
  },
  {
    meetingDate: '2022-11-08',
    reference: '64/2',
    action: 'Publish the figures on the website',
    owner: 'Communications team',
    due: '2022-12-15',
    status: 'open',
    itemTitle: 'Director’s update – Siân’s report',
    exempt: false,
  },
];

const PART_2_ROW: ActionLogRow = {
  meetingDate: '2022-11-08',
  reference: '65/1',
  action: EXEMPT_ACTION,
  owner: 'Head of Procurement',
  due: '',
  status: 'open',
  itemTitle: 'Highways maintenance contract',
  exempt: true,
};

let temp: TempLibrary;
beforeEach(async () => {
  temp = await makeTempLibrary();
  await makeCommitteeLibrary(temp.library);
});
afterEach(async () => {
  await temp.remove();
});

describe('collecting a committee’s actions', () => {
  it('lists every action of the committee’s meetings, by meeting date then reference, leaving out Part 2 items', async () => {
    const log = await collectActionLog(temp.library, COMMITTEE_SLUG);
    expect(log.committeeName).toBe(COMMITTEE_NAME);
    expect(log.meetingCount).toBe(3);
    expect(log.rows).toEqual(PUBLIC_ROWS);
  });

  it('includes Part 2 actions in the confidential log', async () => {
    const log = await collectActionLog(temp.library, COMMITTEE_SLUG, { confidential: true });
    expect(log.rows).toEqual([...PUBLIC_ROWS, PART_2_ROW]);
  });

  it('reports a meeting file it cannot read and carries on', async () => {
    const log = await collectActionLog(temp.library, COMMITTEE_SLUG);
    expect(log.unreadable.map((each) => each.file)).toEqual([`meetings/2022/2022-10-25 ${COMMITTEE_SLUG}.json`]);
    expect(log.unreadable[0]!.problem).toContain('not valid JSON');
  });

  it('writes each reference in the house style’s patterns for actions and minute numbers', async () => {
    const settings = createLibrarySettings();
    settings.houseStyle = {
      ...settings.houseStyle,
      bodyKind: 'nhs-trust-board',
      minuteNumberPattern: 'TB/{yy}/{n}',
      shape: { actionReferencePattern: '{m}-{i}' },
    };
    await writeFile(librarySettingsPath(temp.library), JSON.stringify(settings));
    const log = await collectActionLog(temp.library, COMMITTEE_SLUG);
    expect(log.rows.map((row) => row.reference)).toEqual(PUBLIC_ROWS.map((row) => `TB/${row.meetingDate.slice(2, 4)}/${row.reference.replace('/', '-')}`));
  });

  it('says so when the library has no such committee', async () => {
    await expect(collectActionLog(temp.library, 'parks')).rejects.toThrow(/no committee “parks”/);
  });
});

describe('the action log as CSV', () => {
  it('reads back in a spreadsheet reader as the same rows, under a header row', () => {
    const csv = actionLogCsv(PUBLIC_ROWS.slice(2));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['Meeting date', 'Reference', 'Action', 'Owner', 'Due date', 'Status', 'Item']);
    expect(parsed.data).toEqual([
      {
        'Meeting date': '2022-11-08',
        Reference: '64/1',
        Action: 'Circulate the attendance figures',
        Owner: 'Jane Smith',
        'Due date': '2022-12-01',
        Status: 'Open',
        Item: 'Director’s update – Siân’s report',
      },
      {
        'Meeting date': '2022-11-08',
        Reference: '64/2',
        Action: 'Publish the figures on the website',
        Owner: 'Communications team',
        'Due date': '2022-12-15',
        Status: 'Open',
        Item: 'Director’s update – Siân’s report',
      },
    ]);
  });

  it('ends every line with CRLF, as Excel on Windows expects', () => {
    const csv = actionLogCsv(PUBLIC_ROWS.slice(2));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps a cell that starts like a formula from running in Excel, even across lines', () => {
    const parsed = Papa.parse<string[]>(actionLogCsv(PUBLIC_ROWS.slice(0, 2)).slice(1), { skipEmptyLines: true });
    const [budget, siteVisit] = parsed.data.slice(1);
    expect(budget?.[2]).toBe('\'=HYPERLINK("http://example.invalid","Budget")');
    expect(budget?.[3]).toBe("'@Finance");
    expect(siteVisit?.[2]).toBe("'-5% on the estimate\nto be checked");
    expect(siteVisit?.[3]).toBe('Siân Ní Bhriain');
  });
});

interface DocxParts {
  document: string;
  header: string;
  core: string;
  styles: string;
}

async function unzipped(docx: Buffer): Promise<DocxParts> {
  const { part } = await openDocx(docx);
  return {
    document: await part(/^word\/document\.xml$/),
    header: await part(/^word\/header\d*\.xml$/),
    core: await part(/^docProps\/core\.xml$/),
    styles: await part(/^word\/styles\.xml$/),
  };
}

function texts(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
}

describe('the action log as a Word document', () => {
  const style = {
    houseStyle: { ...DEFAULT_HOUSE_STYLE, organisation: 'Bath & North East Somerset Council', fontFamily: 'Georgia', dateFormat: '08/11/2022' as const },
  };

  it('has a Heading 1 title and a table whose marked header row repeats on each page', async () => {
    const { document } = await unzipped(await actionLogDocx(PUBLIC_ROWS, { committeeName: COMMITTEE_NAME, style }));
    const title = document.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*Action log: Planning Panel(?:(?!<\/w:p>)[\s\S])*<\/w:p>/)?.[0] ?? '';
    expect(title).toContain('<w:pStyle w:val="Heading1"/>');
    const rows = [...document.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((match) => match[1]!);
    expect(rows).toHaveLength(PUBLIC_ROWS.length + 1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
    expect(texts(rows[0]!)).toEqual(['Meeting date', 'Reference', 'Action', 'Owner', 'Due date', 'Status', 'Item']);
    expect(texts(rows[3]!)).toEqual([
      '08/11/2022',
      '64/1',
      'Circulate the attendance figures',
      'Jane Smith',
      '01/12/2022',
      'Open',
      'Director’s update – Siân’s report',
    ]);
    expect(document).toContain('w:orient="landscape"');
  });

  it('sets the title, subject, author, language and the house style’s font', async () => {
    const { core, styles, header } = await unzipped(await actionLogDocx(PUBLIC_ROWS, { committeeName: COMMITTEE_NAME, style }));
    expect(core).toContain('<dc:title>Action log: Planning Panel</dc:title>');
    expect(core).toContain('<dc:subject>Public log of the actions of the Planning Panel from all its meetings</dc:subject>');
    expect(core).toContain('<dc:creator>Minute Book</dc:creator>');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Georgia"[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
    expect(texts(header)).toEqual(['Bath & North East Somerset Council – Planning Panel']);
  });

  it('marks the confidential log CONFIDENTIAL on every page', async () => {
    const { header, document } = await unzipped(await actionLogDocx([...PUBLIC_ROWS, PART_2_ROW], { committeeName: COMMITTEE_NAME, confidential: true }));
    expect(texts(header)).toEqual(['Planning Panel', 'CONFIDENTIAL']);
    expect(document).toContain(EXEMPT_ACTION);
  });
});
