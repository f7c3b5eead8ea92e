/**
 * The house style as the export reads it from a real library folder: library.json, a committee's
 * overrides, the logo and the organisation's Word template, and the messages a clerk sees when
 * one of them is missing or wrong. Files that cannot be read are left exactly as they were.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadExportStyle, templateStyles, withDocumentLanguage } from '../../main/core/export/exportStyle';
import { prepareLibrary, saveCommittee } from '../../main/core/library';
import { readLibrarySettings, writeLibrarySettings } from '../../main/core/libraryFile';
import { LibraryFileError } from '../../main/core/meetingFile';
import { createCommittee } from '../../main/domain/committee';
import { createLibrarySettings, DEFAULT_HOUSE_STYLE } from '../../main/domain/houseStyle';
import { refusal, settingsWith } from '../support/houseStyle';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'house-style');

let library: string;
beforeEach(async () => {
  library = await mkdtemp(join(tmpdir(), 'minutebook-house-style-'));
});
afterEach(() => rm(library, { recursive: true, force: true }));

/** Copies a fixture into the library's house-style folder and returns its library-relative path. */
async function putInLibrary(fixture: string, name = fixture): Promise<string> {
  await mkdir(join(library, 'house-style'), { recursive: true });
  await copyFile(join(FIXTURES, fixture), join(library, 'house-style', name));
  return `house-style/${name}`;
}

describe('library.json', () => {
  it('gives the default house style to a library without one', async () => {
    expect(await readLibrarySettings(library)).toEqual(createLibrarySettings());
    expect(await readdir(library)).toEqual([]);
  });

  it('reads the library.json a new library starts with', async () => {
    await prepareLibrary(library);
    expect((await readLibrarySettings(library)).houseStyle).toEqual(DEFAULT_HOUSE_STYLE);
  });

  it('saves the house style tab-indented and reads it back', async () => {
    const settings = settingsWith({ organisation: 'Pemberley District Council', fontFamily: 'Georgia', minuteNumberPattern: 'PDS/{yy}/{n}' });
    expect(await writeLibrarySettings(library, settings)).toEqual(settings);
    const text = await readFile(join(library, 'library.json'), 'utf8');
    expect(text).toBe(JSON.stringify(settings, null, '\t') + '\n');
    expect(await readLibrarySettings(library)).toEqual(settings);
    expect((await readdir(library)).filter((name) => name !== 'library.json')).toEqual([]);
  });

  it('keeps what else library.json holds when the house style is saved', async () => {
    await writeFile(
      join(library, 'library.json'),
      JSON.stringify({ format: 'minutebook.library', version: 1, organisation: 'Old name', sharedSince: '2022-11-01' }),
    );
    await writeLibrarySettings(library, settingsWith({ organisation: 'Pemberley District Council' }));
    const stored = JSON.parse(await readFile(join(library, 'library.json'), 'utf8'));
    expect(stored.sharedSince).toBe('2022-11-01');
    expect(stored.organisation).toBeUndefined();
    expect(stored.houseStyle.organisation).toBe('Pemberley District Council');
  });

  it('says which file is not valid JSON, and leaves it alone', async () => {
    const broken = '{"format": "minutebook.library", "version": 1,';
    await writeFile(join(library, 'library.json'), broken);
    const error = await refusal(readLibrarySettings(library));
    expect(error).toBeInstanceOf(LibraryFileError);
    expect(error.message).toMatch(
      new RegExp(
        `^The library settings file “${escape(join(library, 'library.json'))}” cannot be opened: it is not valid JSON \\(.+\\)\\. The file has not been changed\\.$`,
      ),
    );
    expect(await readFile(join(library, 'library.json'), 'utf8')).toBe(broken);
  });

  it('names the first wrong setting, and leaves the file alone', async () => {
    const wrong = JSON.stringify({ format: 'minutebook.library', version: 1, houseStyle: { ...DEFAULT_HOUSE_STYLE, bodySizePt: 72 } }, null, '\t');
    await writeFile(join(library, 'library.json'), wrong);
    const error = await refusal(readLibrarySettings(library));
    expect(error.message).toContain('cannot be opened: houseStyle.bodySizePt: ');
    expect(error.message).toContain('20');
    expect(await readFile(join(library, 'library.json'), 'utf8')).toBe(wrong);
  });

  it('refuses to save a house style that is not valid, leaving the file as it was', async () => {
    const settings = settingsWith({ organisation: 'Pemberley District Council' });
    await writeLibrarySettings(library, settings);
    const before = await readFile(join(library, 'library.json'), 'utf8');
    const error = await refusal(writeLibrarySettings(library, settingsWith({ minuteNumberPattern: 'PDS/{yy}' })));
    expect(error.message).toBe('The house style cannot be saved: houseStyle.minuteNumberPattern: a minute number format must hold {n}, where the number goes.');
    expect(await readFile(join(library, 'library.json'), 'utf8')).toBe(before);
  });
});

