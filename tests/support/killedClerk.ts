/**
 * A clerk's Minute Book in a process of its own (tests/core/fixtures/clerkUntilKilled.ts), for
 * tests that kill it with SIGKILL, and the meeting as the clerk's next start opens it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import type { Meeting } from '../../main/domain/meeting';

const fixture = join(import.meta.dirname, '..', 'core', 'fixtures', 'clerkUntilKilled.ts');

export interface KilledClerk {
  pid: number;
  /** Resolves with the log line that starts with `prefix`, once the process has written it. */
  waitForLine(prefix: string, timeoutMs?: number): Promise<string>;
  kill(): Promise<void>;
}

export function startClerkProcess(library: string, data: string, log: string, mode?: 'offline'): KilledClerk {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fixture, library, data, log, ...(mode ? [mode] : [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  return {
    pid: child.pid!,
    async waitForLine(prefix, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const line = (await readFile(log, 'utf8').catch(() => '')).split('\n').find((each) => each.startsWith(prefix));
        if (line) return line;
        if (gone || Date.now() > until) throw new Error(`the clerk process never logged “${prefix}”${stderr ? `: ${stderr}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * The meeting as the clerk's next start after a kill opens it: a new core on the computer's folder
 * `data` (its settings and journal) replays whatever the killed process had journaled.
 */
export async function meetingAfterRestart(library: string, data: string, meetingId: string): Promise<Meeting> {
  const settings = fileSettingsStore(join(data, 'settings.json'), { displayName: 'Test clerk', libraryPath: library });
  const core = createMinuteBookCore({ settings, journalDir: join(data, 'journal') });
  try {
    return (await core.handlers['meetings.open']({ meetingId })).meeting;
  } finally {
    await core.close();
  }
}
