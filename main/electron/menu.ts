/**
 * The application menu. Electron's default menu has View → Toggle Developer Tools
 * (Ctrl+Shift+I) and Reload (Ctrl+R); an installed copy gets a menu built from roles without them,
 * so neither a menu item nor its shortcut can open the developer tools or reload the page under
 * the clerk. During development both stay. The Edit menu stays everywhere: on macOS copy and
 * paste work only through it.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';

export interface MenuChoices {
  platform: NodeJS.Platform;
  developerTools: boolean;
}

export function applicationMenuTemplate({ platform, developerTools }: MenuChoices): MenuItemConstructorOptions[] {
  const developerItems: MenuItemConstructorOptions[] = developerTools
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [...developerItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}

/** The parts of Electron's Menu this module uses, so tests can hand it a fake. */
export interface MenuFactory {
  buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  setApplicationMenu(menu: Menu | null): void;
}

export function installApplicationMenu(menu: MenuFactory, choices: MenuChoices): void {
  menu.setApplicationMenu(menu.buildFromTemplate(applicationMenuTemplate(choices)));
}
