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
