// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Editor } from '@tiptap/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MinuteBlock } from '../../main/domain/meeting';
import { blocksFromDocument } from '../../renderer/minutes/blocks';
import { minutesExtensions } from '../../renderer/minutes/minutesExtensions';
import { normalizePastedHtml } from '../../renderer/minutes/pastedHtml';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

/** Pastes through the editor's own paste path, so the schema has its say as it would for a clerk. */
function pasteIntoMinutes(html: string): MinuteBlock[] {
  editor = new Editor({
    extensions: minutesExtensions,
    editorProps: { transformPastedHTML: (pasted) => normalizePastedHtml(pasted) },
  });
  editor.view.pasteHTML(html);
  return blocksFromDocument(editor.getJSON());
}

function shape(blocks: MinuteBlock[]) {
  return blocks.map((block) => ({
    type: block.type,
    level: block.level,
    text: block.runs.map((run) => run.text).join(''),
  }));
}

describe('pasting from Word', () => {
  it('turns Word list paragraphs into real nested lists and drops Office markup', () => {
    const html = normalizePastedHtml(fixture('word-clipboard.html'));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('body > ul > li')).toHaveLength(2);
    expect(doc.querySelectorAll('ul > li > ul > li')).toHaveLength(1);
    expect(doc.querySelectorAll('body > ol > li')).toHaveLength(2);
    expect(doc.querySelector('h3')?.textContent).toBe('Children’s Services – Director’s update');
    expect(html).not.toMatch(/o:p|mso-list:Ignore|supportLists|StartFragment|@font-face/);
    expect(doc.body.textContent).not.toContain('·');
  });

  it('gives the minutes the sub-heading, paragraphs, bullets and numbered decisions the clerk copied', () => {
    const blocks = pasteIntoMinutes(fixture('word-clipboard.html'));
    expect(shape(blocks)).toEqual([
      { type: 'heading', level: undefined, text: 'Children’s Services – Director’s update' },
      {
        type: 'paragraph',
        level: undefined,
        text: 'The Director introduced the report. Councillor Hale asked whether the B&NES figures included agency staff.',
      },
      { type: 'bullet', level: 0, text: 'Recruitment of social workers had improved since March' },
      { type: 'bullet', level: 1, text: '“Grow your own” scheme – 12 trainees' },
      { type: 'bullet', level: 0, text: 'Caseloads averaged 18 per worker' },
      { type: 'paragraph', level: undefined, text: 'It was agreed:' },
      { type: 'numbered', level: 0, text: 'To note the report.' },
      { type: 'numbered', level: 0, text: 'That the Director provide the projected budget. ACTION.' },
    ]);
    expect(blocks[1]?.runs).toContainEqual({ text: 'Councillor Hale', marks: ['bold'] });
    expect(blocks[1]?.runs).toContainEqual({ text: 'agency staff', marks: ['italic'] });
    expect(blocks[4]?.runs).toContainEqual({ text: '18 per worker', marks: ['underline'] });
    expect(blocks[7]?.runs).toContainEqual({ text: 'ACTION.', marks: ['bold'] });
    expect(new Set(blocks.map((block) => block.id)).size).toBe(blocks.length);
  });

  it('reads a numbered marker like "a)" or "iv." as a numbered list', () => {
    const html = normalizePastedHtml(
      `<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><![if !supportLists]><span style='mso-list:Ignore'>a)<span> </span></span><![endif]>First</p>` +
        `<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><![if !supportLists]><span style='mso-list:Ignore'>iv.<span> </span></span><![endif]>Second</p>`,
    );
    expect(html).toBe('<ol><li><p>First</p></li><li><p>Second</p></li></ol>');
  });
});

