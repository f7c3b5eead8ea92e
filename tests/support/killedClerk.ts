/**
 * A clerk's Minute Book in a process of its own, for tests that kill it with SIGKILL: one of the
 * fixtures in tests/core/fixtures (clerkUntilKilled.ts unless a test names its own), run under
 * tsx with the library, the computer's folder and a log file it writes what it did to; and the
 * meeting as the clerk's next start opens it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createMinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import type { Meeting } from '../../main/domain/meeting';

const fixtures = join(import.meta.dirname, '..', 'core', 'fixtures');

export interface KilledClerk {
  pid: number;
  /**
   * Resolves with the first log line that starts with `prefix` (or matches it, for a RegExp), once
   * the process has written it; fails if the process exits first or after `timeoutMs`.
   */
  waitForLine(prefix: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Kills the process with SIGKILL, unless it has exited already, and waits for it to be gone. */
  kill(): Promise<void>;
  /** Resolves when the process has exited, with its exit code or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What the process has written to standard error so far. */
  stderr(): string;
}

/** `fixture`: a file in tests/core/fixtures; `args` follow the log file; `env` replaces the environment. */
export function startFixtureProcess(
  fixture: string,
  library: string,
  data: string,
  log: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv } = {},
): KilledClerk {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(fixtures, fixture), library, data, log, ...(options.args ?? [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(options.env ? { env: options.env } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const logged = (line: string, prefix: string | RegExp) => (typeof prefix === 'string' ? line.startsWith(prefix) : prefix.test(line));
  return {
    pid: child.pid!,
    exited,
    stderr: () => stderr,
    async waitForLine(prefix, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const line = (await readFile(log, 'utf8').catch(() => '')).split('\n').find((each) => logged(each, prefix));
        if (line) return line;
        if (gone || Date.now() > until) throw new Error(`the clerk process never logged “${String(prefix)}”${stderr ? `: ${stderr}` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** tests/core/fixtures/clerkUntilKilled.ts: a clerk typing until killed (`offline`: with the library away). */
export function startClerkProcess(library: string, data: string, log: string, mode?: 'offline'): KilledClerk {
  return startFixtureProcess('clerkUntilKilled.ts', library, data, log, { args: mode ? [mode] : [] });
}

/**
 * The meeting as the clerk's next start after a kill opens it: a new core on the computer's folder
 * `data` (its settings and journal) replays whatever the killed process had journaled. `clerk`:
 * the name in the settings and the computer's name, as the killed process had them.
 */
export async function meetingAfterRestart(
  library: string,
  data: string,
  meetingId: string,
  clerk: { displayName: string; computerName?: string } = { displayName: 'Test clerk' },
): Promise<Meeting> {
  const settings = fileSettingsStore(join(data, 'settings.json'), { displayName: clerk.displayName, libraryPath: library });
  const core = createMinuteBookCore({ settings, journalDir: join(data, 'journal'), ...(clerk.computerName ? { computerName: clerk.computerName } : {}) });
  try {
    return (await core.handlers['meetings.open']({ meetingId })).meeting;
  } finally {
    await core.close();
  }
}
