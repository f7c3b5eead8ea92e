/**
 * The core: the one entry point the Electron shell, the test host, the command line's callers, the
 * tests and the benchmarks create it through. It only composes: the shared context (the library
 * index, the open sessions, the export destinations, the start-up replay of the journal) and one
 * module of operations per namespace of the contract (operations/). It knows nothing of Electron
 * or HTTP; the shell and the test host reach it through dispatchOperation, and it reaches the
 * desktop only through the `desktop` it is given (ports.ts).
 */
import type { ApiHandlers } from '../domain/api';
import { createCoreContext } from './operations/context';
import { committeesOperations } from './operations/committees';
import { filesOperations } from './operations/files';
import { libraryOperations } from './operations/library';
import { meetingsOperations } from './operations/meetings';
import { settingsOperations } from './operations/settings';
import type { CoreOptions, MinuteBookCore } from './ports';

export type { CoreOptions, Desktop, MinuteBookCore, SettingsStore } from './ports';

export function createMinuteBookCore(options: CoreOptions): MinuteBookCore {
  const core = createCoreContext(options);
  const handlers: ApiHandlers = {
    ...settingsOperations(core),
    ...meetingsOperations(core),
    ...committeesOperations(core),
    ...libraryOperations(core),
    ...filesOperations(core),
  };
  return {
    handlers,
    onEvent: (listener) => core.onEvent(listener),
    async flushAll() {
      await core.recovery;
      await core.sessions.flushAll();
    },
    async close() {
      await core.recovery;
      await core.sessions.closeAll();
      core.clearListeners();
    },
  };
}
