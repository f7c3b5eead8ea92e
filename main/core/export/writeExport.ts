/**
 * Writing an exported file (Word minutes, an action log) where the clerk asked: atomically, so a
 * failure never leaves a half-written document, and never over a document that is open in Word.
 *
 * Word marks a document it has open with an "owner file" beside it, "~$" plus the name (see
 * wordOwnerFileNames), holding the user's name; on Windows it also locks the document itself.
 * Either is reported as ExportTargetBusy, with a free name beside it to offer instead.
 *
 * Nor is a file that is simply there written over unless the clerk chose to replace it (the
 * app's "Replace it?", the Save dialog's own question, the command line's --replace): without
 * that it is reported as ExportTargetExists, again with a free name to offer.
 */
import { lstat, open, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { writeFileAtomic } from '../atomicFile';
import { ClerkFacingError } from '../clerkFacingError';
import { describeIoError } from '../meetingFile';

/** The target is open in Word (or another program), or locked: nothing was written. */
export class ExportTargetBusy extends ClerkFacingError {
  declare readonly suggestedPath: string;

  constructor(
    readonly target: string,
    suggestedPath: string,
    /** Who has it open, from Word's owner file, when that could be read. */
    readonly openBy?: string,
    message = `${basename(target)} is open in ${programFor(target)}${openBy ? ` (by ${openBy})` : ''} — close it there, or save under another name.`,
  ) {
    super(message, 'export-target-busy', suggestedPath);
    this.name = 'ExportTargetBusy';
  }
}

/** A file of that name is there, and the clerk has not chosen to replace it: nothing was written. */
export class ExportTargetExists extends ClerkFacingError {
  declare readonly suggestedPath: string;

  constructor(
    readonly target: string,
    suggestedPath: string,
  ) {
    super(
      `There is already a file called ${basename(target)} in “${dirname(target)}”. Replace it, or save under another name.`,
      'export-target-exists',
      suggestedPath,
    );
    this.name = 'ExportTargetExists';
  }
}

/** Anything else that stopped the file being written; the old file, if any, is unchanged. */
export class ExportWriteFailed extends ClerkFacingError {
  constructor(
    readonly target: string,
    problem: string,
  ) {
    super(`${basename(target)} could not be saved in “${dirname(target)}”: ${problem}. Nothing was written.`, 'export-failed');
    this.name = 'ExportWriteFailed';
  }
}

const WORD_EXTENSIONS = new Set(['.doc', '.docx', '.docm', '.dot', '.dotx', '.dotm', '.rtf']);
const EXCEL_EXTENSIONS = new Set(['.csv', '.xls', '.xlsx', '.xlsm']);

function programFor(file: string): string {
  const extension = extname(file).toLowerCase();
  if (WORD_EXTENSIONS.has(extension)) return 'Word';
  if (EXCEL_EXTENSIONS.has(extension)) return 'Excel';
  return 'another program';
}

/**
 * The names Word's owner file can have for a document. Word keeps the name when the part before
 * the extension is up to 6 characters, drops its first character at 7, and its first two at 8 or
 * more ("Minutes 2022-11-08.docx" → "~$nutes 2022-11-08.docx"); this is the rule LibreOffice
 * follows to interoperate (svl/source/misc/msodocumentlockfile.cxx). Excel and PowerPoint, and
 * older versions, use "~$" plus the whole name, so that is always checked too.
 */
export function wordOwnerFileNames(fileName: string): string[] {
  const names = [`~$${fileName}`];
  const extension = extname(fileName);
  if (WORD_EXTENSIONS.has(extension.toLowerCase())) {
    const stemLength = [...fileName.slice(0, fileName.length - extension.length)].length;
    const dropped = stemLength >= 8 ? 2 : stemLength === 7 ? 1 : 0;
    if (dropped > 0) names.unshift(`~$${[...fileName].slice(dropped).join('')}`);
  }
  return names;
}

/** Word's owner file is 162 bytes: the user name as a length byte and 8-bit characters, then at byte 54 a 2-byte length and the name in UTF-16. */
const OWNER_FILE_UTF16_AT = 54;
const OWNER_NAME_MAX = 52;

/** The user name in an Office owner file, or undefined when the file does not hold one we can read. */
export function ownerNameFromOwnerFile(bytes: Uint8Array): string | undefined {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const clean = (name: string) => name.replace(/[\u0000-\u001F\u007F\uFFFD]/g, '').trim() || undefined;
  const eightBitLength = data[0] ?? 0;
  if (eightBitLength < 1 || eightBitLength > OWNER_NAME_MAX) return undefined;
  // Word puts the UTF-16 copy at byte 54, after zero padding; Excel and PowerPoint one byte later,
  // after padding spaces. So a "length" of 0x20 (a space) that follows non-zero bytes means the latter.
  const at =
    data[OWNER_FILE_UTF16_AT] === 0x20 && (data[OWNER_FILE_UTF16_AT - 1] !== 0 || data[OWNER_FILE_UTF16_AT - 2] !== 0)
      ? OWNER_FILE_UTF16_AT + 1
      : OWNER_FILE_UTF16_AT;
  const length = data[at] ?? 0;
  if (length >= 1 && length <= OWNER_NAME_MAX && data.length >= at + 2 + length * 2) {
    const name = clean(data.subarray(at + 2, at + 2 + length * 2).toString('utf16le'));
    if (name) return name;
  }
  return data.length > eightBitLength ? clean(data.subarray(1, 1 + eightBitLength).toString('latin1')) : undefined;
}

async function readOwnerName(ownerFile: string): Promise<string | undefined> {
  try {
    const handle = await open(ownerFile, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      return ownerNameFromOwnerFile(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    // Word holds the owner file open; if it cannot be read, the clerk is still told the document is open.
    return undefined;
  }
}

/** Names in the folder, lower-cased: Windows and macOS folders (and shared drives) ignore case. */
async function namesInFolder(folder: string): Promise<Set<string>> {
  try {
    return new Set((await readdir(folder)).map((name) => name.toLowerCase()));
  } catch {
    return new Set();
  }
}

function isOpenIn(names: ReadonlySet<string>, fileName: string): string | undefined {
  return wordOwnerFileNames(fileName).find((owner) => names.has(owner.toLowerCase()));
}

/**
 * The first free "name (2).docx", "name (3).docx"… beside the target: no file of that name and
 * no owner file for it. "name (2).docx" itself busy leads to "name (3).docx", not "name (2) (2).docx".
 */
export async function freeNameBeside(target: string): Promise<string> {
  const folder = dirname(target);
  const names = await namesInFolder(folder);
  const extension = extname(target);
  const stem = basename(target, extension).replace(/ \(\d+\)$/, '');
  for (let n = 2; n < 1000; n += 1) {
    const candidate = `${stem} (${n})${extension}`;
    if (!names.has(candidate.toLowerCase()) && !isOpenIn(names, candidate)) return join(folder, candidate);
  }
  return join(folder, `${stem} (${new Date().toISOString().replace(/[:.]/g, '-')})${extension}`);
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function errorSyscall(error: unknown): string {
  return typeof error === 'object' && error !== null && 'syscall' in error ? String((error as { syscall: unknown }).syscall) : '';
}

/** What Windows reports for a file another program holds (sharing violation), or what a read-only file gives. */
const LOCKED_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

async function lockedTargetError(target: string, error: unknown): Promise<ExportTargetBusy> {
  const name = basename(target);
  const message =
    errorCode(error) === 'EBUSY'
      ? `${name} is open in another program (perhaps ${programFor(target) === 'another program' ? 'Word' : programFor(target)}) — close it there, or save under another name.`
      : `${name} is locked or read-only — close it in the program that has it open, or save under another name.`;
  return new ExportTargetBusy(target, await freeNameBeside(target), undefined, message);
}

/**
 * Refuses a target Word has open (its owner file is beside it) or that cannot be written (locked by
 * another program, or read-only). A target that does not exist yet is always fine here. The owner
 * file is asked first: on Windows, Word also locks the document, and the owner file says who has it.
 */
export async function checkExportTarget(target: string): Promise<void> {
  let locked: unknown;
  try {
    // r+ opens an existing file for writing without changing it, and fails if there is none.
    await (await open(target, 'r+')).close();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return;
    if (code === 'EISDIR') throw new ExportWriteFailed(target, 'a folder of that name is already there');
    if (!LOCKED_CODES.has(code)) throw new ExportWriteFailed(target, describeIoError(error, 'write'));
    locked = error;
  }
  const folder = dirname(target);
  const ownerFile = isOpenIn(await namesInFolder(folder), basename(target));
  if (ownerFile) {
    const actualName = (await readdir(folder)).find((name) => name.toLowerCase() === ownerFile.toLowerCase()) ?? ownerFile;
    throw new ExportTargetBusy(target, await freeNameBeside(target), await readOwnerName(join(folder, actualName)));
  }
  if (locked !== undefined) throw await lockedTargetError(target, locked);
}

export interface ExportWriteOptions {
  /** The clerk chose to replace a file of that name (asked and said yes, or --replace). */
  replace?: boolean;
}

/** Refuses a target that is there (a file, or a link of that name), unless the clerk chose to replace it. */
async function checkNotThere(target: string, options: ExportWriteOptions): Promise<void> {
  if (options.replace) return;
  const there = await lstat(target).then(
    () => true,
    (error: unknown) => errorCode(error) !== 'ENOENT',
  );
  if (there) throw new ExportTargetExists(target, await freeNameBeside(target));
}

/**
 * Writes the file atomically (temporary file in the same folder, synced, renamed over the target;
 * the temporary file is removed on any failure), after checking the target is not open elsewhere
 * and, unless the clerk chose to replace it, not there at all.
 */
export async function writeExportFile(target: string, bytes: Uint8Array | string, options: ExportWriteOptions = {}): Promise<void> {
  await checkExportTarget(target);
  await checkNotThere(target, options);
  try {
    await writeFileAtomic(target, bytes);
  } catch (error) {
    const code = errorCode(error);
    // Windows refuses the rename over a document Word opened after the check.
    if (errorSyscall(error) === 'rename' && LOCKED_CODES.has(code)) throw await lockedTargetError(target, error);
    if (code === 'EACCES' || code === 'EPERM') throw new ExportWriteFailed(target, 'you do not have permission to save in that folder; choose another folder');
    if (code === 'ENOENT') throw new ExportWriteFailed(target, 'that folder is not there (was it moved, or is the drive disconnected?)');
    if (code === 'EFBIG') throw new ExportWriteFailed(target, 'the file is larger than that drive allows');
    throw new ExportWriteFailed(target, describeIoError(error, 'write'));
  }
}
