/**
 * The desktop the Electron shell gives the core: exported minutes open in their program through
 * shell.openPath (a path, never a URL), show in the file manager, and the Save dialog asks for a
 * Word file, attached to the Minute Book window.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { electronDesktop, WORD_FILE_FILTERS } from '../../main/electron/desktop';
import { fakeElectron, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const FILE = '/home/jane/Minutes/2026-11-10 Panel minutes (public).docx';
let window: { isDestroyed: () => boolean } | undefined;
const desktop = () => electronDesktop(fakeElectron as never, () => window as BrowserWindow | undefined);

beforeEach(() => {
  resetFakeElectron();
  window = { isDestroyed: () => false };
});

describe('the desktop from Electron', () => {
  it('opens a file with shell.openPath and reports Electron’s reason when it cannot', async () => {
    await desktop().openPath(FILE);
    expect(fakeElectron.shell.openPath).toHaveBeenCalledWith(FILE);
    fakeElectron.shell.openPath.mockResolvedValueOnce('Failed to open path');
    await expect(desktop().openPath(FILE)).rejects.toThrow('Failed to open path');
  });

  it('shows the file in the file manager', () => {
    desktop().showItemInFolder(FILE);
    expect(fakeElectron.shell.showItemInFolder).toHaveBeenCalledWith(FILE);
  });

  it('asks for a Word file in a Save dialog attached to the window, starting at the suggested file', async () => {
    fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/jane/Minutes/Chosen.docx' });
    expect(await desktop().chooseSaveFile?.(FILE)).toBe('/home/jane/Minutes/Chosen.docx');
    const [parent, options] = fakeElectron.dialog.showSaveDialog.mock.calls[0] as [unknown, { defaultPath: string; filters: unknown }];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(FILE);
    expect(options.filters).toEqual(WORD_FILE_FILTERS);
    expect(WORD_FILE_FILTERS).toEqual([{ name: 'Word document', extensions: ['docx'] }]);
  });

  it('answers nothing when the clerk cancels, and still asks when the window has gone', async () => {
    expect(await desktop().chooseSaveFile?.(FILE)).toBeUndefined();
    window = undefined;
    fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/tmp/x.docx' });
    expect(await desktop().chooseSaveFile?.(FILE)).toBe('/tmp/x.docx');
    expect(fakeElectron.dialog.showSaveDialog.mock.calls.at(-1)?.[0]).toMatchObject({ defaultPath: FILE });
  });
});
