/**
 * Per-computer settings: what is read back is checked, and anything damaged falls back to the
 * defaults instead of stopping the app.
 */
import { describe, expect, it, vi } from 'vitest';

const storeOptions = vi.hoisted(() => [] as unknown[]);

vi.mock('electron-store', () => ({
  default: class {
    constructor(options: unknown) {
      storeOptions.push(options);
    }
    get(): unknown {
      return undefined;
    }
    set(): void {}
  },
}));

const { createShellSettings, openSettingsFile } = await import('../../main/electron/settings');

const defaults = { displayName: 'ann', libraryPath: '/home/ann/Documents/Minute Book' };

function fileWith(values: Record<string, unknown>): { get(key: string): unknown; set(key: string, value: unknown): void } {
  const map = new Map(Object.entries(values));
  return { get: (key) => map.get(key), set: (key, value) => void map.set(key, value) };
}

describe('clerk settings', () => {
  it('uses the defaults when nothing is stored', () => {
    expect(createShellSettings(fileWith({}), defaults).read()).toEqual(defaults);
  });

  it('reads back what was written', () => {
    const settings = createShellSettings(fileWith({}), defaults);
    settings.write({ displayName: 'Ann Clerk', libraryPath: 'S:\\Committees\\Minute Book' });
    expect(settings.read()).toEqual({ displayName: 'Ann Clerk', libraryPath: 'S:\\Committees\\Minute Book' });
  });

  it('remembers the folder minutes were last exported to, and forgets it when told', () => {
    const settings = createShellSettings(fileWith({}), defaults);
    settings.write({ ...defaults, lastExportFolder: 'S:\\Committees\\Published minutes' });
    expect(settings.read()).toEqual({ ...defaults, lastExportFolder: 'S:\\Committees\\Published minutes' });
    settings.write(defaults);
    expect(settings.read()).toEqual(defaults);
    expect(createShellSettings(fileWith({ lastExportFolder: 7 }), defaults).read()).toEqual(defaults);
  });

  it('falls back to the defaults for damaged values', () => {
    const settings = createShellSettings(fileWith({ displayName: 42, libraryPath: '   ' }), defaults);
    expect(settings.read()).toEqual(defaults);
  });

  it('opens a settings file that replaces itself when it is not valid JSON', () => {
    openSettingsFile();
    expect(storeOptions.at(-1)).toMatchObject({ clearInvalidConfig: true });
  });
});

describe('window state', () => {
  it('reads back a saved window state', () => {
    const settings = createShellSettings(fileWith({}), defaults);
    settings.writeWindowState({ x: 1, y: 2, width: 900, height: 700, maximized: true });
    expect(settings.readWindowState()).toEqual({ x: 1, y: 2, width: 900, height: 700, maximized: true });
  });

  it.each([
    ['text instead of numbers', { x: '1', y: 2, width: 900, height: 700 }],
    ['a missing size', { x: 1, y: 2 }],
    ['a negative width', { x: 1, y: 2, width: -5, height: 700 }],
    ['not an object', 'maximised'],
  ])('ignores %s', (_label, stored) => {
    const settings = createShellSettings(fileWith({ windowState: stored }), defaults);
    expect(settings.readWindowState()).toBeUndefined();
  });
});
