/**
 * Per-computer settings kept in a JSON file, for browser mode, the test host and the CLI.
 * (The Electron app keeps the same settings in electron-store.) A missing or damaged file
 * gives the defaults rather than an error; writes are atomic.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ClerkSettings } from '../domain/api';
import type { SettingsStore } from './ports';

const StoredSettings = z.object({
  displayName: z.string().min(1),
  libraryPath: z.string().min(1),
  // A damaged value is forgotten rather than losing the other settings with it.
  lastExportFolder: z.string().min(1).max(4096).optional().catch(undefined),
});

export function fileSettingsStore(path: string, defaults: ClerkSettings): SettingsStore {
  let cached: ClerkSettings | undefined;
  return {
    read() {
      if (cached) return cached;
      try {
        const parsed = StoredSettings.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        cached = parsed.success ? withoutUnset(parsed.data) : defaults;
      } catch {
        cached = defaults;
      }
      return cached;
    },
    write(settings) {
      mkdirSync(dirname(path), { recursive: true });
      const temp = `${path}.tmp`;
      writeFileSync(temp, JSON.stringify(settings, null, 2) + '\n');
      const fd = openSync(temp, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, path);
      cached = settings;
    },
  };
}

function withoutUnset(settings: z.infer<typeof StoredSettings>): ClerkSettings {
  const { lastExportFolder, ...rest } = settings;
  return lastExportFolder === undefined ? rest : { ...rest, lastExportFolder };
}
