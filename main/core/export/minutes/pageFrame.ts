/**
 * What stands on every page of the minutes: committee and date with DRAFT and CONFIDENTIAL in
 * the header, "Page X of Y" (and CONFIDENTIAL again) in the footer.
 */
import { AlignmentType, Footer, Header, Paragraph } from 'docx';
import type { MinutesVersion } from '../../../domain/api';
import { formatDate } from '../../../domain/houseStyle';
import { headerLine, pageNumberLine, textRun } from '../wordText';
import type { Layout } from './layout';

function markings(draft: boolean, version: MinutesVersion): string[] {
  return [...(draft ? ['DRAFT'] : []), ...(version === 'confidential' ? ['CONFIDENTIAL'] : [])];
}

export function pageHeader(layout: Layout, draft: boolean): Header {
  const { meeting, version, house } = layout;
  const marks = markings(draft, version);
  const children = [headerLine(`${meeting.committee}, ${formatDate(meeting.date, house.dateFormat)}`)];
  if (marks.length > 0) children.push(headerLine(marks.join(' – '), true));
  return new Header({ children });
}

export function pageFooter(version: MinutesVersion): Footer {
  const children = [pageNumberLine()];
  if (version === 'confidential')
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [textRun('CONFIDENTIAL', ['bold'])] }));
  return new Footer({ children });
}
