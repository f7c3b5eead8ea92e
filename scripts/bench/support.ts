/** What every `npm run bench` section shares: medians and percentiles, and a meeting put in a library. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathForNewMeeting } from '../../main/core/library';
import { serializeLibraryFile } from '../../main/core/meetingFile';
import type { Meeting } from '../../main/domain/meeting';

export function percentile(values: readonly number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

/** Writes `meeting` into the library where a new meeting goes, as the app writes it; returns the file's path. */
export async function meetingInLibrary(library: string, meeting: Meeting): Promise<string> {
  await mkdir(join(library, 'meetings'), { recursive: true });
  const file = await pathForNewMeeting(library, meeting);
  const path = join(library, ...file.split('/'));
  await writeFile(path, serializeLibraryFile(meeting));
  return path;
}
