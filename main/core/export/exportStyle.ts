/**
 * Everything the Word export needs from the library besides the meeting: the house style
 * (library.json, overridden per committee), the logo picture and the organisation's template.
 * A logo or template that is missing, unreadable or of the wrong kind is reported by name; the
 * export never fails on it with a crash or a file Word refuses.
 */
import { lstat } from 'node:fs/promises';
import { Document } from 'docx';
import { imageSize } from 'image-size';
import { CommitteeSlug } from '../../domain/committee';
import { DEFAULT_HOUSE_STYLE, resolveHouseStyle, type HouseStyle, type HouseStyleLogo, type HouseStyleOverride } from '../../domain/houseStyle';
import { committeeFile, confinedLibraryPath, LibraryPathRefused, readCommittee } from '../library';
import { HouseStyleFileError, readLibrarySettings } from '../libraryFile';
import { describeIoError } from '../meetingFile';
import { isAbsurdSize, isWholePicture, MAX_LOGO_PIXELS, MAX_LOGO_SIDE_PX } from './logoPicture';
import { packageParts, PackageTooLarge, readPackagePart, WORD_TEMPLATE_LIMITS } from './wordPackage';
import { FileTooLarge, NotOrdinaryFile, readOrdinaryFile, SYMBOLIC_LINK_PROBLEM } from '../ordinaryFile';

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

/** Larger files are refused before they are read: no logo or template is anywhere near this. */
const MAX_LOGO_BYTES = 10 * 1024 * 1024;
const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;

/** The committee's house style: library.json's with the committee's overrides (no logo or template read). */
export async function loadHouseStyle(libraryPath: string, committeeSlug: string | undefined): Promise<HouseStyle> {
  const library = await readLibrarySettings(libraryPath);
  return resolveHouseStyle(library.houseStyle, await committeeOverrides(libraryPath, committeeSlug));
}

/** Reads library.json, the committee's overrides, the logo and the template. */
export async function loadExportStyle(libraryPath: string, committeeSlug: string | undefined): Promise<ExportStyle> {
  const houseStyle = await loadHouseStyle(libraryPath, committeeSlug);
  const [logo, template] = await Promise.all([
    houseStyle.logo ? readLogo(libraryPath, houseStyle.logo) : undefined,
    houseStyle.template ? readTemplate(libraryPath, houseStyle.template) : undefined,
  ]);
  return { houseStyle, ...(logo ? { logo } : {}), ...(template ? { template } : {}) };
}

/**
 * Checks the logo and template a house style names, as Settings → House style (or a committee's
 * own style) saves it: a file that is there but would be refused at export (too large, a zip
 * bomb, damaged, a link) is refused now, with the export's sentence. A file not there yet is
 * left for the export to report, so a style can be saved before its files are copied in.
 */
export async function checkHouseStyleFiles(libraryPath: string, style: HouseStyleOverride): Promise<void> {
  const isThere = (file: string) =>
    houseStyleFilePath(libraryPath, file).then(
      (path) =>
        lstat(path).then(
          () => true,
          () => false,
        ),
      () => true,
    );
  if (style.logo && (await isThere(style.logo.file))) await readLogo(libraryPath, style.logo);
  if (style.template && (await isThere(style.template))) await readTemplate(libraryPath, style.template);
}

/** The committee file's house-style overrides; a committee without a file has none. A bad committee file is reported. */
async function committeeOverrides(libraryPath: string, committeeSlug: string | undefined): Promise<HouseStyleOverride | undefined> {
  if (!committeeSlug || !CommitteeSlug.safeParse(committeeSlug).success) return undefined;
  try {
    // lstat: a committee file that is a link is reported by readCommittee, not taken for a missing one.
    await lstat(committeeFile(libraryPath, committeeSlug));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
  }
  return (await readCommittee(libraryPath, committeeSlug)).houseStyle;
}

/** A house-style file by its path inside the library ("house-style/logo.png"), whichever slash was typed: inside the library, reached through no link. */
async function houseStyleFilePath(libraryPath: string, file: string): Promise<string> {
  return confinedLibraryPath(libraryPath, file.split(/[\\/]/).filter(Boolean).join('/'));
}

