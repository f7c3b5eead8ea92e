/**
 * The minutes' styles and list numbering: the house style's fonts, sizes and heading look, or
 * the organisation's own Word template with the house style filling in only what it lacks; the
 * bullet and numbered lists as real Word numbering.
 */
import { AlignmentType, LevelFormat, type ILevelsOptions, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';
import type { HouseStyle } from '../../../domain/houseStyle';
import { templateStyles, withDocumentLanguage, type ExportTemplate } from '../exportStyle';

export const BULLET_LIST = 'minutes-bullet';
export const NUMBERED_LIST = 'minutes-numbered';
/** A decision's points, one numbered paragraph each: "(1) That …". */
export const DECISION_POINTS = 'decision-points';
/** The deepest list level the document defines; deeper blocks are shown at this level. */
export const DEEPEST_LIST_LEVEL = 2;
export const LANGUAGE = 'en-GB';

/** The paragraph and table styles the document uses, by id: the template's where it has them. */
export interface StyleIds {
  title: string;
  heading1: string;
  heading2: string;
  /** Per list level; undefined leaves docx's List Paragraph. */
  bullet: Array<string | undefined>;
  numbered: Array<string | undefined>;
  /** The action table's style; undefined keeps plain single-line borders. */
  table: string | undefined;
}

export function listLevels(kind: 'bullet' | 'numbered'): ILevelsOptions[] {
  const bullets = ['•', '◦', '▪'];
  const numbers = ['%1.', '%2.', '%3.'];
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return [0, 1, 2].map((level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : formats[level]!,
    text: kind === 'bullet' ? bullets[level]! : numbers[level]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** "(1)", "(2)": a decision's points, indented under the resolution. */
export function decisionPointLevels(): ILevelsOptions[] {
  return [
    { level: 0, format: LevelFormat.DECIMAL, text: '(%1)', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 1134, hanging: 567 } } } },
  ];
}

/** Half-points, as Word stores font sizes. */
function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** The Title above the front matter is a step larger than an item's heading. */
const TITLE_STEP_PT = 4;

function headingRun(house: HouseStyle, sizePt: number): IRunStylePropertiesOptions {
  const { bold, allCaps, colour } = house.headingStyle;
  return { size: halfPoints(sizePt), bold, ...(allCaps ? { allCaps } : {}), color: colour.toUpperCase() };
}

/** The house style's Title, Heading 1 and Heading 2: its sizes, weight, capitals and colour. */
function houseHeadingStyles(house: HouseStyle): Required<Pick<NonNullable<IStylesOptions['default']>, 'title' | 'heading1' | 'heading2'>> {
  return {
    title: { run: headingRun(house, house.heading1SizePt + TITLE_STEP_PT), paragraph: { spacing: { after: 240 } } },
    heading1: { run: headingRun(house, house.heading1SizePt), paragraph: { spacing: { before: 360, after: 120 }, outlineLevel: 0 } },
    heading2: { run: headingRun(house, house.heading2SizePt), paragraph: { spacing: { before: 240, after: 120 }, outlineLevel: 1 } },
  };
}

const DOCX_STYLE_IDS: StyleIds = { title: 'Title', heading1: 'Heading1', heading2: 'Heading2', bullet: [], numbered: [], table: undefined };

/**
 * How the house style and a template share the work. Without a template, the house style sets
 * the document's font, body size and spacing (the document defaults), and its Title, Heading 1
 * and Heading 2. With one, the template wins wherever it speaks: its document defaults (fonts,
 * sizes, spacing; only the language is set to en-GB) and every style it defines are used as
 * they are, and the house style fills in only Title, Heading 1 and Heading 2 if the template
 * lacks them (their size, weight, capitals and colour; the font then comes from the template).
 * The organisation's name, logo, minute numbers, dates and times always follow the house style.
 */
export function documentStyles(house: HouseStyle, template: ExportTemplate | undefined): { ids: StyleIds; externalStyles?: string; styles: IStylesOptions } {
  const headings = houseHeadingStyles(house);
  if (!template) {
    return {
      ids: DOCX_STYLE_IDS,
      styles: {
        default: {
          document: {
            run: { font: house.fontFamily, size: halfPoints(house.bodySizePt), language: { value: LANGUAGE } },
            paragraph: { spacing: { after: 120 } },
          },
          ...headings,
        },
      },
    };
  }
  const defined = templateStyles(template.stylesXml);
  const byName = (type: string, name: string) => defined.find((style) => style.type === type && style.name.toLowerCase() === name.toLowerCase())?.id;
  const paragraphStyle = (name: string) => byName('paragraph', name);
  const listStyles = (name: string) => {
    const first = paragraphStyle(name);
    return [first, paragraphStyle(`${name} 2`) ?? first, paragraphStyle(`${name} 3`) ?? first];
  };
  // The template's plain grid if it has one, or else the first table style of its own.
  const table =
    byName('table', 'Table Grid') ?? defined.find((style) => style.type === 'table' && !style.isDefault && style.name.toLowerCase() !== 'normal table')?.id;
  const title = paragraphStyle('Title');
  const heading1 = paragraphStyle('heading 1');
  const heading2 = paragraphStyle('heading 2');
  return {
    ids: {
      title: title ?? 'Title',
      heading1: heading1 ?? 'Heading1',
      heading2: heading2 ?? 'Heading2',
      bullet: listStyles('List Bullet'),
      numbered: listStyles('List Number'),
      table,
    },
    externalStyles: withDocumentLanguage(template.stylesXml, LANGUAGE),
    styles: {
      default: {
        ...(title ? {} : { title: headings.title }),
        ...(heading1 ? {} : { heading1: headings.heading1 }),
        ...(heading2 ? {} : { heading2: headings.heading2 }),
      },
    },
  };
}
