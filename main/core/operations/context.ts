/**
 * What every operations module is built from: the options the core was created with, the library
 * folder chosen now and who this clerk is, the push events, the library index, the open sessions,
 * the export destinations, and the start-up replay of the journal, which operations that read
 * meetings wait for.
 */
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { ApiEvent } from '../../domain/api';
import { ClerkFacingError } from '../clerkFacingError';
import { ExportDestinations } from '../export/destination';
import { hasUsedLibrary, rememberLibrary } from '../journal/journal';
import type { ThisClerkHere } from '../sync/lease';
import { prepareLibrary } from '../library';
import { LibraryIndex } from '../libraryIndex';
import { describeIoError } from '../meetingFile';
import type { CoreOptions } from '../ports';
import { SessionRegistry } from '../sessions';

export interface CoreContext {
  readonly options: CoreOptions;
  now(): Date;
  /** The library folder the clerk has chosen, read each time (Settings can change it). */
  libraryRoot(): string;
  /** This clerk on this computer, as their leases name them. */
  clerkHere(): ThisClerkHere;
  /** "Jane Smith on LAPTOP-12", for the history of a file this computer writes. */
  savedByHere(): string;
  /** The library folder chosen now, there (made on first use), or refused if it has gone away. */
  ensureLibrary(): Promise<string>;
  /** Makes the folder a library and remembers that this computer uses it. */
  adoptLibrary(root: string): Promise<void>;
  emit(event: ApiEvent): void;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** No more pushes to anyone (the core is closed). */
  clearListeners(): void;
  readonly index: LibraryIndex;
  readonly sessions: SessionRegistry;
  readonly exports: ExportDestinations;
  /** The journal's replay at start-up (SessionRegistry.recoverJournals), started when the core is. */
  readonly recovery: Promise<void>;
}

export function createCoreContext(options: CoreOptions): CoreContext {
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent): void => {
    for (const listener of listeners) listener(event);
  };
  const libraryRoot = (): string => options.settings.read().libraryPath;
  const computerName = (): string => options.computerName ?? hostname();
  const clerkHere = (): ThisClerkHere => ({ displayName: options.settings.read().displayName, computerName: computerName() });

  async function adoptLibrary(root: string): Promise<void> {
    await prepareLibrary(root);
    await rememberLibrary(options.journalDir, root).catch(() => undefined);
  }

  /**
   * A folder this computer has used before and that is now missing has gone away (drive
   * unmapped, folder renamed): it is never made again, empty, in its place.
   */
  async function ensureLibrary(): Promise<string> {
    const root = libraryRoot();
    const missing = await stat(root).then(
      () => false,
      (error: { code?: string }) => error.code === 'ENOENT',
    );
    if (missing && (await hasUsedLibrary(options.journalDir, root))) {
      throw new ClerkFacingError(
        `The library folder “${root}” cannot be reached: ${describeIoError({ code: 'ENOENT' })}. Changes kept on this computer wait for it to come back.`,
        'library-unreachable',
      );
    }
    await adoptLibrary(root);
    return root;
  }

  const index = new LibraryIndex(libraryRoot);
  const sessions = new SessionRegistry(options, { libraryRoot, clerkHere }, index, emit);
  return {
    options,
    now: options.now ?? (() => new Date()),
    libraryRoot,
    clerkHere,
    savedByHere: () => `${options.settings.read().displayName.trim() || 'someone'} on ${computerName().trim() || 'another computer'}`,
    ensureLibrary,
    adoptLibrary,
    emit,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearListeners: () => listeners.clear(),
    index,
    sessions,
    exports: new ExportDestinations(options.settings, libraryRoot),
    recovery: sessions.recoverJournals(),
  };
}