async function readHouseStyleFile(libraryPath: string, file: string, what: 'logo' | 'template', maxBytes: number): Promise<{ path: string; data: Buffer }> {
  let path = file;
  const refuse = (problem: string, message: string) => new HouseStyleFileError(path, problem, message);
  const linked = () =>
    refuse(
      SYMBOLIC_LINK_PROBLEM,
      `The house-style ${what} “${file}” is a symbolic link (a shortcut to another file, perhaps outside the library). Copy the file itself into the library folder and choose that in the house style.`,
    );
  try {
    path = await houseStyleFilePath(libraryPath, file);
    return { path, data: await readOrdinaryFile(path, maxBytes) };
  } catch (error) {
    if (error instanceof LibraryPathRefused) {
      if (error.problem.includes('symbolic link')) throw linked();
      throw refuse(
        error.problem,
        `The house-style ${what} “${file}” is not inside the library folder. Copy the file into the library folder and choose it there.`,
      );
    }
    if (error instanceof NotOrdinaryFile) {
      if (error.problem === SYMBOLIC_LINK_PROBLEM) throw linked();
      throw refuse(
        error.problem,
        `The house-style ${what} “${file}” is not an ordinary file (a folder, a pipe or a device). Choose the file itself in the house style.`,
      );
    }
    if (error instanceof FileTooLarge) {
      const limit = `${maxBytes / 1024 / 1024} MB`;
      throw refuse(`it is larger than ${limit}`, `The house-style ${what} “${file}” is larger than ${limit}. Choose a smaller file in the house style.`);
    }
    const problem = describeIoError(error, 'read');
    throw refuse(
      problem,
      `The house-style ${what} “${file}” cannot be read: ${problem}. Put the file back in the library folder, or take it out of the house style.`,
    );
  }
}

const WORD_PICTURE_TYPES = ['png', 'jpg', 'gif', 'bmp'] as const;
type WordPictureType = (typeof WORD_PICTURE_TYPES)[number];

function isWordPictureType(type: string | undefined): type is WordPictureType {
  return (WORD_PICTURE_TYPES as readonly string[]).includes(type ?? '');
}

/** The logo picture, its kind told by its bytes (not its name) and its pixel size read from its header (image-size). */
async function readLogo(libraryPath: string, logo: HouseStyleLogo): Promise<ExportLogo> {
  const { path, data } = await readHouseStyleFile(libraryPath, logo.file, 'logo', MAX_LOGO_BYTES);
  let size: { width: number; height: number; type?: string | undefined } | undefined;
  try {
    size = imageSize(data);
  } catch {
    size = undefined;
  }
  if (!size || !isWordPictureType(size.type)) {
    const kind = size?.type ? ` (it is a ${size.type.toUpperCase()} file)` : '';
    const problem = `it is not a PNG, JPEG, GIF or BMP picture${kind}`;
    throw new HouseStyleFileError(
      path,
      problem,
      `The house-style logo “${logo.file}” is not a PNG, JPEG, GIF or BMP picture${kind}. Save the logo as a PNG and choose that file in the house style.`,
    );
  }
  if (!(size.width > 0 && size.height > 0)) {
    throw new HouseStyleFileError(
      path,
      'the picture has no size',
      `The house-style logo “${logo.file}” is a picture with no width or height. Save the logo again and choose that file in the house style.`,
    );
  }
  if (isAbsurdSize(size.width, size.height)) {
    const dimensions = `${grouped(size.width)} × ${grouped(size.height)} pixels`;
    throw new HouseStyleFileError(
      path,
      `it is ${dimensions}`,
      `The house-style logo “${logo.file}” is ${dimensions}, far larger than a logo needs (at most ${grouped(MAX_LOGO_SIDE_PX)} pixels a side and ${MAX_LOGO_PIXELS / 1_000_000} million in all). Save it smaller, say 1,000 pixels wide, and choose that file in the house style.`,
    );
  }
  if (!isWholePicture(data, size.type)) {
    const kind = size.type === 'jpg' ? 'JPEG' : size.type.toUpperCase();
    throw new HouseStyleFileError(
      path,
      `it is damaged (a ${kind} header, but not a whole picture)`,
      `The house-style logo “${logo.file}” is damaged: it starts like a ${kind} picture, but the rest is not a whole picture. Save the logo again as a PNG and choose that file in the house style.`,
    );
  }
  return { data, type: size.type, widthPx: size.width, heightPx: size.height, altText: logo.altText, widthMm: logo.widthMm };
}