describe('the export’s house style', () => {
  it('is the library’s style when the committee overrides nothing or has no file', async () => {
    await writeLibrarySettings(library, settingsWith({ fontFamily: 'Georgia' }));
    await saveCommittee(library, createCommittee('Planning Panel'));
    expect((await loadExportStyle(library, 'planning-panel')).houseStyle.fontFamily).toBe('Georgia');
    expect((await loadExportStyle(library, 'no-such-committee')).houseStyle.fontFamily).toBe('Georgia');
    expect((await loadExportStyle(library, undefined)).houseStyle.fontFamily).toBe('Georgia');
  });

  it('takes the committee’s overrides over the library’s style', async () => {
    await writeLibrarySettings(library, settingsWith({ organisation: 'Pemberley District Council', fontFamily: 'Georgia', minuteNumberPattern: '{n}' }));
    await saveCommittee(library, { ...createCommittee('Planning Panel'), houseStyle: { minuteNumberPattern: 'PDS/{yy}/{n}', dateFormat: '08/11/2022' } });
    const { houseStyle } = await loadExportStyle(library, 'planning-panel');
    expect(houseStyle).toEqual({
      ...DEFAULT_HOUSE_STYLE,
      organisation: 'Pemberley District Council',
      fontFamily: 'Georgia',
      minuteNumberPattern: 'PDS/{yy}/{n}',
      dateFormat: '08/11/2022',
    });
  });

  it('reports a damaged committee file rather than quietly dropping its style', async () => {
    await mkdir(join(library, 'committees'));
    await writeFile(join(library, 'committees', 'planning-panel.json'), '{"format":');
    const error = await refusal(loadExportStyle(library, 'planning-panel'));
    expect(error).toBeInstanceOf(LibraryFileError);
    expect(error.message).toContain('planning-panel.json');
  });

  it('reads the logo’s kind from its bytes and its size in pixels from its header', async () => {
    const pictures: Array<[string, string, number, number]> = [
      ['logo.png', 'png', 600, 240],
      ['logo.jpg', 'jpg', 90, 30],
      ['logo.gif', 'gif', 40, 40],
      ['logo.bmp', 'bmp', 30, 60],
    ];
    for (const [fixture, type, widthPx, heightPx] of pictures) {
      // Named .img, so only the bytes can tell what it is.
      const file = await putInLibrary(fixture, `${fixture}.img`);
      await writeLibrarySettings(library, settingsWith({ logo: { file, altText: 'Pemberley District Council logo', widthMm: 50 } }));
      const { logo } = await loadExportStyle(library, undefined);
      expect({ type: logo?.type, widthPx: logo?.widthPx, heightPx: logo?.heightPx }).toEqual({ type, widthPx, heightPx });
      expect(logo?.data.equals(await readFile(join(FIXTURES, fixture)))).toBe(true);
      expect(logo?.altText).toBe('Pemberley District Council logo');
      expect(logo?.widthMm).toBe(50);
    }
  });

  it('says so when the logo is missing', async () => {
    await writeLibrarySettings(library, settingsWith({ logo: { file: 'house-style/logo.png', altText: 'Logo', widthMm: 40 } }));
    const error = await refusal(loadExportStyle(library, undefined));
    expect(error).toBeInstanceOf(LibraryFileError);
    expect(error.message).toBe(
      'The house-style logo “house-style/logo.png” cannot be read: the file or its folder is not there (was it moved, or is the drive disconnected?). Put the file back in the library folder, or take it out of the house style.',
    );
  });

  it('says so when the logo is not a picture Word takes', async () => {
    for (const [fixture, kind] of [
      ['logo.svg', ' (it is a SVG file)'],
      ['not-a-picture.png', ''],
    ]) {
      const file = await putInLibrary(fixture!);
      await writeLibrarySettings(library, settingsWith({ logo: { file, altText: 'Logo', widthMm: 40 } }));
      const error = await refusal(loadExportStyle(library, undefined));
      expect(error.message).toBe(
        `The house-style logo “${file}” is not a PNG, JPEG, GIF or BMP picture${kind}. Save the logo as a PNG and choose that file in the house style.`,
      );
    }
  });

  it('takes the styles of the organisation’s .dotx or .docx template', async () => {
    for (const fixture of ['council-template.dotx', 'council-template-libreoffice.docx']) {
      const file = await putInLibrary(fixture);
      await writeLibrarySettings(library, settingsWith({ template: file }));
      const { template } = await loadExportStyle(library, undefined);
      const zip = await JSZip.loadAsync(await readFile(join(FIXTURES, fixture)));
      expect(template).toEqual({ stylesXml: await zip.file('word/styles.xml')!.async('string'), fileName: file });
    }
  });

  it('says so when the template is not a Word document or template', async () => {
    const notWord = new JSZip();
    notWord.file('xl/workbook.xml', '<workbook/>');
    notWord.file('[Content_Types].xml', '<Types/>');
    const stylesNotXml = new JSZip();
    stylesNotXml.file('[Content_Types].xml', '<Types/>');
    stylesNotXml.file('word/document.xml', '<w:document/>');
    stylesNotXml.file('word/styles.xml', 'these are not styles');
    const cases: Array<[string, Buffer]> = [
      ['notes.dotx', Buffer.from('Minutes template, see Jane')],
      ['budget.dotx', await notWord.generateAsync({ type: 'nodebuffer' })],
      ['odd.docx', await stylesNotXml.generateAsync({ type: 'nodebuffer' })],
    ];
    await mkdir(join(library, 'house-style'), { recursive: true });
    for (const [name, bytes] of cases) {
      await writeFile(join(library, 'house-style', name), bytes);
      await writeLibrarySettings(library, settingsWith({ template: `house-style/${name}` }));
      const error = await refusal(loadExportStyle(library, undefined));
      expect(error).toBeInstanceOf(LibraryFileError);
      expect(error.message).toBe(
        `The house-style template “house-style/${name}” is not a Word document or template (.docx or .dotx). Choose a .docx or .dotx file in the house style.`,
      );
      expect((await readFile(join(library, 'house-style', name))).equals(bytes)).toBe(true);
    }
  });

  it('says so when a Word file has no styles to give', async () => {
    const bare = new JSZip();
    bare.file('[Content_Types].xml', '<Types/>');
    bare.file('word/document.xml', '<w:document/>');
    await mkdir(join(library, 'house-style'), { recursive: true });
    await writeFile(join(library, 'house-style', 'bare.docx'), await bare.generateAsync({ type: 'nodebuffer' }));
    await writeLibrarySettings(library, settingsWith({ template: 'house-style/bare.docx' }));
    expect((await refusal(loadExportStyle(library, undefined))).message).toBe(
      'The house-style template “house-style/bare.docx” has no styles to use (it holds no word/styles.xml). Choose a .docx or .dotx file in the house style.',
    );
  });

  it('says how to use an older .dot template, and when a template is missing', async () => {
    await mkdir(join(library, 'house-style'), { recursive: true });
    await writeFile(
      join(library, 'house-style', 'minutes.dot'),
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    await writeLibrarySettings(library, settingsWith({ template: 'house-style/minutes.dot' }));
    expect((await refusal(loadExportStyle(library, undefined))).message).toBe(
      'The house-style template “house-style/minutes.dot” is an older Word file (.doc or .dot). Open it in Word and save it as a Word Template (.dotx), then choose that file in the house style.',
    );
    await writeLibrarySettings(library, settingsWith({ template: 'house-style/minutes.dotx' }));
    expect((await refusal(loadExportStyle(library, undefined))).message).toMatch(
      /^The house-style template “house-style\/minutes\.dotx” cannot be read: the file or its folder is not there/,
    );
  });
});

describe('template styles', () => {
  it('lists the template’s styles by kind, id and the name Word shows', async () => {
    const zip = await JSZip.loadAsync(await readFile(join(FIXTURES, 'council-template.dotx')));
    const styles = templateStyles(await zip.file('word/styles.xml')!.async('string'));
    expect(styles).toContainEqual({ type: 'paragraph', id: 'Heading1', name: 'heading 1', isDefault: false });
    expect(styles).toContainEqual({ type: 'paragraph', id: 'ListBullet', name: 'List Bullet', isDefault: false });
    expect(styles).toContainEqual({ type: 'table', id: 'TableGrid', name: 'Table Grid', isDefault: false });
    expect(styles).toContainEqual({ type: 'table', id: 'TableNormal', name: 'Normal Table', isDefault: true });
  });

  it('sets the document language to UK English, in the document defaults and every style, keeping the rest', () => {
    const open = '<w:styles xmlns:w="x">';
    const cases: Array<[string, string]> = [
      [
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Verdana"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Verdana"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
      ],
      [
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/><w:eastAsianLayout w:id="1"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults></w:styles>`,
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/><w:lang w:val="en-GB"/><w:eastAsianLayout w:id="1"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults></w:styles>`,
      ],
      [
        `${open}<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults></w:styles>`,
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
      ],
      [
        `${open}<w:docDefaults><w:pPrDefault/></w:docDefaults></w:styles>`,
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults></w:styles>`,
      ],
      [
        `${open}<w:docDefaults/></w:styles>`,
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`,
      ],
      [
        `${open}<w:style w:styleId="Normal"><w:rPr><w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr></w:style></w:styles>`,
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:styleId="Normal"><w:rPr><w:lang w:val="en-GB" w:bidi="ar-SA"/></w:rPr></w:style></w:styles>`,
      ],
      [
        `${open}<w:style w:styleId="Normal"/></w:styles>`,
        `${open}<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:styleId="Normal"/></w:styles>`,
      ],
    ];
    for (const [given, expected] of cases) expect(withDocumentLanguage(given, 'en-GB')).toBe(expected);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
