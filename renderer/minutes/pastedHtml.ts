/**
 * Cleans HTML pasted into the minutes before the editor's schema reads it. Word does not paste
 * lists as lists: each item is a paragraph styled `mso-list:l0 level2 lfo1` with its bullet or
 * number typed out in a marker span. This rebuilds those as real nested <ul>/<ol>, turns every
 * heading into the one sub-heading level, and removes Office markup. Multi-level numbering ("1.1",
 * "(a)", Word's outline lists) becomes numbered lists nested by level. Tables stay tables: rows of
 * Word's header (<thead>) become header cells, and a cell keeps only its lines of text. Formatting written as inline
 * styles (Google Docs writes bold as `font-weight:700`) becomes <strong>/<em>/<u>, and no style
 * reaches the editor. The page's Content-Security-Policy refuses inline styles, and reports every
 * one a parser meets, so style attributes are renamed before parsing and read here as plain text.
 * Anything else the minutes cannot hold is left for the schema to drop.
 */
import { SUB_HEADING_LEVEL } from './blocks';

// Apple-interchange-newline is the trailing line break browsers add to a copied selection; pasted, it
// would leave a stray empty line at the end of the minutes.
const JUNK_SELECTOR = 'style, meta, link, script, title, xml, template, object, embed, iframe, br.Apple-interchange-newline';
/** Where a pasted element's style attribute is kept while the HTML is cleaned. */
const PASTED_STYLE = 'data-pasted-style';
const STYLE_ATTRIBUTE_IN_TAG = /(<[a-zA-Z][^>]*?\s)style(\s*=)/g;
const STYLE_SHEET = /<style[\s\S]*?<\/style\s*>/gi;
const WORD_LIST_STYLE = /mso-list:\s*(l\d+)\s+level(\d+)\s*(lfo\d+)?/i;
/**
 * A typed number of any level: "1." "a)" "(iv)", or multi-level "1.1" "2.3.1." (Word's outline
 * numbering needs no closing mark). A lone letter with no mark is Word's bullet "o", not a number.
 */
const ORDERED_MARKER = /^(?:\(?(?:[0-9]+|[a-z]{1,3}|[ivxlcdm]+)[.)]|[0-9]+(?:\.[0-9]+)+\.?)$/i;

interface WordListParagraph {
  element: Element;
  listId: string;
  level: number;
  ordered: boolean;
}

/** The whole pasted HTML, cleaned; returns the input unchanged if it cannot be parsed. */
export function normalizePastedHtml(html: string): string {
  const withoutInlineStyles = html.replace(STYLE_SHEET, '').replace(STYLE_ATTRIBUTE_IN_TAG, `$1${PASTED_STYLE}$2`);
  const doc = new DOMParser().parseFromString(withoutInlineStyles, 'text/html');
  const body = doc.body;
  if (!body) return html;
  removeJunk(body);
  rebuildWordLists(body);
  flattenTableCells(body);
  convertStyledFormatting(body);
  renameHeadings(body);
  return body.innerHTML;
}

function removeJunk(root: HTMLElement): void {
  for (const element of Array.from(root.querySelectorAll(JUNK_SELECTOR))) element.remove();
  // Office namespaced elements (o:p, v:shape, w:sdt…) hold layout, never minutes text worth keeping
  // apart from w: wrappers, whose children are kept.
  for (const element of Array.from(root.querySelectorAll('*'))) {
    const name = element.tagName.toLowerCase();
    if (!name.includes(':')) continue;
    if (name.startsWith('w:')) element.replaceWith(...Array.from(element.childNodes));
    else element.remove();
  }
  removeWordListMarkers(root);
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

function isComment(node: Node | null, pattern: RegExp): boolean {
  return node !== null && node.nodeType === Node.COMMENT_NODE && pattern.test((node as Comment).data.trim());
}

/**
 * Word writes the typed bullet or number between `<![if !supportLists]>` and `<![endif]>`, which an
 * HTML parser reads as comments. The marker text is kept in a data attribute on its paragraph, so the
 * list rebuild can tell numbered from bulleted, and then removed.
 */
function removeWordListMarkers(root: HTMLElement): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const starts: Comment[] = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (isComment(node, /^\[if !supportLists\]/i)) starts.push(node as Comment);
  }
  for (const start of starts) {
    let marker = '';
    let node = start.nextSibling;
    while (node && !isComment(node, /^\[endif\]/i)) {
      const next = node.nextSibling;
      marker += node.textContent ?? '';
      node.parentNode?.removeChild(node);
      node = next;
    }
    recordMarker(start.parentElement, marker);
  }
  // Some Word versions omit the conditional comments but keep the marker span.
  for (const span of Array.from(root.querySelectorAll<HTMLElement>('span'))) {
    if (!/mso-list:\s*ignore/i.test(span.getAttribute(PASTED_STYLE) ?? '')) continue;
    const paragraph = span.parentElement?.closest('p, div, li, h1, h2, h3, h4, h5, h6') ?? null;
    recordMarker(paragraph, span.textContent ?? '');
    span.remove();
  }
}

