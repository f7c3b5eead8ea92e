/**
 * The main window's options and fences: isolation and sandbox on, Node off, our preload, our
 * page loaded; navigation, new windows, webviews and permissions refused; the CSP header set;
 * bounds restored only when they are still on a screen, and saved when the window moves or closes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { FakeBrowserWindow, FakeWebContents, fakeElectron, fakeEvent, fakeNavigation, resetFakeElectron, state } from './fakeElectron';
import type { ShellSettings, WindowState } from '../../main/electron/settings';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { CONTENT_SECURITY_POLICY, hardenApp, hardenSession, mainWindowOptions, openMainWindow, restoreBounds, MIN_HEIGHT, MIN_WIDTH } =
  await import('../../main/electron/window');
const { locateOwnPage } = await import('../../main/electron/ownPage');

const bundledPage = locateOwnPage('/fake/app', undefined);

function memorySettings(windowState?: WindowState): ShellSettings & { saved: WindowState[] } {
  const saved: WindowState[] = [];
  return {
    saved,
    read: () => ({ displayName: 'Ann', libraryPath: '/library' }),
    write: () => undefined,
    readWindowState: () => windowState,
    writeWindowState: (state) => {
      saved.push(state);
    },
  };
}

function onlyWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  const window = FakeBrowserWindow.instances[0];
  if (!window) throw new Error('no window was created');
  return window;
}

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

describe('main window options', () => {
  const options: BrowserWindowConstructorOptions = mainWindowOptions(
    '/fake/app/out/preload/index.cjs',
    { bounds: { width: 1200, height: 800 }, maximized: false },
    false,
  );

  it('isolates the page from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      preload: '/fake/app/out/preload/index.cjs',
    });
  });

  it('has no developer tools in the packaged app, and has them during development', () => {
    expect(options.webPreferences?.devTools).toBe(false);
    const development = mainWindowOptions('/p.cjs', { bounds: { width: 1200, height: 800 }, maximized: false }, true);
    expect(development.webPreferences?.devTools).toBe(true);
  });

  it('is titled and has a minimum size', () => {
    expect(options.title).toBe('Minute Book');
    expect(options.minWidth).toBe(MIN_WIDTH);
    expect(options.minHeight).toBe(MIN_HEIGHT);
  });
});

describe('openMainWindow', () => {
  it('uses the preload bundle electron-vite builds and loads the built page from the app’s own scheme, never file://', () => {
    openMainWindow({ page: bundledPage, appPath: '/fake/app', settings: memorySettings(), developerTools: false });
    const window = onlyWindow();
    expect(window.options).toMatchObject({
      webPreferences: { preload: '/fake/app/out/preload/index.cjs', sandbox: true, contextIsolation: true },
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://minutebook/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('loads the dev server during development', () => {
    openMainWindow({ page: locateOwnPage('/fake/app', 'http://localhost:5173/'), appPath: '/fake/app', settings: memorySettings(), developerTools: false });
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('restores saved bounds that are on a screen', () => {
    openMainWindow({
      page: bundledPage,
      appPath: '/fake/app',
      settings: memorySettings({ x: 100, y: 80, width: 1000, height: 700, maximized: true }),
      developerTools: false,
    });
    const window = onlyWindow();
    expect(window.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 });
    expect(window.maximize).toHaveBeenCalled();
  });

  it('opens centred when the saved place is on a screen that is no longer attached', () => {
    state.workAreas = [{ x: 0, y: 0, width: 1366, height: 728 }];
    openMainWindow({
      page: bundledPage,
      appPath: '/fake/app',
      settings: memorySettings({ x: 2000, y: 100, width: 1000, height: 700, maximized: false }),
      developerTools: false,
    });
    const window = onlyWindow();
    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('y');
  });

  it('saves its bounds once it settles after moving, and again on close', () => {
    vi.useFakeTimers();
    const settings = memorySettings();
    openMainWindow({ page: bundledPage, appPath: '/fake/app', settings, developerTools: false });
    const window = onlyWindow();
    window.fire('move');
    window.fire('resize');
    window.fire('move');
    expect(settings.saved).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(settings.saved).toEqual([{ x: 10, y: 20, width: 1000, height: 700, maximized: false }]);
    window.normalBounds = { x: 50, y: 60, width: 900, height: 650 };
    window.maximized = true;
    window.fire('close');
    expect(settings.saved.at(-1)).toEqual({ x: 50, y: 60, width: 900, height: 650, maximized: true });
  });

  it('closes developer tools again if anything opens them in the packaged app', () => {
    openMainWindow({ page: bundledPage, appPath: '/fake/app', settings: memorySettings(), developerTools: false });
    const contents = onlyWindow().webContents;
    contents.fire('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
  });

  it('leaves developer tools alone during development', () => {
    openMainWindow({ page: bundledPage, appPath: '/fake/app', settings: memorySettings(), developerTools: true });
    const contents = onlyWindow().webContents;
    expect(onlyWindow().options).toMatchObject({ webPreferences: { devTools: true } });
    contents.fire('devtools-opened');
    expect(contents.closeDevTools).not.toHaveBeenCalled();
  });

  it('fences the session of the window before the page loads', () => {
    openMainWindow({ page: bundledPage, appPath: '/fake/app', settings: memorySettings(), developerTools: false });
    const session = onlyWindow().webContents.session;
    expect(session.permissionRequestHandler).toBeDefined();
    expect(session.headersListener).toBeDefined();
  });
});

describe('restoreBounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('refuses bounds that are not numbers', () => {
    const restored = restoreBounds({ x: Number.NaN, y: 0, width: 800, height: 600, maximized: false }, screens);
    expect(restored.bounds).not.toHaveProperty('x');
  });

  it('refuses a window with only a sliver left on screen', () => {
    const restored = restoreBounds({ x: 1900, y: 1030, width: 1000, height: 700, maximized: false }, screens);
    expect(restored.bounds).not.toHaveProperty('x');
  });

  it('accepts a window on a second screen to the left', () => {
    const restored = restoreBounds({ x: -1500, y: 100, width: 1000, height: 700, maximized: false }, [
      ...screens,
      { x: -1920, y: 0, width: 1920, height: 1040 },
    ]);
    expect(restored.bounds).toEqual({ x: -1500, y: 100, width: 1000, height: 700 });
  });

  it('never restores smaller than the minimum size', () => {
    const restored = restoreBounds({ x: 10, y: 10, width: 200, height: 100, maximized: false }, screens);
    expect(restored.bounds).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });
});

describe('fences on every web contents', () => {
  function createdContents(): FakeWebContents {
    hardenApp(fakeElectron.app as unknown as Electron.App);
    const contents = new FakeWebContents();
    contents.url = bundledPage.url;
    fakeElectron.app.fire('web-contents-created', fakeEvent(), contents);
    return contents;
  }

  // Electron 45 passes the target in the event's details; the separate url argument is deprecated,
  // so these events carry only details.url.
  it.each([
    ['a web page', 'https://example.org/'],
    ['a file on this computer', 'file:///etc/passwd'],
    ['another host on our scheme', 'app://elsewhere/index.html'],
    ['another document of ours', 'app://minutebook/assets/index.js'],
  ])('refuses navigation away from the page to %s', (_label, url) => {
    const contents = createdContents();
    const away = fakeNavigation(url);
    contents.fire('will-navigate', away);
    expect(away.defaultPrevented()).toBe(true);
  });

  it('refuses a redirect away from the page', () => {
    const contents = createdContents();
    const redirect = fakeNavigation('https://example.org/');
    contents.fire('will-redirect', redirect);
    expect(redirect.defaultPrevented()).toBe(true);
  });

  it('lets the page reload itself', () => {
    const contents = createdContents();
    const same = fakeNavigation(bundledPage.url);
    contents.fire('will-navigate', same);
    expect(same.defaultPrevented()).toBe(false);
  });

  it('refuses window.open', () => {
    const contents = createdContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = createdContents();
    const attach = fakeEvent();
    contents.fire('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented()).toBe(true);
  });
});

describe('hardenSession', () => {
  function hardened(page = bundledPage): FakeWebContents['session'] {
    const contents = new FakeWebContents();
    hardenSession(contents.session as unknown as Electron.Session, page);
    return contents.session;
  }

  it('refuses every permission request and check', () => {
    const session = hardened();
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequestHandler?.({}, permission, callback);
    }
    expect(callback).toHaveBeenCalledTimes(5);
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(session.permissionCheckHandler?.({}, 'media', 'app://minutebook', {})).toBe(false);
  });

  it('adds the strict Content-Security-Policy header and keeps the others', () => {
    const session = hardened();
    const callback = vi.fn();
    session.headersListener?.({ url: bundledPage.url, responseHeaders: { 'X-Other': ['kept'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['kept'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('closing while the last changes are on their way', () => {
  it('tries the close again shortly when the page holds it open, and gives up holding after a few tries', async () => {
    vi.useFakeTimers();
    try {
      const { finishSavingBeforeClosing, CLOSE_RETRY_MS, CLOSE_RETRIES } = await import('../../main/electron/window');
      const window = new FakeBrowserWindow({});
      const close = vi.fn();
      Object.assign(window, { close });
      finishSavingBeforeClosing(window as unknown as Parameters<typeof finishSavingBeforeClosing>[0]);
      for (let attempt = 1; attempt <= CLOSE_RETRIES; attempt += 1) {
        window.fire('close');
        const event = { preventDefault: vi.fn() };
        window.webContents.fire('will-prevent-unload', event);
        expect(event.preventDefault).not.toHaveBeenCalled();
        vi.advanceTimersByTime(CLOSE_RETRY_MS);
        expect(close).toHaveBeenCalledTimes(attempt);
      }
      window.fire('close');
      const last = { preventDefault: vi.fn() };
      window.webContents.fire('will-prevent-unload', last);
      expect(last.preventDefault).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('never turns a held-back reload into a close', async () => {
    vi.useFakeTimers();
    try {
      const { finishSavingBeforeClosing, CLOSE_RETRY_MS } = await import('../../main/electron/window');
      const window = new FakeBrowserWindow({});
      const close = vi.fn();
      Object.assign(window, { close });
      finishSavingBeforeClosing(window as unknown as Parameters<typeof finishSavingBeforeClosing>[0]);
      window.webContents.fire('will-prevent-unload', { preventDefault: vi.fn() });
      vi.advanceTimersByTime(CLOSE_RETRY_MS * 2);
      expect(close).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
