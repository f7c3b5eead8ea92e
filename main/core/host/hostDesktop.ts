/**
 * The desktop as browser mode and the test host see it. Browser mode opens exported minutes with
 * the platform's own opener (xdg-open, open, explorer), always as a program with an argument
 * list and never through a shell, so no file name can run a command. Tests get a recorder that
 * only notes what the core asked for, so they can check that "Open" named exactly the exported file.
 * Neither has a Save dialog: in browser mode the clerk types the path.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import type { Desktop } from '../minuteBookCore';

export interface DesktopCall {
  action: 'openPath' | 'showItemInFolder';
  path: string;
}

/** Notes each request instead of carrying it out. */
export function recordingDesktop(onCall: (call: DesktopCall) => void): Desktop {
  return {
    async openPath(path) {
      onCall({ action: 'openPath', path });
    },
    showItemInFolder(path) {
      onCall({ action: 'showItemInFolder', path });
    },
  };
}

type Platform = NodeJS.Platform;

/** The program and arguments that open a file, or show it in the file manager, on this platform. */
export function platformCommand(action: DesktopCall['action'], path: string, platform: Platform = process.platform): { program: string; args: string[] } {
  if (platform === 'darwin') return { program: 'open', args: action === 'openPath' ? [path] : ['-R', path] };
  if (platform === 'win32') return { program: 'explorer.exe', args: action === 'openPath' ? [path] : [`/select,${path}`] };
  // Freedesktop has no portable "select this file", so the folder is opened.
  return { program: 'xdg-open', args: [action === 'openPath' ? path : dirname(path)] };
}

/** Starts the program without a shell and without waiting for it; rejects if it cannot be started. */
function launch(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { shell: false, detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', (error) => reject(new Error(`${program} could not be started (${error.message})`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

export function platformDesktop(platform: Platform = process.platform): Desktop {
  return {
    openPath(path) {
      const { program, args } = platformCommand('openPath', path, platform);
      return launch(program, args);
    },
    showItemInFolder(path) {
      const { program, args } = platformCommand('showItemInFolder', path, platform);
      launch(program, args).catch((error: unknown) =>
        console.error(`Minute Book could not show ${path}: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
  };
}