/** The first bytes of an older binary Word file (.doc, .dot): an OLE compound file. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** word/styles.xml of the organisation's .docx or .dotx (both are zip packages with the same parts). */
async function readTemplate(libraryPath: string, file: string): Promise<ExportTemplate> {
  const { path, data } = await readHouseStyleFile(libraryPath, file, 'template', MAX_TEMPLATE_BYTES);
  const notWord = (problem: string, advice = 'Choose a .docx or .dotx file in the house style.') =>
    new HouseStyleFileError(path, problem, `The house-style template “${file}” ${problem}. ${advice}`);
  if (data.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw notWord('is an older Word file (.doc or .dot)', 'Open it in Word and save it as a Word Template (.dotx), then choose that file in the house style.');
  }
  let stylesXml: string | undefined;
  try {
    // Only the central directory is read first, and only word/styles.xml is ever unpacked, within limits.
    const parts = packageParts(data);
    const isWord = parts.has('word/document.xml');
    const styles = isWord ? parts.get('word/styles.xml') : undefined;
    if (isWord && styles === undefined) throw notWord('has no styles to use (it holds no word/styles.xml)');
    stylesXml = styles ? readPackagePart(data, styles).toString('utf8') : undefined;
  } catch (error) {
    if (error instanceof HouseStyleFileError) throw error;
    if (error instanceof PackageTooLarge) throw templateTooLarge(path, file, error);
    // NotAPackage, or anything else a malformed zip leads to: not a Word file we can use.
    stylesXml = undefined;
  }
  if (stylesXml === undefined || !/<w:styles[\s>]/.test(stylesXml) || !stylesReadable(stylesXml)) {
    throw notWord('is not a Word document or template (.docx or .dotx)');
  }
  return { stylesXml, fileName: file };
}

/** "6003" → "6,003", as the clerk reads numbers. */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function megabytesOrGigabytes(bytes: number): string {
  const gigabytes = bytes / 1024 / 1024 / 1024;
  return gigabytes >= 1 ? `${gigabytes.toFixed(1)} GB` : `${grouped(Math.round(bytes / 1024 / 1024))} MB`;
}

/** A template over the package limits: a zip bomb, or damaged. Refused before anything big is unpacked. */
function templateTooLarge(path: string, file: string, error: PackageTooLarge): HouseStyleFileError {
  const why =
    'so Minute Book does not open it: it may be damaged, or made to fill the computer’s memory. Choose the organisation’s own .docx or .dotx file in the house style.';
  if (error.kind === 'parts') {
    return new HouseStyleFileError(
      path,
      `it holds ${grouped(error.amount)} parts`,
      `The house-style template “${file}” holds ${grouped(error.amount)} parts, far more than any Word template, ${why}`,
    );
  }
  const detail =
    error.kind === 'total'
      ? `${Number.isFinite(error.amount) ? megabytesOrGigabytes(error.amount) : 'more than 4 GB'} in all`
      : error.exceeded
        ? `its styles alone to more than ${megabytesOrGigabytes(WORD_TEMPLATE_LIMITS.maxPartBytes)}`
        : `its styles alone to ${megabytesOrGigabytes(error.amount)}`;
  return new HouseStyleFileError(
    path,
    `it would unpack to ${detail}`,
    `The house-style template “${file}” would unpack to far more than any Word template (${detail}), ${why}`,
  );
}

/** Whether docx can take these styles: it reads them when the document is made, so try that here rather than mid-export. */
function stylesReadable(stylesXml: string): boolean {
  try {
    new Document({ externalStyles: stylesXml, sections: [] });
    return true;
  } catch {
    return false;
  }
}

/** A style the template defines: its kind, its id (what paragraphs refer to) and its name (what Word shows). */
export interface TemplateStyle {
  type: string;
  id: string;
  name: string;
  isDefault: boolean;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXmlText(match[1] ?? match[2] ?? '') : undefined;
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_whole, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_whole, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, '&');
}

