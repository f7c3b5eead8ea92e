/**
 * The application menu: an installed copy has nothing that opens the developer tools or reloads
 * the page, on any platform; development keeps both; copy and paste stay everywhere.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate, installApplicationMenu } from '../../main/electron/menu';

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

const PLATFORMS: NodeJS.Platform[] = ['win32', 'darwin', 'linux'];

describe('the application menu', () => {
  it.each(PLATFORMS)('has no developer tools and no reload in the packaged app on %s', (platform) => {
    const found = roles(applicationMenuTemplate({ platform, developerTools: false }));
    expect(found).not.toContain('toggleDevTools');
    expect(found).not.toContain('reload');
    expect(found).not.toContain('forceReload');
    // viewMenu is Electron's ready-made View menu, which brings the developer tools with it.
    expect(found).not.toContain('viewMenu');
    expect(found).toContain('editMenu');
  });

  it('has the developer tools and reload during development', () => {
    const found = roles(applicationMenuTemplate({ platform: 'linux', developerTools: true }));
    expect(found).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']));
  });

  it('has the application menu on macOS only', () => {
    expect(roles(applicationMenuTemplate({ platform: 'darwin', developerTools: false }))).toContain('appMenu');
    expect(roles(applicationMenuTemplate({ platform: 'win32', developerTools: false }))).not.toContain('appMenu');
  });

  it('replaces Electron’s default menu', () => {
    const built = { built: true };
    const factory = { buildFromTemplate: vi.fn(() => built as never), setApplicationMenu: vi.fn() };
    installApplicationMenu(factory, { platform: 'win32', developerTools: false });
    expect(factory.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});
