/** Real temporary folders for a library and a computer's own data, and a core on them. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMinuteBookCore, type MinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';

export interface TempLibrary {
  root: string;
  library: string;
  data: string;
  startCore(options?: { saveDelayMs?: number }): MinuteBookCore;
  remove(): Promise<void>;
}

export async function makeTempLibrary(): Promise<TempLibrary> {
  const root = await mkdtemp(join(tmpdir(), 'mb-test-'));
  const library = join(root, 'library');
  const data = join(root, 'computer');
  const cores: MinuteBookCore[] = [];
  return {
    root,
    library,
    data,
    startCore(options = {}) {
      const settings = fileSettingsStore(join(data, 'settings.json'), { displayName: 'Jane Clerk', libraryPath: library });
      const core = createMinuteBookCore({ settings, journalDir: join(data, 'journal'), ...options });
      cores.push(core);
      return core;
    },
    async remove() {
      await Promise.all(cores.map((core) => core.close().catch(() => undefined)));
      await rm(root, { recursive: true, force: true });
    },
  };
}

export const sampleDetails = {
  committee: 'Children’s Services Scrutiny Panel',
  title: 'Ordinary meeting',
  date: '2026-11-10',
  startTime: '10:00',
  venue: 'Council Chamber, Guildhall',
};
