/**
 * A clerk's laptop loses power mid-sentence. Fifty times, a process typing without pause is
 * killed with SIGKILL at a random moment. Each time the library file must still parse, hold every
 * change the core had reported written to it before the kill, and the journal must bring back the rest.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minutesText, type Meeting } from '../../main/domain/meeting';
import { meetingAfterRestart, startFixtureProcess } from '../support/killedClerk';
import { PATIENCE_MS } from '../support/patience';
import { storedMeetingFiles } from '../support/storedMeetings';

/** 50 in every test run; the long run by hand: `CRASH_RUNS=1000 npx vitest run tests/core/crashSafety.test.ts` (README, "Crash and kill runs"). */
const RUNS = Math.max(1, Number(process.env.CRASH_RUNS ?? 50) || 50);
const CONCURRENCY = 2;

interface RunOutcome {
  meetingId: string;
  fileParsed: boolean;
  missingFromFile: string[];
  missingAfterReplay: string[];
  journaledBeforeKill: number;
  journaledTotal: number;
}

function allText(meeting: Meeting): string {
  return meeting.agenda.map((item) => `${item.title}\n${minutesText(item.minutes)}`).join('\n');
}

async function killMidStream(run: number): Promise<RunOutcome> {
  const root = await mkdtemp(join(tmpdir(), `mb-crash-${run}-`));
  const library = join(root, 'library');
  const data = join(root, 'data');
  const log = join(root, 'writer.log');
  const writer = startFixtureProcess('writerProcess.ts', library, data, log);
  try {
    await writer.waitForLine('ready ', PATIENCE_MS);
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 2200));
    await writer.kill();

    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    const meetingId = lines[0]!.split(' ')[1]!;
    const journaled = lines
      .filter((line) => line.startsWith('journaled '))
      .map((line) => {
        const [, marker] = line.split(' ');
        return { marker: marker! };
      });
    // What the core had reported written to the file before the kill (the writer's `written <logged> <pending>` lines).
    const reportedWritten = Math.max(
      0,
      ...lines.filter((line) => line.startsWith('written ')).map((line) => Number(line.split(' ')[1]) - Number(line.split(' ')[2])),
    );
    const dueInFile = journaled.slice(0, reportedWritten).map((entry) => entry.marker);

    const [file] = await storedMeetingFiles(library);
    const parsed = file!.parsed;
    const textInFile = parsed.ok ? allText(parsed.meeting) : '';

    // The next start replays the journal: every journaled change, even the last, comes back.
    const textAfterReplay = allText(await meetingAfterRestart(library, data, meetingId));

    return {
      meetingId,
      fileParsed: parsed.ok,
      missingFromFile: dueInFile.filter((marker) => !textInFile.includes(`${marker}”`) && !textInFile.includes(`${marker}\n`) && !textInFile.endsWith(marker)),
      missingAfterReplay: journaled
        .map((entry) => entry.marker)
        .filter((marker) => !textAfterReplay.includes(`${marker}”`) && !textAfterReplay.includes(`Item ${marker}`)),
      journaledBeforeKill: dueInFile.length,
      journaledTotal: journaled.length,
    };
  } catch (error) {
    throw new Error(`run ${run}: ${String(error)}\n${writer.stderr()}`);
  } finally {
    await writer.kill();
    await rm(root, { recursive: true, force: true });
  }
}

describe('a crash in the middle of typing', () => {
  it(
    `never leaves a torn file and never loses a journaled change (${RUNS} SIGKILLs)`,
    async () => {
      const outcomes: RunOutcome[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < RUNS) {
            const run = next++;
            outcomes.push(await killMidStream(run));
          }
        }),
      );
      expect(outcomes).toHaveLength(RUNS);
      const torn = outcomes.filter((outcome) => !outcome.fileParsed).length;
      const checkedInFile = outcomes.reduce((sum, outcome) => sum + outcome.journaledBeforeKill, 0);
      const lostFromFile = outcomes.reduce((sum, outcome) => sum + outcome.missingFromFile.length, 0);
      const lost = outcomes.reduce((sum, outcome) => sum + outcome.missingAfterReplay.length, 0);
      const journaled = outcomes.reduce((sum, outcome) => sum + outcome.journaledTotal, 0);
      console.log(
        `crash-safety: ${RUNS} SIGKILLs, ${journaled} changes journaled, ${checkedInFile} reported written to the file, ${torn} torn files, ${lostFromFile} changes reported written but missing from the file, ${lost} journaled changes lost after replay`,
      );
      for (const outcome of outcomes) {
        expect(outcome.fileParsed).toBe(true);
        expect(outcome.missingFromFile).toEqual([]);
        expect(outcome.missingAfterReplay).toEqual([]);
      }
      // The kills really landed mid-stream: changes were journaled, and many had been reported written, so were checked in the file.
      expect(outcomes.filter((outcome) => outcome.journaledTotal > 0).length).toBe(RUNS);
      expect(outcomes.reduce((sum, outcome) => sum + outcome.journaledBeforeKill, 0)).toBeGreaterThan(RUNS * 5);
    },
    Math.max(600_000, RUNS * 6_000),
  );
});
