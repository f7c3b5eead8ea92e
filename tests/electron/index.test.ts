/**
 * The app's lifecycle: one running copy, the core created with this computer's paths and
 * defaults, every operation bound, the core's pushes forwarded to the window, and a quit that
 * waits for the library to be written.
 */
import { userInfo } from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames, type ApiEvent } from '../../main/domain/api';
import type { CoreOptions } from '../../main/core/minuteBookCore';
import { fakeEvent } from './fakeElectron';

const core = vi.hoisted(() => ({
  options: [] as unknown[],
  listeners: [] as ((event: unknown) => void)[],
  order: [] as string[],
}));

vi.mock('electron-store', () => ({
  default: class {
    readonly values = new Map<string, unknown>();
    get(key: string): unknown {
      return this.values.get(key);
    }
    set(key: string, value: unknown): void {
      this.values.set(key, value);
    }
  },
}));

vi.mock('../../main/core/minuteBookCore', () => ({
  createMinuteBookCore: vi.fn((options: unknown) => {
    core.options.push(options);
    return {
      handlers: Object.fromEntries(operationNames.map((name) => [name, vi.fn(async () => name)])),
      onEvent: (listener: (event: unknown) => void) => {
        core.listeners.push(listener);
        return () => undefined;
      },
      flushAll: vi.fn(async () => {
        core.order.push('flushAll');
      }),
      close: vi.fn(async () => {
        core.order.push('close');
      }),
    };
  }),
}));

type FakeElectronModule = typeof import('./fakeElectron');

/**
 * Loads main/electron/index.ts afresh, as a new process would, and lets app.whenReady() settle.
 * Each launch gets a fresh fake `electron` (returned), mocked with doMock so that the copy the
 * test holds is the copy the app sees.
 */
async function launch(prepare: (fake: FakeElectronModule) => void = () => undefined): Promise<FakeElectronModule> {
  vi.resetModules();
  const fake = await import('./fakeElectron');
  vi.doMock('electron', () => fake.electronModule);
  fake.resetFakeElectron();
  prepare(fake);
  await import('../../main/electron/index');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return fake;
}

function onlyWindow(fake: FakeElectronModule): InstanceType<FakeElectronModule['FakeBrowserWindow']> {
  expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
  const window = fake.FakeBrowserWindow.instances[0];
  if (!window) throw new Error('no window was created');
  return window;
}

function lastCoreOptions(): CoreOptions {
  const options = core.options.at(-1);
  if (!options) throw new Error('the core was not created');
  return options as CoreOptions;
}

beforeEach(() => {
  core.options.length = 0;
  core.listeners.length = 0;
  core.order.length = 0;
});

