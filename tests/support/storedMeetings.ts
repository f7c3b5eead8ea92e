/**
 * The meeting files of a library as a test reads them from disk, without the app: the files in
 * the 2026 folder (every test meeting is filed there), each file's text and the file checked
 * against the schema.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Meeting } from '../../main/domain/meeting';
import { parseMeetingData, type MeetingParseResult } from '../../main/domain/migrations';

export interface StoredMeetingFile {
  name: string;
  text: string;
  /** The file checked against the schema. */
  parsed: MeetingParseResult;
}

/**
 * The meeting files (`*.json`, not presence locks or temporary files) in the library's 2026
 * folder, in name order. Throws while the folder is not there, or if a file is not JSON.
 */
export async function storedMeetingFiles(library: string): Promise<StoredMeetingFile[]> {
  const folder = join(library, 'meetings', '2026');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(folder, name), 'utf8');
      return { name, text, parsed: parseMeetingData(JSON.parse(text)) };
    }),
  );
}

/** The meeting a stored file holds: fails with the schema's problem, or when there is no file. */
export function validMeeting(file: StoredMeetingFile | undefined): Meeting {
  if (!file) throw new Error('no meeting file in the library');
  if (!file.parsed.ok) throw new Error(`the meeting file does not validate: ${file.parsed.problem}`);
  return file.parsed.meeting;
}

/** The library's meeting (its first file), checked against the schema. */
export async function storedMeeting(library: string): Promise<Meeting> {
  return validMeeting((await storedMeetingFiles(library))[0]);
}
