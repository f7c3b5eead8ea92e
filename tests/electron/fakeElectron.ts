/**
 * A stand-in for the `electron` module, so the shell's wiring can be checked under plain Node
 * where no Electron program can run. Each test file mocks `electron` with `fakeElectron` and
 * calls `resetFakeElectron()` before each test; the objects keep their identity across resets
 * because the mocked module is created once per file.
 */
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** Records listeners the way Node's EventEmitter does, and lets a test fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    return this.on(name, listener);
  }

  removeListener(name: string, listener: Listener): this {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }

  fire(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((listener) => (listener as (...values: unknown[]) => unknown)(...args));
  }

  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

/** Electron 45's navigation event: the target is details.url. */
export function fakeNavigation(url: string): ReturnType<typeof fakeEvent> & { url: string; isMainFrame: boolean } {
  return { ...fakeEvent(), url, isMainFrame: true };
}

/** An Electron-style event whose preventDefault a test can inspect. */
export function fakeEvent(): { preventDefault: ReturnType<typeof vi.fn>; defaultPrevented: () => boolean } {
  const preventDefault = vi.fn();
  return { preventDefault, defaultPrevented: () => preventDefault.mock.calls.length > 0 };
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  headersListener: HeadersListener | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends FakeEmitter {
  url = '';
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();
  readonly closeDevTools = vi.fn();

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.url;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadFile = vi.fn(async (_path: string) => undefined);
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  minimized = false;
  maximized = false;
  destroyed = false;
  normalBounds = { x: 10, y: 20, width: 1000, height: 700 };

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.normalBounds;
  }
}

type InvokeListener = (event: unknown, raw: unknown) => Promise<unknown>;

export const state = {
  singleInstanceLock: true,
  appPath: '/fake/app',
  isPackaged: false,
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }],
};

class FakeApp extends FakeEmitter {
  readonly requestSingleInstanceLock = vi.fn(() => state.singleInstanceLock);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly enableSandbox = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getPath = vi.fn((name: string) => `/fake/${name}`);
  readonly getAppPath = vi.fn(() => state.appPath);
  readonly getVersion = vi.fn(() => '0.0.0-test');

  get isPackaged(): boolean {
    return state.isPackaged;
  }
}

class FakeIpcMain extends FakeEmitter {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

class FakeIpcRenderer extends FakeEmitter {
  readonly invoke = vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, value: null }));
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}

type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly registerSchemesAsPrivileged = vi.fn((schemes: unknown[]) => {
    this.privileged.push(...schemes);
  });
  readonly handle = vi.fn((scheme: string, handler: ProtocolHandler) => {
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  });
}

const exposed = new Map<string, unknown>();

/** Menu.buildFromTemplate keeps the template, so a test can read what the clerk would see. */
const fakeMenu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((_menu: unknown) => undefined),
};

export const fakeElectron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  ipcMain: new FakeIpcMain(),
  ipcRenderer: new FakeIpcRenderer(),
  protocol: new FakeProtocol(),
  Menu: fakeMenu,
  screen: { getAllDisplays: () => state.workAreas.map((workArea) => ({ workArea, bounds: workArea })) },
  dialog: {
    showErrorBox: vi.fn(),
    /** Answers as the clerk cancelling, unless a test says otherwise. */
    showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: true, filePath: '' })),
  },
  shell: {
    /** Electron answers '' when the file was handed to its program, else the reason. */
    openPath: vi.fn(async (_path: string): Promise<string> => ''),
    showItemInFolder: vi.fn((_path: string) => undefined),
  },
  contextBridge: {
    exposed,
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed.set(key, api);
    }),
  },
};

/** The module shape `vi.mock('electron', …)` must return: named exports plus a default. */
export const electronModule = { ...fakeElectron, default: fakeElectron };

export function resetFakeElectron(): void {
  state.singleInstanceLock = true;
  state.appPath = '/fake/app';
  state.isPackaged = false;
  state.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  FakeBrowserWindow.instances = [];
  exposed.clear();
  for (const emitter of [fakeElectron.app, fakeElectron.ipcMain, fakeElectron.ipcRenderer]) emitter.listeners.clear();
  fakeElectron.ipcMain.handlers.clear();
  fakeElectron.protocol.handlers.clear();
  fakeElectron.protocol.privileged.length = 0;
  vi.clearAllMocks();
}
