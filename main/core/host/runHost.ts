/**
 * Browser mode: `npm run start:browser` runs this under plain Node. It starts the real core and
 * the loopback test host, prints the address as one JSON line, and (with --open) opens the
 * system Chromium on it as an app window. End-to-end tests start it the same way. Each request
 * refused as not coming from the app's own page is printed as a JSON line {"refused":{…}}.
 *
 *   --library <dir>   library folder (default: the saved setting, else ~/Documents/Minute Book)
 *   --data <dir>      this computer's data: settings and journal (default ~/.minutebook-browser)
 *   --port <n>        port on 127.0.0.1 (default: any free port)
 *   --open            open Chromium on the app
 *   --desktop <kind>  how "Open" and "Show in folder" reach the desktop: "system" (the platform's
 *                     opener; the default with --open) or "record" (print each request as a JSON
 *                     line {"desktopCall":{…}} and do nothing; the default otherwise, for tests)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createMinuteBookCore } from '../minuteBookCore';
import { fileSettingsStore } from '../settingsFile';
import { platformDesktop, recordingDesktop } from './hostDesktop';
import { startTestHost } from './testHost';

const { values } = parseArgs({
  options: {
    library: { type: 'string' },
    data: { type: 'string' },
    port: { type: 'string' },
    renderer: { type: 'string' },
    open: { type: 'boolean', default: false },
    desktop: { type: 'string' },
  },
});

const desktopKind = values.desktop ?? (values.open ? 'system' : 'record');
if (desktopKind !== 'system' && desktopKind !== 'record') {
  console.error(`--desktop must be "system" or "record", not "${desktopKind}".`);
  process.exit(2);
}
const desktop = desktopKind === 'system' ? platformDesktop() : recordingDesktop((desktopCall) => console.log(JSON.stringify({ desktopCall })));

const dataDir = resolve(values.data ?? join(homedir(), '.minutebook-browser'));
const settings = fileSettingsStore(join(dataDir, 'settings.json'), {
  displayName: userInfo().username || 'Clerk',
  libraryPath: join(homedir(), 'Documents', 'Minute Book'),
});
if (values.library) settings.write({ ...settings.read(), libraryPath: resolve(values.library) });

const rendererDir = resolve(values.renderer ?? join(import.meta.dirname, '..', '..', '..', 'out', 'renderer'));
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`The app's screens have not been built yet (no ${join(rendererDir, 'index.html')}). Run "npm run build" first.`);
  process.exit(1);
}

const core = createMinuteBookCore({ settings, desktop, journalDir: join(dataDir, 'journal') });
const host = await startTestHost({
  core,
  rendererDir,
  port: values.port ? Number(values.port) : 0,
  onRefused: (refused) => console.log(JSON.stringify({ refused })),
});
// oneTimeUrl: the address a browser opened by hand can use once (it leaves only a cookie behind).
console.log(JSON.stringify({ url: host.url, oneTimeUrl: host.oneTimeUrl(), origin: host.origin, library: settings.read().libraryPath }));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await core.flushAll();
  await core.close();
  await host.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

if (values.open) openChromium(host.oneTimeUrl());

function openChromium(url: string): void {
  const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) => existsSync(path));
  if (!browser) {
    console.error(`No Chromium found. Open ${url} in Chromium or Chrome on this computer.`);
    return;
  }
  const profile = mkdtempSync(join(tmpdir(), 'minutebook-chromium-'));
  const child = spawn(
    browser,
    [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    { stdio: 'ignore' },
  );
  child.on('exit', () => void stop());
}
