/**
 * The main window and the fences around every web page the app shows: the window's options,
 * where it opens (restored from last time when that place is still on a screen), what it loads,
 * and the refusals — no navigation away, no new windows, no webviews, no permissions, a strict
 * Content Security Policy. The renderer has no Node and no Electron; these fences keep it so.
 */
import { join } from 'node:path';
import { BrowserWindow, screen, type App, type BrowserWindowConstructorOptions, type Rectangle, type Session, type WebContents } from 'electron';
import type { ShellSettings, WindowState } from './settings';
import type { OwnPage } from './ownPage';
import { CONTENT_SECURITY_POLICY } from '../core/contentSecurityPolicy';

export const WINDOW_TITLE = 'Minute Book';
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
const DEFAULT_WIDTH = 1200;
const DEFAULT_HEIGHT = 820;
/** Enough of the window on a screen that the clerk can grab its title bar and drag it back. */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 60;
/** Moving or resizing fires many events; the settings file is written once the window settles. */
const SAVE_BOUNDS_DELAY_MS = 500;

export { CONTENT_SECURITY_POLICY };

/**
 * The policy for the page we load. The built app gets the strict policy. The electron-vite dev
 * server injects an inline script for React fast refresh and talks to the page over a websocket,
 * so during development only, those two are allowed for the dev server's own origin.
 */
export function contentSecurityPolicy(page: OwnPage): string {
  if (page.kind === 'bundled') return CONTENT_SECURITY_POLICY;
  const socket = page.origin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${socket}`);
}

export interface RestoredBounds {
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>;
  maximized: boolean;
}

/**
 * Last time's bounds, if they still fall on a screen. A laptop undocked from its second monitor
 * would otherwise open the window where nobody can see it; then the window opens centred instead.
 */
export function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rectangle[]): RestoredBounds {
  const fallback: RestoredBounds = { bounds: { width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT }, maximized: false };
  if (!saved) return fallback;
  const numbers = [saved.x, saved.y, saved.width, saved.height];
  if (!numbers.every(Number.isFinite)) return fallback;
  const bounds = {
    x: Math.round(saved.x),
    y: Math.round(saved.y),
    width: Math.max(MIN_WIDTH, Math.round(saved.width)),
    height: Math.max(MIN_HEIGHT, Math.round(saved.height)),
  };
  const onSomeScreen = workAreas.some((area) => {
    const visibleWidth = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
    const visibleHeight = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
    return visibleWidth >= MIN_VISIBLE_WIDTH && visibleHeight >= MIN_VISIBLE_HEIGHT;
  });
  return onSomeScreen ? { bounds, maximized: saved.maximized === true } : fallback;
}

/**
 * `developerTools` is true only when the app is not packaged: an installed copy has no developer
 * tools at all, so nobody at the clerk's desk can run script in the page that holds the minutes.
 */
export function mainWindowOptions(preloadPath: string, restored: RestoredBounds, developerTools: boolean): BrowserWindowConstructorOptions {
  return {
    ...restored.bounds,
    title: WINDOW_TITLE,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown once the page has painted, so the clerk never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: preloadPath,
      spellcheck: true,
      devTools: developerTools,
    },
  };
}

/** The preload bundle electron-vite writes next to the main bundle (see electron.vite.config.ts). */
export function preloadPath(appPath: string): string {
  return join(appPath, 'out', 'preload', 'index.cjs');
}

/** No page in this app may ask for camera, microphone, location, notifications or anything else. */
export function hardenSession(session: Session, page: OwnPage): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  const policy = contentSecurityPolicy(page);
  // The header covers every response, including any the renderer's own meta tag might miss.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}

/** Applied to every web contents the app ever creates, so no later window escapes the fences. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Electron 45 passes the target as details.url (the separate url argument is deprecated).
  contents.on('will-navigate', (details) => {
    // A dropped file or a stray link would replace the app with something that is not ours.
    if (details.url !== contents.getURL()) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (details.url !== contents.getURL()) details.preventDefault();
  });
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

export interface MainWindowSetup {
  page: OwnPage;
  appPath: string;
  settings: ShellSettings;
  /** Only in development (the app is not packaged). */
  developerTools: boolean;
}

export function openMainWindow({ page, appPath, settings, developerTools }: MainWindowSetup): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const restored = restoreBounds(settings.readWindowState(), workAreas);
  const window = new BrowserWindow(mainWindowOptions(preloadPath(appPath), restored, developerTools));
  hardenSession(window.webContents.session, page);
  // devTools: false already keeps them shut; should anything open them anyway, close them again.
  if (!developerTools) window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  rememberBounds(window, settings);
  finishSavingBeforeClosing(window);
  if (restored.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void loadOwnPage(window, page);
  return window;
}

/** How long to give the page to hand its last changes to the core before closing again. */
export const CLOSE_RETRY_MS = 700;
/** After this many tries the window closes anyway: the journal already holds what reached the core. */
export const CLOSE_RETRIES = 5;

/**
 * The page holds the window open (beforeunload) while changes typed in the last moment are still
 * on their way to the core. When the clerk closed the window, try again shortly, so the window
 * does close once they have arrived. A reload (not a close) is simply held back, never turned
 * into a close.
 */
export function finishSavingBeforeClosing(window: BrowserWindow): void {
  let closing = false;
  let tries = 0;
  window.on('close', () => {
    closing = true;
  });
  window.webContents.on('will-prevent-unload', (event) => {
    if (!closing) return;
    closing = false;
    tries += 1;
    if (tries > CLOSE_RETRIES) {
      event.preventDefault(); // ignore the page's objection and unload
      return;
    }
    setTimeout(() => {
      if (!window.isDestroyed()) window.close();
    }, CLOSE_RETRY_MS);
  });
}

function rememberBounds(window: BrowserWindow, settings: ShellSettings): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    pending = undefined;
    if (window.isDestroyed()) return;
    // The normal bounds, so a maximised window comes back maximised over the right size.
    const bounds = window.getNormalBounds();
    settings.writeWindowState({ ...bounds, maximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(save, SAVE_BOUNDS_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    if (pending) clearTimeout(pending);
    save();
  });
}

async function loadOwnPage(window: BrowserWindow, page: OwnPage): Promise<void> {
  try {
    await window.loadURL(page.url);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const hint = page.kind === 'bundled' ? ' Build the app first with `npm run build`.' : '';
    console.error(`Minute Book could not load its window from ${page.url}: ${detail}.${hint}`);
  }
}
