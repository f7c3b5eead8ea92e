/**
 * The minutes of one meeting as a Word document: front matter, attendance, each agenda item as
 * a numbered minute with its minutes text and record, the action table and the signature block.
 * Public and confidential versions, in the library's house style (fonts, headings, minute
 * numbers, dates and times, logo) or the organisation's own Word template. All wording comes
 * from main/domain; this module only lays it out with real Word headings, lists and table
 * header rows, so the file is navigable and accessible.
 *
 * This module puts the document together, part by part, from main/core/export/minutes/.
 */
import { Document, Packer } from 'docx';
import type { MinutesVersion } from '../../domain/api';
import { keepsPrivateBusinessApart } from '../../domain/bodies';
import { formatDate, minutesShapeOf } from '../../domain/houseStyle';
import type { Meeting } from '../../domain/meeting';
import { DEFAULT_EXPORT_STYLE, type ExportStyle } from './exportStyle';
import { agendaItem, partTwoMinutes } from './minutes/agendaItem';
import { attendance } from './minutes/attendance';
import { closingMatter } from './minutes/closingMatter';
import { frontMatter } from './minutes/frontMatter';
import { ListInstances, ParagraphNumbers, type Layout } from './minutes/layout';
import { pageFooter, pageHeader } from './minutes/pageFrame';
import { BULLET_LIST, DECISION_POINTS, decisionPointLevels, documentStyles, listLevels, NUMBERED_LIST } from './minutes/styles';
import { xmlSafe } from './wordText';

export type { MinutesVersion } from '../../domain/api';

export interface MinutesDocumentOptions {
  version: MinutesVersion;
  /** The council or body, shown above the committee name, when the house style names none. */
  organisation?: string;
  /** The house style, logo and template; the default house style when not given. */
  style?: ExportStyle;
  /** DRAFT on every page. When not given: while the meeting is a draft. */
  draft?: boolean;
}

export function buildMinutesDocument(meeting: Meeting, options: MinutesDocumentOptions): Document {
  const { version } = options;
  const style = options.style ?? DEFAULT_EXPORT_STYLE;
  const house = style.houseStyle;
  const draft = options.draft ?? meeting.status === 'draft';
  const organisation = house.organisation.trim() || options.organisation?.trim() || undefined;
  const { ids, externalStyles, styles } = documentStyles(house, style.template);
  const shape = minutesShapeOf(house);
  const layout: Layout = {
    meeting,
    version,
    house,
    shape,
    references: { shape, minuteNumberPattern: house.minuteNumberPattern },
    ids,
    lists: new ListInstances(),
    paragraphNumbers: new ParagraphNumbers(shape.paragraphNumbering === 'decimal'),
  };
  const date = formatDate(meeting.date, house.dateFormat);
  // A school minutes its Part II business in a document of its own: the confidential version holds those items only.
  const partTwoOnly = version === 'confidential' && keepsPrivateBusinessApart(shape);
  const items = partTwoOnly ? meeting.agenda.filter((item) => item.exempt) : meeting.agenda;
  const children = [
    ...frontMatter(layout, organisation, style.logo, partTwoOnly ? 'Part II (confidential) minutes' : 'Minutes'),
    ...attendance(layout),
    ...(partTwoOnly ? partTwoMinutes(layout) : items.flatMap((item) => agendaItem(layout, item))),
    ...closingMatter(layout, items),
  ];
  return new Document({
    title: xmlSafe(`Minutes: ${meeting.committee}, ${date}`),
    subject: xmlSafe(`${version === 'public' ? 'Public' : 'Confidential'} minutes of the ${meeting.committee} meeting held on ${date}`),
    creator: 'Minute Book',
    ...(externalStyles === undefined ? {} : { externalStyles }),
    styles,
    numbering: {
      config: [
        { reference: BULLET_LIST, levels: listLevels('bullet') },
        { reference: NUMBERED_LIST, levels: listLevels('numbered') },
        { reference: DECISION_POINTS, levels: decisionPointLevels() },
        ...layout.paragraphNumbers.config(),
      ],
    },
    sections: [
      {
        headers: { default: pageHeader(layout, draft) },
        footers: { default: pageFooter(version) },
        children,
      },
    ],
  });
}

export async function minutesDocx(meeting: Meeting, options: MinutesDocumentOptions): Promise<Buffer> {
  return Packer.toBuffer(buildMinutesDocument(meeting, options));
}
