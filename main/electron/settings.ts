/**
 * Per-computer settings kept by electron-store: the clerk's name, the library folder, the folder
 * minutes were last exported to, and where the window was. Everything read back is parsed with a schema, because the file lives in the
 * user-data folder where a crash, a sync tool or a curious clerk may have left anything in it;
 * a value that does not parse falls back to its default instead of stopping the app.
 */
import ElectronStore from 'electron-store';
import { z } from 'zod';
import type { ClerkSettings } from '../domain/api';
import type { SettingsStore } from '../core/minuteBookCore';

/** The two calls this module needs from electron-store, so tests can hand it a plain map. */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Window bounds as well as clerk settings: the shell restores the window where the clerk left it. */
export interface ShellSettings extends SettingsStore {
  readWindowState(): WindowState | undefined;
  writeWindowState(state: WindowState): void;
}

const DISPLAY_NAME_KEY = 'displayName';
const LIBRARY_PATH_KEY = 'libraryPath';
const LAST_EXPORT_FOLDER_KEY = 'lastExportFolder';
const WINDOW_STATE_KEY = 'windowState';

const StoredText = z.string().trim().min(1).max(4096);

const StoredWindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});

/** Opens the settings file in the user-data folder (`settings.json`). */
export function openSettingsFile(): KeyValueFile {
  // A settings file that is not valid JSON is replaced with an empty one rather than stopping
  // the app at start-up: nothing in it is precious (the meetings live in the library folder).
  const store = new ElectronStore<Record<string, unknown>>({ name: 'settings', clearInvalidConfig: true });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}

export function createShellSettings(file: KeyValueFile, defaults: ClerkSettings): ShellSettings {
  function readText(key: string, fallback: string): string {
    const parsed = StoredText.safeParse(file.get(key));
    return parsed.success ? parsed.data : fallback;
  }

  return {
    read() {
      const settings: ClerkSettings = {
        displayName: readText(DISPLAY_NAME_KEY, defaults.displayName),
        libraryPath: readText(LIBRARY_PATH_KEY, defaults.libraryPath),
      };
      const lastExportFolder = StoredText.safeParse(file.get(LAST_EXPORT_FOLDER_KEY));
      return lastExportFolder.success ? { ...settings, lastExportFolder: lastExportFolder.data } : settings;
    },
    write(settings) {
      file.set(DISPLAY_NAME_KEY, settings.displayName);
      file.set(LIBRARY_PATH_KEY, settings.libraryPath);
      // electron-store refuses undefined; an empty value reads back as "none" (it fails StoredText).
      file.set(LAST_EXPORT_FOLDER_KEY, settings.lastExportFolder ?? '');
    },
    readWindowState() {
      const parsed = StoredWindowState.safeParse(file.get(WINDOW_STATE_KEY));
      return parsed.success ? parsed.data : undefined;
    },
    writeWindowState(state) {
      file.set(WINDOW_STATE_KEY, state);
    },
  };
}