function recordMarker(paragraph: Element | null, marker: string): void {
  if (!paragraph || paragraph.hasAttribute('data-list-marker')) return;
  paragraph.setAttribute('data-list-marker', marker.replace(/\s+/g, ' ').trim());
}

function wordListParagraph(element: Element): WordListParagraph | undefined {
  const style = element.getAttribute(PASTED_STYLE) ?? '';
  const match = WORD_LIST_STYLE.exec(style);
  const marker = element.getAttribute('data-list-marker');
  // A list-paragraph class without a list style is only an indented paragraph, unless Word typed a marker.
  const isMarkedListClass = /^MsoListParagraph/i.test(element.getAttribute('class') ?? '') && marker !== null;
  if (!match && !isMarkedListClass) return undefined;
  return {
    element,
    listId: match ? `${match[1]}${match[3] ?? ''}` : 'word',
    level: match ? Math.max(1, Number(match[2])) : 1,
    ordered: ORDERED_MARKER.test(marker ?? ''),
  };
}

/** Groups each run of consecutive Word list paragraphs into one nested list. */
function rebuildWordLists(root: HTMLElement): void {
  const candidates = Array.from(root.querySelectorAll('p, div, h1, h2, h3, h4, h5, h6'));
  const handled = new Set<Element>();
  for (const candidate of candidates) {
    if (handled.has(candidate)) continue;
    const first = wordListParagraph(candidate);
    if (!first) continue;
    const run: WordListParagraph[] = [first];
    let next = nextElementSkippingWhitespace(candidate);
    while (next) {
      const paragraph = wordListParagraph(next);
      if (!paragraph) break;
      run.push(paragraph);
      next = nextElementSkippingWhitespace(next);
    }
    for (const paragraph of run) handled.add(paragraph.element);
    replaceWithLists(run);
  }
}

function nextElementSkippingWhitespace(element: Element): Element | null {
  let node = element.nextSibling;
  while (node && node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '') node = node.nextSibling;
  return node && node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
}

interface OpenList {
  list: HTMLElement;
  ordered: boolean;
  level: number;
}

function replaceWithLists(run: readonly WordListParagraph[]): void {
  const first = run[0];
  if (!first) return;
  const doc = first.element.ownerDocument;
  const fragment = doc.createDocumentFragment();
  const open: OpenList[] = [];
  let listId = first.listId;
  for (const paragraph of run) {
    if (paragraph.listId !== listId && paragraph.level === 1) open.length = 0;
    listId = paragraph.listId;
    const top = open[open.length - 1];
    const level = Math.min(paragraph.level, top ? top.level + 1 : 1);
    while (open.length > 0 && open[open.length - 1]!.level > level) open.pop();
    let current = open[open.length - 1];
    if (current && current.level === level && current.ordered !== paragraph.ordered) {
      open.pop();
      current = undefined;
    }
    if (!current || current.level !== level) {
      const list = doc.createElement(paragraph.ordered ? 'ol' : 'ul');
      const parentItem = open[open.length - 1]?.list.lastElementChild;
      if (parentItem) parentItem.appendChild(list);
      else fragment.appendChild(list);
      current = { list, ordered: paragraph.ordered, level };
      open.push(current);
    }
    const item = doc.createElement('li');
    const text = doc.createElement('p');
    text.append(...Array.from(paragraph.element.childNodes));
    item.appendChild(text);
    current.list.appendChild(item);
  }
  first.element.replaceWith(fragment);
  for (const paragraph of run.slice(1)) paragraph.element.remove();
}

