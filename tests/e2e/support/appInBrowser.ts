/**
 * The whole app in a real browser: the loopback test host as a separate Node process (so tests
 * can stop and restart it like a clerk closing the app) and Debian's Chromium driven by
 * playwright-core. Nothing here talks to anything but 127.0.0.1.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { DesktopCall } from '../../../main/core/host/hostDesktop';
import type { HostRefusal } from '../../../main/core/host/testHost';

const projectRoot = join(import.meta.dirname, '..', '..', '..');
export const rendererDir = join(projectRoot, 'out', 'renderer');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium).`);
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('The renderer is not built: run "npm run build" first.');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface HostProcess {
  url: string;
  /** An address that works once and leaves the browser only the host's cookie, as `--open` uses. */
  oneTimeUrl: string;
  origin: string;
  /** Requests the host refused as not coming from its own page (runHost prints each). */
  readonly refusals: readonly HostRefusal[];
  /** What the core asked of the desktop ("Open", "Show in folder"); the test host only records it. */
  readonly desktopCalls: readonly DesktopCall[];
  /** Stops the host as closing the app does: pending changes are written first. */
  stop(): Promise<void>;
  /** Kills the host with SIGKILL, as a crash or power cut would. */
  kill(): Promise<void>;
}

export async function startHostProcess(library: string, data: string): Promise<HostProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'main', 'core', 'host', 'runHost.ts'), '--library', library, '--data', data, '--renderer', rendererDir],
    { cwd: projectRoot },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The host prints each desktop request as a line {"desktopCall":{…}} (runHost's --desktop record).
  const desktopCalls: DesktopCall[] = [];
  const refusals: HostRefusal[] = [];
  let unread = '';
  child.stdout.on('data', (chunk: Buffer) => {
    unread += chunk.toString();
    const lines = unread.split('\n');
    unread = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{"desktopCall"')) desktopCalls.push((JSON.parse(line) as { desktopCall: DesktopCall }).desktopCall);
      if (line.startsWith('{"refused"')) refusals.push((JSON.parse(line) as { refused: HostRefusal }).refused);
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const address = await new Promise<{ url: string; oneTimeUrl: string; origin: string }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`The test host did not start:\n${stderr}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((each) => each.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; oneTimeUrl: string; origin: string });
      }
    });
    child.on('exit', (code) => reject(new Error(`The test host exited (${code}):\n${stderr}`)));
  });
  return {
    ...address,
    desktopCalls,
    refusals,
    async stop() {
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000))]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`The test host did not stop within 15 s of SIGTERM:\n${stderr}`);
      }
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export const ARTEFACTS_DIR = join(projectRoot, 'test-results', 'e2e');

/**
 * One clerk's computer for a test file: a temporary library and data folder, one Chromium, and
 * the host process, which `openApp` (re)starts as opening the app would. Page errors are collected.
 */
export interface ClerkComputerOptions {
  /** Another computer's library folder, shared as on a network drive; by default the computer has its own. */
  library?: string;
  /** The clerk's name in this computer's settings (what others see in presence and conflicts). */
  displayName?: string;
}

export class ClerkComputer {
  root = '';
  browser: Browser | undefined;
  host: HostProcess | undefined;
  readonly pageErrors: string[] = [];
  private options: ClerkComputerOptions = {};

  async start(prefix: string, options: ClerkComputerOptions = {}): Promise<void> {
    this.options = options;
    this.root = await mkdtemp(join(tmpdir(), prefix));
    await mkdir(ARTEFACTS_DIR, { recursive: true });
    if (options.displayName) {
      // This computer's own settings, as the clerk would have set them on first start.
      await mkdir(join(this.root, 'computer'), { recursive: true });
      await writeFile(join(this.root, 'computer', 'settings.json'), JSON.stringify({ displayName: options.displayName, libraryPath: this.library }, null, 2));
    }
    this.browser = await launchChromium();
  }

  get library(): string {
    return this.options.library ?? join(this.root, 'library');
  }

  async openApp(viewport: { width: number; height: number }): Promise<Page> {
    if (!this.browser) throw new Error('start() first');
    this.host = await startHostProcess(this.library, join(this.root, 'computer'));
    const page = await this.browser.newPage({ viewport });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
    await page.goto(this.host.url);
    return page;
  }

  async end(): Promise<void> {
    await this.browser?.close();
    await this.host?.stop();
    if (this.root) await rm(this.root, { recursive: true, force: true });
  }
}