/**
 * The styles a template's styles.xml defines. Word writes built-in styles' names in English
 * ("heading 1", "List Bullet", "Table Grid") whatever the language, but their ids may be
 * translated, so styles are found by name and used by id.
 */
export function templateStyles(stylesXml: string): TemplateStyle[] {
  const styles: TemplateStyle[] = [];
  for (const match of stylesXml.matchAll(/<w:style\b([^>]*?)(\/>|>([\s\S]*?)<\/w:style>)/g)) {
    const tag = match[1] ?? '';
    const id = attribute(tag, 'w:styleId');
    const type = attribute(tag, 'w:type') ?? 'paragraph';
    if (!id) continue;
    const nameTag = /<w:name\b[^>]*>/.exec(match[3] ?? '')?.[0];
    const name = (nameTag && attribute(nameTag, 'w:val')) || id;
    const isDefault = ['1', 'true', 'on'].includes(attribute(tag, 'w:default') ?? '');
    styles.push({ type, id, name, isDefault });
  }
  return styles;
}

/** One element by its tag name: the whole of it, its opening tag, and its content (undefined when it is empty, as in <w:rPr/>). */
function element(xml: string, name: string): { whole: string; open: string; inner: string | undefined } | undefined {
  const match = new RegExp(`(<${name}\\b[^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  if (!match) return undefined;
  return { whole: match[0], open: `${match[1]}>`, inner: match[2] };
}

/** xml with its first `from` replaced by `to`, taken literally. */
function replaceOnce(xml: string, from: string, to: string): string {
  return xml.replace(from, () => to);
}

/** Every w:lang in xml with its main language set to `language`; the East Asian and right-to-left languages are kept. */
function withLanguageEverywhere(xml: string, language: string): string {
  return xml.replace(/<w:lang\b[^>]*?\/?>/g, (tag) =>
    /\sw:val\s*=/.test(tag) ? tag.replace(/(\sw:val\s*=\s*)("[^"]*"|'[^']*')/, `$1"${language}"`) : tag.replace(/^<w:lang\b/, `<w:lang w:val="${language}"`),
  );
}

/**
 * The template's styles.xml with the document's language set to `language`: in its document
 * defaults (added there if the template sets none) and in any style that names a language, so
 * spelling and screen readers use UK English whatever language the template was made in.
 * Everything else (the template's fonts, sizes and spacing) is kept.
 */
export function withDocumentLanguage(stylesXml: string, language: string): string {
  const xml = withLanguageEverywhere(stylesXml, language);
  const lang = `<w:lang w:val="${language}"/>`;
  const rPrDefault = `<w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`;
  const defaults = element(xml, 'w:docDefaults');
  if (!defaults) return xml.replace(/<w:styles\b[^>]*>/, (open) => `${open}<w:docDefaults>${rPrDefault}</w:docDefaults>`);
  const inner = defaults.inner ?? '';
  const run = element(inner, 'w:rPrDefault');
  // rPrDefault comes first in the document defaults.
  const newInner = run ? replaceOnce(inner, run.whole, `${run.open}${withRunLanguage(run.inner ?? '', lang)}</w:rPrDefault>`) : `${rPrDefault}${inner}`;
  return replaceOnce(xml, defaults.whole, `${defaults.open}${newInner}</w:docDefaults>`);
}

/** The content of rPrDefault with a w:lang, in the place the schema wants it (one already there has the language set). */
function withRunLanguage(rPrDefaultInner: string, lang: string): string {
  const properties = element(rPrDefaultInner, 'w:rPr');
  if (!properties) return `<w:rPr>${lang}</w:rPr>${rPrDefaultInner}`;
  const inner = properties.inner ?? '';
  if (/<w:lang\b/.test(inner)) return rPrDefaultInner;
  // w:lang comes after every run property but these few, in the schema's order.
  const later = /<w:(?:eastAsianLayout|specVanish|oMath|rPrChange)\b/.exec(inner);
  const newInner = later ? `${inner.slice(0, later.index)}${lang}${inner.slice(later.index)}` : `${inner}${lang}`;
  return replaceOnce(rPrDefaultInner, properties.whole, `${properties.open}${newInner}</w:rPr>`);
}
