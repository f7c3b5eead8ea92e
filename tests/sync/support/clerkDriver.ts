/**
 * Starts and drives a clerk process (clerkProcess.ts): resume, pause, stop (and write
 * everything), report, presence, close, or kill it outright with SIGKILL. Every request has a
 * time limit, so a stuck process fails the test with a message instead of hanging it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Presence, SaveState, ApiEvent, LibraryListing } from '../../../main/domain/api';
import type { ClerkConfig, ClerkReport, FromClerk, ToClerk } from './clerkProtocol';

export type { ClerkConfig, ClerkReport } from './clerkProtocol';

const PROCESS = join(import.meta.dirname, 'clerkProcess.ts');

type Request = ToClerk['type'];

export class ClerkDriver {
  /** Markers this clerk typed and its core journaled, as reported. */
  readonly typed: string[] = [];
  readonly events: ApiEvent[] = [];
  stderr = '';
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (message: FromClerk) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<void>;

  private constructor(
    readonly config: ClerkConfig,
    private readonly child: ChildProcess,
    readonly opened: Extract<FromClerk, { type: 'ready' }>,
    exited: Promise<void>,
  ) {
    this.exited = exited;
  }

  /** Starts the process and waits until it has opened the meeting (or said why it could not). */
  static async start(config: ClerkConfig, timeoutMs = 60_000): Promise<ClerkDriver> {
    const child = fork(PROCESS, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const ready = await new Promise<Extract<FromClerk, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`clerk ${config.markerPrefix} did not start within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
      child.on('message', (message: FromClerk) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`clerk ${config.markerPrefix} exited before it was ready (${code ?? signal})\n${stderr}`));
      });
    });
    const driver = new ClerkDriver(config, child, ready, exited);
    driver.stderr = stderr;
    child.stderr?.on('data', (chunk: Buffer) => (driver.stderr += chunk.toString()));
    child.on('message', (message: FromClerk) => driver.receive(message));
    child.once('exit', () => {
      for (const { reject } of driver.waiting.values()) reject(new Error(`clerk ${config.markerPrefix} exited\n${driver.stderr}`));
      driver.waiting.clear();
    });
    return driver;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private receive(message: FromClerk): void {
    if (message.type === 'typed') this.typed.push(message.marker);
    else if (message.type === 'event') this.events.push(message.event);
    else if ('id' in message) {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if (message.type === 'error') waiting.reject(new Error(message.message));
      else waiting.resolve(message);
    }
  }

  private request(type: Request, timeoutMs = 60_000): Promise<FromClerk> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`clerk ${this.config.markerPrefix} did not answer “${type}” within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ type, id } as ToClerk);
    });
  }

  /** Starts (or goes on with) the random edit script. */
  async resume(): Promise<void> {
    await this.request('resume');
  }

  /** Stops typing; what was typed stays in the core (and is saved by autosave). */
  async pause(): Promise<void> {
    await this.request('pause');
  }

  /** Stops typing and writes everything to the library (as far as it can be reached). */
  async stop(): Promise<void> {
    await this.request('stop');
  }

  async report(): Promise<ClerkReport> {
    const reply = await this.request('report');
    if (reply.type !== 'report') throw new Error(`unexpected reply ${reply.type}`);
    return reply.report;
  }

  async presence(): Promise<Presence[]> {
    const reply = await this.request('presence');
    if (reply.type !== 'presence') throw new Error(`unexpected reply ${reply.type}`);
    return reply.presence;
  }

  async list(): Promise<LibraryListing> {
    const reply = await this.request('list');
    if (reply.type !== 'list') throw new Error(`unexpected reply ${reply.type}`);
    return reply.listing;
  }

  /** The latest save state the core pushed. */
  get saveState(): SaveState | undefined {
    return this.events.flatMap((event) => (event.type === 'saveState' ? [event.saveState] : [])).at(-1);
  }

  /** Closes the meeting and the core cleanly, and waits for the process to end. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await this.request('close').catch(() => undefined);
    await this.exited;
  }

  /** Pulls the plug: SIGKILL, no chance to write or release anything. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
