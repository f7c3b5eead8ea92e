#!/usr/bin/env node
/**
 * Runs before `npm start`: makes sure the Electron program itself is present. Installs skip
 * package scripts (.npmrc ignore-scripts=true) because Electron's postinstall (up to Electron 41)
 * downloaded from GitHub and failed on machines that reach only the npm registry; Electron 45
 * instead runs the same installer on first use, without a time limit. Here it runs on demand,
 * with a time limit, and a failure ends in one paragraph that says what to do next.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A blackholed proxy can stall a download indefinitely; `npm start` must not hang for minutes. */
const INSTALL_TIMEOUT_MS = 60_000;

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The same check Electron's index.js makes: path.txt names the program inside dist/. */
function electronProgramPresent(packageDir) {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  return relative.length > 0 && existsSync(join(distDir, relative));
}

/** The installer's first error line, e.g. "RequestError: getaddrinfo ENOTFOUND github.com". */
function firstErrorLine(output) {
  const lines = output.split(/\r?\n/).map((line) => line.trim());
  return lines.find((line) => /^\w*Error\b/.test(line)) ?? lines.find((line) => line.length > 0);
}

function runInstaller(packageDir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let errorOutput = '';
    child.stderr.on('data', (chunk) => {
      errorOutput += chunk;
    });
    const timer = setTimeout(() => {
      child.kill();
      resolve({ ok: false, reason: `the download did not finish within ${INSTALL_TIMEOUT_MS / 1000} seconds` });
    }, INSTALL_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: error.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: firstErrorLine(errorOutput) ?? `the installer stopped with exit code ${code}` });
    });
  });
}

function explainFailure(reason) {
  console.error(
    [
      `Minute Book cannot start as a desktop app yet: the Electron program could not be downloaded (${reason}).`,
      'This machine may only be able to reach the npm registry, and Electron fetches its program from GitHub.',
      'On a machine with internet access, run `npm start` again, or run `node node_modules/electron/install.js`;',
      'behind a firewall, set ELECTRON_MIRROR to a reachable copy of the Electron releases and try again.',
      'Meanwhile `npm run start:browser` works now: it opens the whole app in the system Chromium.',
    ].join(' '),
  );
}

async function main() {
  const packageDir = electronPackageDir();
  if (!packageDir) {
    explainFailure('the electron package is not installed; run `npm install` first');
    return 1;
  }
  if (electronProgramPresent(packageDir)) return 0;

  console.log('Minute Book: fetching the Electron program (needed once)…');
  const outcome = await runInstaller(packageDir);
  if (outcome.ok && electronProgramPresent(packageDir)) return 0;
  explainFailure(outcome.ok ? 'the installer finished but left no program behind; is ELECTRON_SKIP_BINARY_DOWNLOAD set?' : outcome.reason);
  return 1;
}

process.exitCode = await main();
