/**
 * Everything the Word export needs from the library besides the meeting: the house style
 * (library.json, overridden per committee), the logo picture and the organisation's template.
 */
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../domain/houseStyle';

export interface ExportLogo {
  data: Buffer;
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  /** Picture size in pixels, for the proportions. */
  widthPx: number;
  heightPx: number;
  altText: string;
  widthMm: number;
}

export interface ExportTemplate {
  /** word/styles.xml of the organisation's .docx or .dotx. */
  stylesXml: string;
  /** The template's file name, for messages. */
  fileName: string;
}

export interface ExportStyle {
  houseStyle: HouseStyle;
  logo?: ExportLogo;
  template?: ExportTemplate;
}

export const DEFAULT_EXPORT_STYLE: ExportStyle = { houseStyle: DEFAULT_HOUSE_STYLE };

/**
 * Reads library.json, the committee's overrides, the logo and the template.
 * TODO(issue 4, house style): read the files; until then the default style.
 */
export async function loadExportStyle(libraryPath: string, committeeSlug: string | undefined): Promise<ExportStyle> {
  void libraryPath;
  void committeeSlug;
  return DEFAULT_EXPORT_STYLE;
}