function renamed(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  for (const attribute of Array.from(element.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

/**
 * A cell of the minutes holds lines of text: lists and headings inside a pasted cell become its
 * paragraphs (a numbered line keeps the number Word typed), and the cells of a <thead> become
 * header cells, which is how Word marks rows repeated at the top of each page.
 */
function flattenTableCells(root: HTMLElement): void {
  for (const cell of Array.from(root.querySelectorAll('thead td'))) renamed(cell, 'th');
  for (const list of Array.from(root.querySelectorAll('td ul, td ol, th ul, th ol'))) {
    // Only the outermost list of a cell; its nested lists are read with it.
    if (list.parentElement?.closest('ul, ol, td, th')?.matches('ul, ol')) continue;
    list.replaceWith(...linesOfList(list));
  }
  for (const heading of Array.from(root.querySelectorAll('td h1, td h2, td h3, td h4, td h5, td h6, th h1, th h2, th h3, th h4, th h5, th h6'))) {
    renamed(heading, 'p');
  }
  for (const columns of Array.from(root.querySelectorAll('colgroup'))) columns.remove();
}

/** A list's items as paragraphs, nested lists after their item, each numbered item with its number. */
function linesOfList(list: Element): Element[] {
  const lines: Element[] = [];
  let number = 0;
  for (const item of Array.from(list.children)) {
    if (item.tagName.toLowerCase() !== 'li') continue;
    number++;
    const line = list.ownerDocument.createElement('p');
    if (list.tagName.toLowerCase() === 'ol') line.append(`${number}. `);
    const nested: Element[] = [];
    for (const child of Array.from(item.childNodes)) {
      if (child instanceof Element && child.matches('ul, ol')) nested.push(child);
      else if (child instanceof Element && child.matches('p')) line.append(...Array.from(child.childNodes));
      else line.append(child);
    }
    lines.push(line, ...nested.flatMap(linesOfList));
  }
  return lines;
}

function renameHeadings(root: HTMLElement): void {
  const target = `h${SUB_HEADING_LEVEL}`;
  for (const heading of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (heading.tagName.toLowerCase() === target) continue;
    const replacement = heading.ownerDocument.createElement(target);
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
}

/** The declarations of an element's pasted style, read as text so no stylesheet engine is needed. */
function styleDeclarations(element: Element): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of (element.getAttribute(PASTED_STYLE) ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    declarations.set(
      declaration.slice(0, colon).trim().toLowerCase(),
      declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return declarations;
}

function isBoldWeight(weight: string | undefined): boolean | undefined {
  if (weight === undefined || weight === '') return undefined;
  if (weight === 'bold' || weight === 'bolder') return true;
  if (weight === 'normal' || weight === 'lighter') return false;
  const numeric = Number(weight);
  return Number.isFinite(numeric) ? numeric >= 600 : undefined;
}

function wrapChildren(element: Element, tag: string): void {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.appendChild(wrapper);
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

/**
 * Turns formatting carried in style attributes into elements, and removes the styles. A <b> or <i>
 * whose own style says "not bold"/"not italic" (the Google Docs wrapper around a whole copied
 * selection) is unwrapped, so it does not make everything bold.
 */
function convertStyledFormatting(root: HTMLElement): void {
  for (const element of Array.from(root.querySelectorAll(`[${PASTED_STYLE}]`))) {
    const style = styleDeclarations(element);
    const tag = element.tagName.toLowerCase();
    element.removeAttribute(PASTED_STYLE);
    const bold = isBoldWeight(style.get('font-weight'));
    const italic = style.get('font-style');
    const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
    if ((tag === 'b' || tag === 'strong') && bold === false) {
      unwrap(element);
      continue;
    }
    if ((tag === 'i' || tag === 'em') && italic === 'normal') {
      unwrap(element);
      continue;
    }
    if (bold === true && tag !== 'b' && tag !== 'strong' && !/^h[1-6]$/.test(tag)) wrapChildren(element, 'strong');
    if (italic === 'italic' && tag !== 'i' && tag !== 'em') wrapChildren(element, 'em');
    if (decoration.includes('underline') && tag !== 'u') wrapChildren(element, 'u');
  }
}