describe('single instance', () => {
  it('asks for the single-instance lock and quits when another copy holds it', async () => {
    const { fakeElectron, FakeBrowserWindow } = await launch(({ state }) => {
      state.singleInstanceLock = false;
    });
    expect(fakeElectron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    expect(fakeElectron.app.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(core.options).toHaveLength(0);
  });

  it('brings the existing window forward when a second copy starts', async () => {
    const fake = await launch();
    const window = onlyWindow(fake);
    window.minimized = true;
    fake.fakeElectron.app.fire('second-instance', fakeEvent(), [], '/');
    expect(fake.FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('start-up', () => {
  it('runs every renderer in the sandbox', async () => {
    const { fakeElectron } = await launch();
    expect(fakeElectron.app.enableSandbox).toHaveBeenCalled();
  });

  it('creates the core with the local journal and sensible defaults', async () => {
    await launch();
    const options = lastCoreOptions();
    expect(options.journalDir).toBe('/fake/userData/journal');
    expect(options.settings.read()).toEqual({
      displayName: userInfo().username,
      libraryPath: '/fake/documents/Minute Book',
    });
  });

  it('binds every operation and opens one window on the built page, served from app://minutebook', async () => {
    const fake = await launch();
    expect([...fake.fakeElectron.ipcMain.handlers.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort());
    expect(onlyWindow(fake).loadURL).toHaveBeenCalledWith('app://minutebook/index.html');
    expect(onlyWindow(fake).loadFile).not.toHaveBeenCalled();
  });

  it('gives the app’s scheme its privileges before the app is ready, and serves it once it is', async () => {
    const fake = await launch(({ fakeElectron }) => {
      fakeElectron.app.whenReady.mockImplementationOnce(() => {
        // Electron throws if privileges are given after ready; here they must already be there.
        expect(fakeElectron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
        return Promise.resolve();
      });
    });
    expect(fake.fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fake.fakeElectron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const serve = fake.fakeElectron.protocol.handlers.get('app');
    const refused = await serve?.({ url: 'app://minutebook/../../../etc/passwd', method: 'GET' });
    expect(refused?.status).toBe(404);
  });

  it('ignores a dev server address in an installed copy', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    try {
      const fake = await launch(({ state }) => {
        state.isPackaged = true;
      });
      expect(onlyWindow(fake).loadURL).toHaveBeenCalledWith('app://minutebook/index.html');
      expect(onlyWindow(fake).loadURL).not.toHaveBeenCalledWith('http://localhost:5173/');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('has no developer tools in an installed copy: not in the window, not in the menu', async () => {
    const fake = await launch(({ state }) => {
      state.isPackaged = true;
    });
    expect(onlyWindow(fake).options).toMatchObject({ webPreferences: { devTools: false } });
    const menu = fake.fakeElectron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0];
    expect(JSON.stringify(menu)).toContain('editMenu');
    expect(JSON.stringify(menu)).not.toContain('toggleDevTools');
  });

  it('keeps the developer tools during development', async () => {
    const fake = await launch();
    expect(onlyWindow(fake).options).toMatchObject({ webPreferences: { devTools: true } });
    expect(JSON.stringify(fake.fakeElectron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0])).toContain('toggleDevTools');
  });

  it('forwards the core’s pushes to the window', async () => {
    const fake = await launch();
    const push: ApiEvent = { type: 'saveState', saveState: { meetingId: 'm-1', state: 'saved', pendingChanges: 0 } };
    for (const listener of core.listeners) listener(push);
    expect(onlyWindow(fake).webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, push);
  });

  it('gives the core the desktop: Word opens exported files, and the Save dialog belongs to the window', async () => {
    const fake = await launch();
    const desktop = lastCoreOptions().desktop;
    if (!desktop?.chooseSaveFile) throw new Error('the core was given no desktop with a Save dialog');
    await desktop.openPath('/home/jane/Minutes/Panel.docx');
    expect(fake.fakeElectron.shell.openPath).toHaveBeenCalledWith('/home/jane/Minutes/Panel.docx');
    fake.fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/jane/Minutes/Chosen.docx' });
    expect(await desktop.chooseSaveFile('/home/jane/Minutes/Panel.docx')).toBe('/home/jane/Minutes/Chosen.docx');
    expect(fake.fakeElectron.dialog.showSaveDialog.mock.calls[0]?.[0]).toBe(onlyWindow(fake));
  });

  it('lets our window call the core through the binding', async () => {
    const { fakeElectron } = await launch();
    const listener = fakeElectron.ipcMain.handlers.get(ipcChannel('settings.get'));
    const ownFrame = { url: 'app://minutebook/index.html', parent: null };
    const reply = await listener?.({ senderFrame: ownFrame, sender: { mainFrame: ownFrame } }, {});
    expect(reply).toEqual({ ok: true, value: 'settings.get' });
  });
});

describe('quitting', () => {
  it('writes everything to the library and closes the core before the app quits', async () => {
    const { fakeElectron } = await launch();
    const first = fakeEvent();
    fakeElectron.app.fire('before-quit', first);
    expect(first.defaultPrevented()).toBe(true);
    expect(fakeElectron.app.quit).not.toHaveBeenCalled();

    const impatient = fakeEvent();
    fakeElectron.app.fire('before-quit', impatient);
    expect(impatient.defaultPrevented()).toBe(true);

    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalledTimes(1));
    expect(core.order).toEqual(['flushAll', 'close']);

    const final = fakeEvent();
    fakeElectron.app.fire('before-quit', final);
    expect(final.defaultPrevented()).toBe(false);
  });
});
