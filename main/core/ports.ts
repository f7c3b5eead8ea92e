/**
 * What the core is given and what it gives back: the settings store, the desktop and the options
 * it is created with (its ports), and the core as the Electron shell, the test host, the command
 * line and the tests see it. Types only; the core itself is built in minuteBookCore.ts.
 */
import type { ApiEvent, ApiHandlers, ClerkSettings, OperationName } from '../domain/api';
import type { HistoryPolicy } from './history/history';

/** Per-computer settings: electron-store in the app, a JSON file in browser mode and tests. */
export interface SettingsStore {
  read(): ClerkSettings;
  write(settings: ClerkSettings): void;
}

/**
 * What the core asks of the desktop it runs on: open a file in its program (Word), show it in the
 * file manager, and, where there is one, the system's Save dialog. Electron provides it with
 * shell and dialog; browser mode with the platform's opener; tests with a recorder.
 */
export interface Desktop {
  /** Opens the file in the program the computer uses for it; rejects with the reason if it cannot. */
  openPath(path: string): Promise<void>;
  showItemInFolder(path: string): void;
  /** The system's Save dialog, starting at defaultPath; undefined when the clerk cancels. */
  chooseSaveFile?(defaultPath: string): Promise<string | undefined>;
}

export interface CoreOptions {
  settings: SettingsStore;
  /** Without a desktop (the command line), exported files cannot be opened from the core. */
  desktop?: Desktop;
  /** The local journal folder on this computer (never in the shared library). */
  journalDir: string;
  /** How long after the last change the library file is written; default 300 ms. */
  saveDelayMs?: number;
  now?: () => Date;
  /** This computer's name in presence and history; default os.hostname(). */
  computerName?: string;
  /** How often an open meeting's file is checked for others' changes; default 1000 ms (seen within 3 s). */
  pollMs?: number;
  /** How often others' presence is read; default 3000 ms. */
  presencePollMs?: number;
  /** How often conflict copies beside an open meeting are looked for; default 3000 ms. */
  copyScanMs?: number;
  /** How often this computer renews its presence lease; default 30 s. */
  heartbeatMs?: number;
  /** A lease not renewed for this long is stale and taken over; default 3 minutes. */
  staleAfterMs?: number;
  /** How long a failed save waits before trying again; default 2000 ms. */
  retryDelayMs?: number;
  /** A fully flushed journal past this many bytes (or eight times its meeting file) shrinks to nothing pending; default 1 MiB. */
  journalShrinkBytes?: number;
  /** How earlier versions are kept; default docs/sync.md "History". */
  history?: HistoryPolicy;
}

export interface MinuteBookCore {
  handlers: ApiHandlers;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Writes every pending change to the library (used on quit). */
  flushAll(): Promise<void>;
  close(): Promise<void>;
}

/** The handlers of one namespace of the contract ("meetings", "files", …): what one operations module provides. */
export type HandlersOf<Namespace extends string> = Pick<ApiHandlers, Extract<OperationName, `${Namespace}.${string}`>>;
