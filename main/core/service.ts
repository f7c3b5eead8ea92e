/**
 * The core as the Electron shell and the test host see it: every operation of the contract,
 * the push events, and a clean shutdown that writes everything pending to the library.
 */
import type { ApiEvent, ApiHandlers, ClerkSettings } from '../domain/api';

/** Per-computer settings: electron-store in the app, a JSON file in browser mode and tests. */
export interface SettingsStore {
  read(): ClerkSettings;
  write(settings: ClerkSettings): void;
}

export interface CoreOptions {
  settings: SettingsStore;
  /** The local journal folder on this computer (never in the shared library). */
  journalDir: string;
  /** How long after the last change the library file is written; default 300 ms. */
  saveDelayMs?: number;
  now?: () => Date;
}

export interface MinuteBookCore {
  handlers: ApiHandlers;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Writes every pending change to the library (used on quit). */
  flushAll(): Promise<void>;
  close(): Promise<void>;
}

export { createMinuteBookCore } from './minuteBookCore';
