/**
 * The desktop for the core, from Electron: open an exported file in Word (shell.openPath, never
 * openExternal with a URL), show it in the file manager, and the system's Save dialog for
 * choosing where the minutes go, attached to the Minute Book window.
 */
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { Desktop } from '../core/minuteBookCore';

/** The parts of Electron's shell and dialog this module uses, so tests can hand it fakes. */
export interface ElectronDesktopParts {
  shell: {
    openPath(path: string): Promise<string>;
    showItemInFolder(path: string): void;
  };
  dialog: {
    showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
    showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  };
}

export const WORD_FILE_FILTERS = [{ name: 'Word document', extensions: ['docx'] }];

export function electronDesktop(electron: ElectronDesktopParts, currentWindow: () => BrowserWindow | undefined): Desktop {
  return {
    async openPath(path) {
      // Electron answers with an error message, or '' once the file is handed to its program.
      const problem = await electron.shell.openPath(path);
      if (problem) throw new Error(problem);
    },
    showItemInFolder(path) {
      electron.shell.showItemInFolder(path);
    },
    async chooseSaveFile(defaultPath) {
      const options: SaveDialogOptions = {
        title: 'Save the minutes as',
        defaultPath,
        buttonLabel: 'Save',
        filters: WORD_FILE_FILTERS,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = currentWindow();
      const answer = window && !window.isDestroyed() ? await electron.dialog.showSaveDialog(window, options) : await electron.dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? undefined : answer.filePath;
    },
  };
}
