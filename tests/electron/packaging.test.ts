/**
 * The shipped app's packaging, read the way electron-builder itself reads it (its own config
 * loader, schema check and package.json check, from app-builder-lib, the engine that comes with
 * electron-builder): one supported Electron version wherever it is named, and Electron a runtime
 * dependency in the lock file, so `npm audit --omit=dev` sees it, in an arrangement the builder
 * accepts; and every fuse set to the hardened value, as the builder will flip it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { PlatformPackager, type Configuration } from 'app-builder-lib';
import { FuseV1Options } from '@electron/fuses';
import { DebugLogger } from 'builder-util';
import { z } from 'zod';

const PROJECT = resolve(import.meta.dirname, '../..');
/**
 * Electron supports the latest three stable majors. On 2026-12-03 those were 43, 44 and 45 (41 had
 * left support); raise this when the app moves on.
 */
const OLDEST_ACCEPTED_MAJOR = 45;

const PackageJson = z.looseObject({
  dependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
});

const LockEntry = z.looseObject({
  version: z.string(),
  dev: z.boolean().optional(),
  devOptional: z.boolean().optional(),
  optional: z.boolean().optional(),
});
const PackageLock = z.looseObject({ packages: z.record(z.string(), LockEntry) });

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(resolve(PROJECT, name), 'utf8'));
}

const packageJson = PackageJson.parse(readJson('package.json'));
const lock = PackageLock.parse(readJson('package-lock.json'));

/** electron-builder's check of package.json; internal to app-builder-lib, so it has no type declarations. */
const { checkMetadata } = createRequire(import.meta.url)('app-builder-lib/out/util/packageMetadata.js') as {
  checkMetadata(metadata: unknown, devMetadata: unknown, appPackageFile: string, devAppPackageFile: string): void;
};

function builderConfig(): Promise<Configuration> {
  return getConfig(PROJECT, null, null);
}

describe('the Electron version', () => {
  it('is one exact, supported version in package.json, the lock file and the builder config', async () => {
    const declared = packageJson.peerDependencies?.electron;
    const locked = lock.packages['node_modules/electron']?.version;
    const built = (await builderConfig()).electronVersion;
    expect(declared).toMatch(/^\d+\.\d+\.\d+$/);
    expect(locked).toBe(declared);
    expect(built).toBe(declared);
    expect(Number(declared?.split('.')[0])).toBeGreaterThanOrEqual(OLDEST_ACCEPTED_MAJOR);
  });
});

describe('Electron as a dependency', () => {
  it('is not a development dependency, in package.json or in the lock file', () => {
    expect(packageJson.devDependencies).not.toHaveProperty('electron');
    const entry = lock.packages['node_modules/electron'];
    expect(entry).toBeDefined();
    // `npm audit --omit=dev` leaves out entries marked dev; optional ones npm skips silently on a
    // Node older than Electron's engines field asks for (see docs/decisions.md).
    expect(entry?.dev).not.toBe(true);
    expect(entry?.devOptional).not.toBe(true);
    expect(entry?.optional).not.toBe(true);
  });

  it('is declared in a way electron-builder accepts, which "dependencies" is not', async () => {
    const file = resolve(PROJECT, 'package.json');
    expect(() => checkMetadata(packageJson, packageJson, file, file)).not.toThrow();
    const withElectronInDependencies = { ...packageJson, dependencies: { ...packageJson.dependencies, electron: '45.6.0' } };
    expect(() => checkMetadata(withElectronInDependencies, withElectronInDependencies, file, file)).toThrow(
      'Package "electron" is only allowed in "devDependencies"',
    );
    await expect(validateConfiguration(await builderConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000); // the builder compiles its whole JSON schema first: seconds on a busy machine
});

/**
 * Every fuse @electron/fuses knows, with the value the shipped app must have. A fuse added by a
 * newer @electron/fuses has no entry here, and the test below fails until someone decides it.
 */
const HARDENED_FUSES: Readonly<Record<keyof typeof FuseV1Options, boolean>> = {
  RunAsNode: false, // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS / NODE_EXTRA_CA_CERTS ignored
  EnableNodeCliInspectArguments: false, // --inspect and SIGUSR1 cannot attach a debugger
  EnableEmbeddedAsarIntegrityValidation: true, // macOS and Windows check app.asar against its hash
  OnlyLoadAppFromAsar: true, // no app/ folder beside app.asar is ever loaded instead
  LoadBrowserProcessSpecificV8Snapshot: false, // Electron's default
  GrantFileProtocolExtraPrivileges: false, // the page comes from app://, not file://
};

/** The builder's own translation of electronFuses into the fuse wire (private in its types). */
const generateFuseConfig = Reflect.get(PlatformPackager.prototype, 'generateFuseConfig') as (
  fuses: NonNullable<Configuration['electronFuses']>,
) => Promise<Record<string, unknown>>;

function configKey(option: string): string {
  return option.charAt(0).toLowerCase() + option.slice(1);
}

describe('the fuses', () => {
  it('names every fuse in electron-builder.yml with its hardened value', async () => {
    const expected = Object.fromEntries(Object.entries(HARDENED_FUSES).map(([option, value]) => [configKey(option), value]));
    expect((await builderConfig()).electronFuses).toEqual(expected);
  });

  it('turns into a fuse wire that sets every fuse @electron/fuses knows', async () => {
    const fuses = (await builderConfig()).electronFuses;
    if (!fuses) throw new Error('electron-builder.yml has no electronFuses');
    const wire = await generateFuseConfig(fuses);
    const known = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name))) as (keyof typeof FuseV1Options)[];
    expect(known.sort()).toEqual(Object.keys(HARDENED_FUSES).sort());
    for (const option of known) expect({ option, value: wire[FuseV1Options[option]] }).toEqual({ option, value: HARDENED_FUSES[option] });
  });

  it('packs the app into app.asar, which the integrity and only-from-ASAR fuses rely on', async () => {
    expect((await builderConfig()).asar).toBe(true);
  });
});