describe('pasting multi-level numbering and tables from Word', () => {
  it('keeps "1." / "1.1" / "(a)" numbering as numbered list levels', () => {
    const blocks = pasteIntoMinutes(fixture('word-clipboard-numbering-table.html'));
    expect(shape(blocks.filter((block) => block.type !== 'table'))).toEqual([
      { type: 'numbered', level: 0, text: 'Premises and health and safety' },
      { type: 'numbered', level: 1, text: 'The site manager reported that the roof repair was finished.' },
      { type: 'numbered', level: 1, text: 'Governors asked about the fire doors:' },
      { type: 'numbered', level: 2, text: 'two doors in the science block failed the check;' },
      { type: 'numbered', level: 2, text: 'replacements are ordered.' },
      { type: 'numbered', level: 0, text: 'Actions' },
      { type: 'paragraph', level: undefined, text: '' },
    ]);
    expect(blocks[3]?.runs).toContainEqual({ text: 'science block', marks: ['italic'] });
  });

  it('reads "1.1", "2.3.1." and "(iv)" as numbers, and Word’s "o" bullet as a bullet', () => {
    const paragraph = (marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l5 level1 lfo6'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span> </span></span><![endif]>${text}</p>`;
    expect(normalizePastedHtml(paragraph('1.1', 'One') + paragraph('2.3.1.', 'Two') + paragraph('(iv)', 'Three'))).toBe(
      '<ol><li><p>One</p></li><li><p>Two</p></li><li><p>Three</p></li></ol>',
    );
    expect(normalizePastedHtml(paragraph('o', 'A bullet'))).toBe('<ul><li><p>A bullet</p></li></ul>');
  });

  it('keeps a table as a table: the header row, each cell’s lines and marks, a list in a cell as its lines', () => {
    const blocks = pasteIntoMinutes(fixture('word-clipboard-numbering-table.html'));
    const table = blocks.find((block) => block.type === 'table');
    expect(table?.headerRows).toBe(1);
    expect(table?.rows).toEqual([
      [[{ text: 'Min', marks: ['bold'] }], [{ text: 'Item', marks: ['bold'] }], [{ text: 'Lead', marks: ['bold'] }]],
      [
        [{ text: '1.2' }],
        [{ text: 'Report back on the ' }, { text: 'fire door', marks: ['underline'] }, { text: ' replacements\nby half term' }],
        [{ text: 'SBM' }],
      ],
      [[{ text: '3.1' }], [{ text: 'Circulate the policy' }], []],
    ]);
    expect(normalizePastedHtml(fixture('word-clipboard-numbering-table.html'))).not.toMatch(/style|colgroup|o:p/i);
  });
});

describe('pasting from a web page', () => {
  it('does not make everything bold because of the Google Docs wrapper, but keeps real bold', () => {
    const blocks = pasteIntoMinutes(fixture('google-docs-clipboard.html'));
    expect(shape(blocks)).toEqual([
      { type: 'heading', level: undefined, text: 'Questions from members' },
      { type: 'paragraph', level: undefined, text: 'The co-optee asked about the Ofsted timetable.' },
      { type: 'bullet', level: 0, text: 'Inspection expected in the spring' },
    ]);
    expect(blocks[0]?.runs).toEqual([{ text: 'Questions from members' }]);
    expect(blocks[1]?.runs).toEqual([{ text: 'The co-optee asked about the ' }, { text: 'Ofsted', marks: ['bold'] }, { text: ' timetable.' }]);
  });

  it('carries formatting written as styles over as elements and leaves no style attribute behind', () => {
    const html = normalizePastedHtml(
      '<p><span style="font-weight:700">Agreed</span> <span style="font-style:italic">nem. con.</span> <span style="text-decoration:underline">now</span></p>',
    );
    expect(html).toBe('<p><span><strong>Agreed</strong></span> <span><em>nem. con.</em></span> <span><u>now</u></span></p>');
    expect(normalizePastedHtml(fixture('google-docs-clipboard.html'))).not.toMatch(/style/i);
    expect(normalizePastedHtml(fixture('word-clipboard.html'))).not.toMatch(/style/i);
  });

  it('drops what minutes cannot hold: links become text, scripts and tables of styles go', () => {
    const blocks = pasteIntoMinutes(
      '<style>p{color:red}</style><p>See <a href="https://example.org">the report</a> and <s>not this</s><code>x</code>.</p><script>alert(1)</script>',
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.runs).toEqual([{ text: 'See the report and not thisx.' }]);
  });
});
