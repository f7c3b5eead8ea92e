/**
 * The layer rule cannot be dodged: eslint, with the project's own eslint.config.js, reports every
 * illegal-import probe under tests/lint/fixtures (each folder there is linted as the layer of the same
 * name) with the rule that should catch it, and passes the legal ones clean.
 */
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'lint', 'fixtures');

const PATHS = 'import-x/no-restricted-paths';
const NODE = 'import-x/no-nodejs-modules';
const LOADING = 'no-restricted-syntax';
const GLOBAL = 'no-restricted-globals';
const PROPERTY = 'no-restricted-properties';
const CYCLE = 'import-x/no-cycle';

/** Each probe: the fixture (under tests/lint/fixtures) and the rule that must report it. */
const PROBES: Record<string, string> = {
  // The pure model: no other layer, no Node, no DOM, no I/O, in any form.
  'main/domain/importCore.ts': PATHS,
  'main/domain/importRenderer.ts': PATHS,
  'main/domain/importMainElectron.ts': PATHS,
  'main/domain/importElectron.ts': PATHS,
  'main/domain/importReact.ts': PATHS,
  'main/domain/importDocx.ts': PATHS,
  'main/domain/dynamicImportCore.ts': PATHS,
  'main/domain/importNodeFs.ts': NODE,
  'main/domain/importBarePath.ts': NODE,
  'main/domain/requireFs.ts': LOADING,
  'main/domain/createRequire.ts': LOADING,
  'main/domain/processGlobal.ts': GLOBAL,
  'main/domain/bufferGlobal.ts': GLOBAL,
  'main/domain/documentGlobal.ts': GLOBAL,
  'main/domain/windowGlobal.ts': GLOBAL,
  'main/domain/fetchGlobal.ts': GLOBAL,
  'main/domain/globalThisProcess.ts': PROPERTY,
  // The core: plain Node; no Electron, React, shell, command line, screen or preload.
  'main/core/importReact.ts': PATHS,
  'main/core/importReactDom.ts': PATHS,
  'main/core/importElectron.ts': PATHS,
  'main/core/importElectronStore.ts': PATHS,
  'main/core/importMainElectron.ts': PATHS,
  'main/core/exportFromMainElectron.ts': PATHS,
  'main/core/importCli.ts': PATHS,
  'main/core/importRenderer.ts': PATHS,
  'main/core/importPreload.ts': PATHS,
  'main/core/importJszip.ts': PATHS,
  'main/core/dynamicImportElectron.ts': PATHS,
  'main/core/dynamicImportComputed.ts': LOADING,
  'main/core/requireElectron.ts': LOADING,
  'main/core/createRequireElectron.ts': LOADING,
  'main/core/moduleCreateRequire.ts': LOADING,
  'main/core/importEqualsRequire.ts': LOADING,
  'main/core/documentGlobal.ts': GLOBAL,
  'main/core/windowGlobal.ts': GLOBAL,
  'main/core/localStorageGlobal.ts': GLOBAL,
  'main/core/navigatorGlobal.ts': GLOBAL,
  'main/core/dirnameGlobal.ts': GLOBAL,
  // The command line: the core under Node, nothing of the shell or the screen.
  'main/cli/importMainElectron.ts': PATHS,
  'main/cli/importElectron.ts': PATHS,
  'main/cli/importRenderer.ts': PATHS,
  'main/cli/documentGlobal.ts': GLOBAL,
  // The shell: never the command line or the screen.
  'main/electron/importCli.ts': PATHS,
  'main/electron/importRenderer.ts': PATHS,
  'main/electron/importReact.ts': PATHS,
  'main/electron/requireElectron.ts': LOADING,
  // The preload script: the contract and Electron only.
  'preload/importCore.ts': PATHS,
  'preload/importMainElectron.ts': PATHS,
  'preload/importNodeFs.ts': NODE,
  'preload/processGlobal.ts': GLOBAL,
  // The renderer: main/domain, React and the editor; no core, no Node, no Word writer.
  'renderer/importDocx.ts': PATHS,
  'renderer/importJszip.ts': PATHS,
  'renderer/dynamicImportDocx.ts': PATHS,
  'renderer/dynamicImportJszip.ts': PATHS,
  'renderer/exportFromDocx.ts': PATHS,
  'renderer/importCore.ts': PATHS,
  'renderer/typeImportCore.ts': PATHS,
  'renderer/importMainElectron.ts': PATHS,
  'renderer/importCli.ts': PATHS,
  'renderer/importPreload.ts': PATHS,
  'renderer/importElectron.ts': PATHS,
  'renderer/importLowdb.ts': PATHS,
  'renderer/importNodeFs.ts': NODE,
  'renderer/importBareCrypto.ts': NODE,
  'renderer/createRequire.ts': LOADING,
  'renderer/requireDocx.ts': LOADING,
  'renderer/importEqualsRequire.ts': LOADING,
  'renderer/processGlobal.ts': GLOBAL,
  'renderer/bufferGlobal.ts': GLOBAL,
  'renderer/dirnameGlobal.ts': GLOBAL,
  'renderer/globalThisBuffer.ts': PROPERTY,
  'renderer/windowRequire.ts': PROPERTY,
  // A cycle anywhere.
  'renderer/cycleA.ts': CYCLE,
  'renderer/cycleB.ts': CYCLE,
};

/** What each layer may do, which must pass clean; and the stand-in modules the probes import. */
const LEGAL = [
  'main/domain/legal.ts',
  'main/core/legal.ts',
  'main/electron/legal.ts',
  'preload/legal.ts',
  'renderer/legal.tsx',
  ...['main/domain', 'main/core', 'main/cli', 'main/electron', 'preload', 'renderer'].map((layer) => `${layer}/target.ts`),
];

let messagesByFixture: Map<string, { ruleId: string | null; message: string }[]>;

beforeAll(async () => {
  // The project's eslint.config.js; `ignore: false` because `eslint .` leaves the fixtures out.
  const eslint = new ESLint({ cwd: ROOT, ignore: false });
  const results = await eslint.lintFiles([FIXTURES]);
  messagesByFixture = new Map(results.map((result) => [relative(FIXTURES, result.filePath).split('\\').join('/'), result.messages]));
});

describe('the layer rule', () => {
  it('has a probe for every fixture and a fixture for every probe', () => {
    const named = new Set([...Object.keys(PROBES), ...LEGAL]);
    expect([...messagesByFixture.keys()].filter((fixture) => !named.has(fixture))).toEqual([]);
    expect([...named].filter((fixture) => !messagesByFixture.has(fixture))).toEqual([]);
    expect(Object.keys(PROBES).length).toBeGreaterThanOrEqual(38);
  });

  it.each(Object.entries(PROBES))('reports %s with %s', (fixture, rule) => {
    const messages = messagesByFixture.get(fixture) ?? [];
    expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
    expect(messages.map((message) => message.ruleId)).toContain(rule);
  });

  it.each(LEGAL)('passes %s clean', (fixture) => {
    expect(messagesByFixture.get(fixture)).toEqual([]);
  });
});
