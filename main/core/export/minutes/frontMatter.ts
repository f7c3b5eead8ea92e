/**
 * The top of the minutes: the logo (with its alt text), the title, organisation and committee,
 * the date, time and venue of the meeting.
 */
import { ImageRun, Paragraph } from 'docx';
import { formatDateWithWeekday } from '../../../domain/houseStyle';
import { formatClockTime } from '../../../domain/wording';
import type { ExportLogo } from '../exportStyle';
import { textRun, xmlSafe } from '../wordText';
import { sentence, type Layout } from './layout';

const PIXELS_PER_MM = 96 / 25.4;
/** The width between docx's default margins on A4 (210 mm less two inches). */
const TEXT_WIDTH_MM = 210 - 2 * 25.4;
/** A logo taller than this would push the minutes off the first page. */
const MAX_LOGO_HEIGHT_MM = 60;

/** The logo's printed size: the house style's width, the height in proportion, shrunk (keeping proportions) to fit the text width and a sensible height. */
export function logoSizeMm(logo: Pick<ExportLogo, 'widthMm' | 'widthPx' | 'heightPx'>): { widthMm: number; heightMm: number } {
  const ratio = logo.heightPx / logo.widthPx;
  const widthMm = Math.min(logo.widthMm, TEXT_WIDTH_MM, MAX_LOGO_HEIGHT_MM / ratio);
  return { widthMm, heightMm: widthMm * ratio };
}

/** The logo at the top of the first page; the alt text is the picture's description and title. */
function logoParagraph(logo: ExportLogo): Paragraph {
  const { widthMm, heightMm } = logoSizeMm(logo);
  const altText = xmlSafe(logo.altText);
  return new Paragraph({
    spacing: { after: 240 },
    children: [
      new ImageRun({
        type: logo.type,
        data: logo.data,
        transformation: { width: widthMm * PIXELS_PER_MM, height: heightMm * PIXELS_PER_MM },
        altText: { name: 'Logo', description: altText, title: altText },
      }),
    ],
  });
}

/** The document's title block; `title` is "Minutes", or a school's "Part II (confidential) minutes" for its Part II document. */
export function frontMatter(layout: Layout, organisation: string | undefined, logo: ExportLogo | undefined, title = 'Minutes'): Paragraph[] {
  const { meeting, house } = layout;
  const paragraphs = logo ? [logoParagraph(logo)] : [];
  paragraphs.push(new Paragraph({ style: layout.ids.title, children: [textRun(title)] }));
  if (organisation) paragraphs.push(new Paragraph({ children: [textRun(organisation, ['bold'])] }));
  paragraphs.push(new Paragraph({ children: [textRun(meeting.committee, ['bold'])] }));
  if (meeting.title.trim()) paragraphs.push(sentence(meeting.title.trim()));
  paragraphs.push(
    sentence(
      `Minutes of the meeting held on ${formatDateWithWeekday(meeting.date, house.dateFormat)} at ${formatClockTime(meeting.startTime, house.timeFormat)}`,
    ),
  );
  if (meeting.venue.trim()) paragraphs.push(sentence(meeting.venue.trim()));
  return paragraphs;
}
