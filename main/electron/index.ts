/**
 * The Electron main process: one running copy per computer, the core created with this
 * computer's settings and journal, the API bound to IPC, one window, and a quit that first
 * writes every pending change to the library. All meeting logic lives in main/core.
 */
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell as electronShell } from 'electron';
import { IPC_EVENT_CHANNEL, type ApiEvent, type ClerkSettings } from '../domain/api';
import { createMinuteBookCore, type MinuteBookCore } from '../core/minuteBookCore';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { electronDesktop } from './desktop';
import { bindApi, ownPageSenderCheck } from './ipc';
import { installApplicationMenu } from './menu';
import { locateOwnPage, type OwnPage } from './ownPage';
import { createShellSettings, openSettingsFile, type ShellSettings } from './settings';
import { hardenApp, openMainWindow } from './window';

/**
 * How long quitting waits for the library to be written. Every change is already in the local
 * journal, which replays it at next start, so a library on an unreachable network drive must not
 * keep the app from closing.
 */
const QUIT_FLUSH_LIMIT_MS = 10_000;

let mainWindow: BrowserWindow | undefined;
let core: MinuteBookCore | undefined;
let shell: { page: OwnPage; settings: ShellSettings } | undefined;
let quitState: 'running' | 'flushing' | 'flushed' = 'running';

function defaultClerkSettings(): ClerkSettings {
  return { displayName: currentUserName(), libraryPath: join(app.getPath('documents'), 'Minute Book') };
}

function currentUserName(): string {
  try {
    return userInfo().username || 'Clerk';
  } catch {
    // userInfo() throws when the account has no entry in the system's user database.
    return 'Clerk';
  }
}

function showMainWindow(): void {
  if (!shell) return;
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  const window = openMainWindow({
    page: shell.page,
    appPath: app.getAppPath(),
    settings: shell.settings,
    developerTools: !app.isPackaged,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
}

function forwardToWindow(event: ApiEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, event);
}

function start(): void {
  // The dev server address is honoured only in development, never by an installed copy.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const page = locateOwnPage(app.getAppPath(), devServerUrl);
  if (page.kind === 'bundled') protocol.handle(APP_SCHEME, createAppProtocolHandler(page.rendererDir));
  installApplicationMenu(Menu, { platform: process.platform, developerTools: !app.isPackaged });
  const settings = createShellSettings(openSettingsFile(), defaultClerkSettings());
  shell = { page, settings };
  const desktop = electronDesktop({ shell: electronShell, dialog }, () => mainWindow);
  core = createMinuteBookCore({ settings, desktop, journalDir: join(app.getPath('userData'), 'journal') });
  bindApi(ipcMain, core.handlers, ownPageSenderCheck(page));
  core.onEvent(forwardToWindow);
  showMainWindow();
}

async function closeCore(): Promise<void> {
  if (!core) return;
  const running = core;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error('Minute Book stopped waiting for the library; unsaved changes stay in the local journal.');
      resolve();
    }, QUIT_FLUSH_LIMIT_MS);
  });
  try {
    await Promise.race([
      (async () => {
        await running.flushAll();
        await running.close();
      })(),
      limit,
    ]);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`Minute Book could not write everything to the library before quitting: ${detail}`);
  } finally {
    clearTimeout(timer);
  }
}

function reportStartFailure(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Minute Book could not start', detail);
  app.exit(1);
}

app.enableSandbox();
// Privileges can only be given before the app is ready; the handler itself comes in start().
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  // Two copies writing the same journal and library would race each other; the first copy
  // brings its window forward instead (see 'second-instance').
  app.quit();
} else {
  hardenApp(app);
  app.setAppUserModelId('org.minutebook.app');

  app.on('second-instance', () => showMainWindow());

  app.on('before-quit', (event) => {
    if (quitState === 'flushed') return;
    event.preventDefault();
    if (quitState === 'flushing') return;
    quitState = 'flushing';
    void closeCore().finally(() => {
      quitState = 'flushed';
      app.quit();
    });
  });

  app.on('window-all-closed', () => {
    // On macOS an app stays open without windows until the clerk quits it from the menu.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => showMainWindow());

  app.whenReady().then(start).catch(reportStartFailure);
}
