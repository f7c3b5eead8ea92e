/**
 * Two real Syncthing instances syncing two library folders, on 127.0.0.1 only.
 *
 * Follows /work/shared/design/syncthing-loopback.md to the letter: every instance is generated with
 * STNODEFAULTFOLDER=1, its config.xml is edited BEFORE the first start so that it never announces,
 * discovers, relays, uses STUN or UPnP, reports usage or checks for upgrades, and it listens on a
 * free 127.0.0.1 port. The other instance is then added through the REST API as a device whose
 * address is tcp://127.0.0.1:<port> (never "dynamic"), together with the shared folder.
 *
 * Used by the shared-library tests (issue 5) to produce what clerks' sync tools really produce:
 * files arriving from the other computer, and Syncthing's own `*.sync-conflict-*` copies.
 *
 * The loopback-only rule is checked two ways, both reported by `networkReport()`:
 * - the Syncthing logs are searched for any sign of discovery, relay, STUN, UPnP/NAT, usage
 *   reporting or upgrade checks, and for any listener not on 127.0.0.1;
 * - while the pair runs, every inet socket the two processes hold is sampled (from /proc, see
 *   `inetSocketsOf`) and anything not between 127.0.0.1 addresses is recorded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Side = 'A' | 'B';

export interface SyncthingPairOptions {
  /** The library folder on computer A (created if missing). */
  folderA: string;
  /** The library folder on computer B (created if missing). */
  folderB: string;
  /** Syncthing's folder id; any short id will do. */
  folderId?: string;
}

export interface NetworkReport {
  /** True when neither the logs nor the sampled sockets show anything beyond 127.0.0.1. */
  clean: boolean;
  /** Log lines that mention discovery, relays, STUN, UPnP/NAT, announcements, usage reports or upgrades. */
  suspiciousLogLines: { side: Side; line: string }[];
  /** Sockets seen with an address other than 127.0.0.1 (or an unconnected 0.0.0.0:0 peer). */
  nonLoopbackSockets: { side: Side; socket: string }[];
  /** How many times the sockets of both processes were sampled. */
  socketSamples: number;
  /** Distinct loopback sockets seen, for the curious ("tcp 127.0.0.1:41000 → 127.0.0.1:0"). */
  loopbackSockets: string[];
  /** One readable paragraph for test output and failure messages. */
  summary: string;
}

export interface SyncthingPair {
  readonly folderId: string;
  /** Temporary folder holding both Syncthing homes and their logs. */
  readonly workDir: string;
  readonly deviceIds: Readonly<Record<Side, string>>;
  folder(side: Side): string;
  logPath(side: Side): string;
  /** Takes that side offline: its folder is paused (no scanning, nothing sent or received) until `resume(side)`. */
  pause(side: Side): Promise<void>;
  /** Brings that side back online and waits until its folder has been rescanned. */
  resume(side: Side): Promise<void>;
  /** Rescans that side's folder now and waits for the scan to finish. */
  scan(side: Side): Promise<void>;
  /**
   * Waits until both sides are connected, idle, need nothing and agree on the folder's global state,
   * stable across two consecutive polls. Scans both folders first. Throws (with the last state seen)
   * after `timeoutMs`, or at once if a side is paused.
   */
  waitForIdle(options?: { timeoutMs?: number }): Promise<void>;
  networkReport(): Promise<NetworkReport>;
  /**
   * SIGTERM both instances, SIGKILL after 10 s. Removes the work dir (homes and logs) unless
   * `keepWorkDir`, MB_KEEP_SYNCTHING=1, or a `waitForIdle` timed out (its message names the dir).
   */
  stop(options?: { keepWorkDir?: boolean }): Promise<void>;
}

const SIDES: readonly Side[] = ['A', 'B'];
const other = (side: Side): Side => (side === 'A' ? 'B' : 'A');

/** Words in a Syncthing log line that would mean it tried to reach beyond the loopback pair. */
const NETWORK_WORDS = /\b(discover\w*|relay\w*|stun|upnp|nat-?pmp|nat|announce\w*|usage report\w*|upgrad\w*|crash report\w*|[a-z.]*syncthing\.net)\b/i;
/** A listener ("TCP listener (127.0.0.1:41000) starting") on anything but 127.0.0.1. */
const WIDE_LISTENER = /\blistener \((?!127\.0\.0\.1:)/i;

/** The lines of a Syncthing log that show discovery, relays, STUN, NAT, reporting or a non-loopback listener. */
export function networkLogLines(log: string): string[] {
  return log.split('\n').filter((line) => NETWORK_WORDS.test(line) || WIDE_LISTENER.test(line));
}

/** Every Syncthing started by this module, so that a dying test worker does not leave any behind. */
const running = new Map<ChildProcess, Set<number>>();
process.once('exit', () => {
  for (const [child, pids] of running) {
    child.kill('SIGKILL');
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Installation check

const MISSING =
  'Syncthing is not installed: install the Debian package syncthing (apt-get install -y syncthing). ' +
  'The shared-library tests run real Syncthing on 127.0.0.1 and cannot be skipped.';

/** The installed Syncthing's version line; throws a clear message when it is missing. */
export function syncthingVersion(): string {
  const result = spawnSync('syncthing', ['--version'], { encoding: 'utf8', timeout: 10_000, env: childEnv('/nonexistent') });
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit code ${String(result.status)}`;
    throw new Error(`${MISSING} (running "syncthing --version" failed: ${reason})`);
  }
  return result.stdout.trim();
}

/**
 * A clean environment for Syncthing: no proxy variables (Syncthing honours all_proxy/http_proxy for
 * its outgoing connections, which would route even a 127.0.0.1 dial elsewhere), a HOME inside the
 * temporary folder, and the two switches of the design note.
 */
function childEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    STNODEFAULTFOLDER: '1',
    STNOUPGRADE: '1',
  };
}

// ---------------------------------------------------------------------------------------------
// config.xml, edited before the first start

/*
 * Why targeted text edits rather than an XML library: config.xml here is always the file that
 * `syncthing generate` has just written (one element per line, `<name>value</name>` under
 * <options>), we only change the values of a dozen known, unique elements and delete one, and each
 * edit checks that it matched exactly once, so a changed file shape fails loudly instead of being
 * mis-edited. After start the harness reads the options back through the REST API and checks every
 * one of them (`checkOptions`), which is the real proof. This needs no new dependency.
 */
const LOOPBACK_OPTIONS = (listenPort: number): Record<string, string> => ({
  listenAddress: `tcp://127.0.0.1:${listenPort}`,
  globalAnnounceEnabled: 'false',
  localAnnounceEnabled: 'false',
  relaysEnabled: 'false',
  natEnabled: 'false',
  stunKeepaliveStartS: '0',
  stunKeepaliveMinS: '0',
  urAccepted: '-1',
  crashReportingEnabled: 'false',
  autoUpgradeIntervalH: '0',
  startBrowser: 'false',
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function editConfigForLoopback(xml: string, listenPort: number): string {
  let edited = xml;
  for (const [name, value] of Object.entries(LOOPBACK_OPTIONS(listenPort))) {
    const element = new RegExp(`<${name}>[^<]*</${name}>`, 'g');
    const matches = edited.match(element)?.length ?? 0;
    if (matches !== 1) throw new Error(`config.xml: expected exactly one <${name}> element, found ${matches}`);
    edited = edited.replace(element, `<${name}>${escapeXml(value)}</${name}>`);
  }
  // Remove every global announce server (the default is "default", meaning Syncthing's public ones).
  edited = edited.replace(/^[ \t]*<globalAnnounceServer>[^<]*<\/globalAnnounceServer>[ \t]*\r?\n/gm, '');
  if (edited.includes('globalAnnounceServer')) throw new Error('config.xml: could not remove every <globalAnnounceServer> element');
  return edited;
}

function apiKeyOf(xml: string): string {
  const key = /<apikey>([^<]+)<\/apikey>/.exec(xml)?.[1];
  if (!key) throw new Error('config.xml: no <apikey> in the <gui> section');
  return key;
}

function deviceIdOf(xml: string): string {
  const id = /<device id="([A-Z0-9-]{50,})"/.exec(xml)?.[1];
  if (!id) throw new Error('config.xml: no device id for this instance');
  return id;
}

// ---------------------------------------------------------------------------------------------
// Ports and processes

/** Free TCP ports on 127.0.0.1, found by binding port 0 (all held open together so they differ). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  return ports;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs, env });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? ''}${result.stderr}${result.stdout}`);
  }
  return result.stdout + result.stderr;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/**
 * SIGTERM to the process we started (Syncthing's monitor, which stops the real Syncthing and exits),
 * SIGKILL after 10 s; then SIGKILL any of its descendants seen earlier that outlived it.
 */
async function stopProcess(child: ChildProcess, descendants: Set<number>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  }
  running.delete(child);
  for (const pid of descendants) {
    if (pid === child.pid) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone, as it should be.
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Sockets, from /proc

/*
 * Sockets held by a process: /proc/<pid>/fd links read "socket:[inode]"; the namespace-wide tables
 * /proc/net/{tcp,tcp6,udp,udp6,raw,raw6} give each inet socket's inode with its local and remote
 * address in hex. This needs no tool (ss may not be installed) and no privilege for our own
 * processes. Sockets of other families (unix, netlink) are not network traffic and are left out.
 * A sample cannot see a connection that opens and closes between two samples; the log check covers
 * those.
 */
const TABLES = ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6'] as const;

function hexToAddress(hex: string): string {
  const [addressHex = '', portHex = '0'] = hex.split(':');
  const port = parseInt(portHex, 16);
  const bytes: number[] = [];
  // The kernel prints each 32-bit word in host (little-endian) order.
  for (let word = 0; word < addressHex.length; word += 8) {
    const chunk = addressHex.slice(word, word + 8);
    for (let i = 6; i >= 0; i -= 2) bytes.push(parseInt(chunk.slice(i, i + 2), 16));
  }
  if (bytes.length === 4) return `${bytes.join('.')}:${port}`;
  const isV4Mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (isV4Mapped) return `${bytes.slice(12).join('.')}:${port}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return `[${groups.join(':')}]:${port}`;
}

/**
 * The process and all its descendants. `syncthing serve` runs as a monitor process that starts the
 * real Syncthing as its child (even with --no-restart), so the sockets live in the child.
 */
export async function processTree(rootPid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Field 4 is the parent pid; the command name (field 2) is in parentheses and may hold spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isFinite(ppid)) parents.set(Number(entry), ppid);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [pid, ppid] of parents) if (ppid === tree[i] && !tree.includes(pid)) tree.push(pid);
  }
  return tree;
}

interface InetSocket {
  protocol: string;
  local: string;
  remote: string;
}

export async function inetSocketsOf(pid: number): Promise<InetSocket[]> {
  const inodes = new Set<string>();
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  for (const fd of fds) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const sockets: InetSocket[] = [];
  for (const table of TABLES) {
    const text = await readFile(`/proc/${pid}/net/${table}`, 'utf8').catch(() => '');
    for (const row of text.split('\n').slice(1)) {
      const columns = row.trim().split(/\s+/);
      const [, local, remote] = columns;
      const inode = columns[9];
      if (!local || !remote || !inode || !inodes.has(inode)) continue;
      sockets.push({ protocol: table, local: hexToAddress(local), remote: hexToAddress(remote) });
    }
  }
  return sockets;
}

/** Loopback-only: local address 127.0.0.1, peer 127.0.0.1 or none yet (0.0.0.0:0, a listener). */
function isLoopbackOnly(socket: InetSocket): boolean {
  return socket.local.startsWith('127.0.0.1:') && (socket.remote.startsWith('127.0.0.1:') || socket.remote === '0.0.0.0:0');
}

// ---------------------------------------------------------------------------------------------
// REST

class RestClient {
  constructor(
    private readonly side: Side,
    private readonly guiPort: number,
    private readonly apiKey: string,
  ) {}

  async call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, timeoutMs = 30_000): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.guiPort}${path}`, {
      method,
      headers: { 'X-API-Key': this.apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`Syncthing ${this.side}: ${method} ${path} answered ${response.status}: ${text.trim()}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

interface FolderStatus {
  state: string;
  needTotalItems: number;
  needBytes: number;
  pullErrors?: number;
  errors?: number;
  sequence: number;
  globalFiles: number;
  globalDirectories: number;
  globalDeleted: number;
  globalBytes: number;
  localFiles: number;
  localDirectories: number;
  localBytes: number;
  inSyncFiles: number;
}

interface Completion {
  completion: number;
  needItems: number;
  needDeletes: number;
  remoteState?: string;
  sequence?: number;
}

interface Connections {
  connections: Record<string, { connected: boolean; paused: boolean; address: string }>;
}

// ---------------------------------------------------------------------------------------------
// The pair

interface Instance {
  side: Side;
  home: string;
  folder: string;
  logPath: string;
  listenPort: number;
  guiPort: number;
  deviceId: string;
  rest: RestClient;
  child: ChildProcess;
  /** The started process and its descendants, as last sampled. */
  pids: Set<number>;
}

export async function startSyncthingPair(options: SyncthingPairOptions): Promise<SyncthingPair> {
  const version = syncthingVersion();
  const folderId = options.folderId ?? 'minute-book-library';
  const workDir = await mkdtemp(join(tmpdir(), 'mb-syncthing-'));
  const instances: Instance[] = [];
  const folders: Record<Side, string> = { A: options.folderA, B: options.folderB };
  let sampler: ReturnType<typeof setInterval> | undefined;
  const socketsSeen = new Map<string, { side: Side; socket: InetSocket }>();
  let socketSamples = 0;

  const sampleSockets = async () => {
    for (const instance of instances) {
      const pid = instance.child.pid;
      if (pid === undefined || instance.child.exitCode !== null) continue;
      for (const member of await processTree(pid)) {
        instance.pids.add(member);
        for (const socket of await inetSocketsOf(member)) {
          const key = `${instance.side} ${socket.protocol} ${socket.local} → ${socket.remote}`;
          if (!socketsSeen.has(key)) socketsSeen.set(key, { side: instance.side, socket });
        }
      }
    }
    socketSamples += 1;
  };

  const stopAll = async (keepWorkDir = false) => {
    if (sampler) clearInterval(sampler);
    sampler = undefined;
    await Promise.all(instances.map((instance) => stopProcess(instance.child, instance.pids)));
    if (!keepWorkDir) await rm(workDir, { recursive: true, force: true });
  };

  try {
    const [listenA, listenB, guiA, guiB] = await freePorts(4);
    const ports: Record<Side, { listen: number; gui: number }> = {
      A: { listen: listenA!, gui: guiA! },
      B: { listen: listenB!, gui: guiB! },
    };

    // 1–2. Generate each home and make it loopback-only before anything starts.
    const prepared = await Promise.all(
      SIDES.map(async (side) => {
        const home = join(workDir, `home-${side}`);
        await mkdir(folders[side], { recursive: true });
        run('syncthing', ['generate', `--home=${home}`], childEnv(home), 60_000);
        const configPath = join(home, 'config.xml');
        const xml = editConfigForLoopback(await readFile(configPath, 'utf8'), ports[side].listen);
        await writeFile(configPath, xml);
        return { side, home, apiKey: apiKeyOf(xml), deviceId: deviceIdOf(xml) };
      }),
    );

    // 3. Start both, each logging to its own file in the work dir.
    for (const { side, home, apiKey, deviceId } of prepared) {
      const logPath = join(workDir, `syncthing-${side}.log`);
      const log = openSync(logPath, 'a');
      const child = spawn('syncthing', ['serve', `--home=${home}`, '--no-browser', '--no-restart', `--gui-address=127.0.0.1:${ports[side].gui}`], {
        env: childEnv(home),
        stdio: ['ignore', log, log],
      });
      closeSync(log);
      const pids = new Set(child.pid === undefined ? [] : [child.pid]);
      running.set(child, pids);
      instances.push({
        side,
        home,
        folder: folders[side],
        logPath,
        listenPort: ports[side].listen,
        guiPort: ports[side].gui,
        deviceId,
        rest: new RestClient(side, ports[side].gui, apiKey),
        child,
        pids,
      });
    }
    sampler = setInterval(() => void sampleSockets().catch(() => undefined), 1_000);

    const bySide = (side: Side): Instance => instances.find((instance) => instance.side === side)!;
    await Promise.all(instances.map((instance) => waitForRest(instance, 30_000)));
    await sampleSockets();
    await Promise.all(instances.map((instance) => checkOptions(instance)));

    // 4. Each knows the other at a fixed loopback address and shares the folder with it.
    //
    // One side after the other: a device added through the API is dialled at once, and when both
    // sides dialled each other in the same instant Syncthing 1.19.2 sometimes hung for its 20 s
    // Hello timeout. So A is set up first; its dial is refused by B ("unknown device", which B
    // lists as pending); then B is set up, B's own dial reaches A, which now accepts it.
    const share = async (instance: Instance) => {
      const peer = bySide(other(instance.side));
      await instance.rest.call('POST', '/rest/config/devices', {
        deviceID: peer.deviceId,
        name: `computer-${peer.side}`,
        addresses: [`tcp://127.0.0.1:${peer.listenPort}`],
        autoAcceptFolders: false,
        paused: false,
      });
      await instance.rest.call('POST', '/rest/config/folders', {
        id: folderId,
        label: 'Minute Book library',
        path: instance.folder,
        type: 'sendreceive',
        devices: [{ deviceID: instance.deviceId }, { deviceID: peer.deviceId }],
        fsWatcherEnabled: true,
        fsWatcherDelayS: 1,
        rescanIntervalS: 10,
        // Keep every conflict copy: by default Syncthing deletes all but the newest 10 of a file's
        // copies, and a test counting edits must see each one the app has to merge.
        maxConflicts: -1,
        paused: false,
      });
    };
    await share(bySide('A'));
    await waitUntil("B to have turned away A's first call", 5_000, async () => {
      const pending = await bySide('B').rest.call<Record<string, unknown>>('GET', '/rest/cluster/pending/devices', undefined, 2_000);
      return bySide('A').deviceId in pending;
    }).catch(() => undefined); // Only an ordering aid: if A has not called yet, B's call still works.
    await share(bySide('B'));
    await Promise.all(instances.map((instance) => checkSharedFolder(instance, bySide(other(instance.side)), folderId)));
    await waitUntil('both computers connected', 60_000, async () => {
      const states = await Promise.all(instances.map((instance) => connectedTo(instance, bySide(other(instance.side)))));
      return states.every(Boolean);
    });

    const offline = new Set<Side>();
    let stopped = false;
    /** Set when waiting failed, so that stop() keeps the logs for whoever reads the failure. */
    let troubled = false;

    /*
     * "Offline" pauses that side's folder (PATCH /rest/config/folders/<id> {paused}), not the device
     * link. Both cut the side off; but a paused device reconnects only on Syncthing's reconnect loop,
     * which with the default reconnectionIntervalS took up to 60 s after /rest/system/resume, and
     * still 5–30 s with reconnectionIntervalS 1 (Syncthing 1.19.2). A paused folder neither scans
     * nor exchanges anything, so edits on either side meet only on resume — exactly what a laptop
     * coming back from a meeting room does — and resuming takes effect at once.
     */
    const setFolderPaused = async (side: Side, paused: boolean) => {
      const instance = bySide(side);
      const path = `/rest/config/folders/${encodeURIComponent(folderId)}`;
      await instance.rest.call('PATCH', path, { paused });
      const folder = await instance.rest.call<{ paused: boolean }>('GET', path);
      if (folder.paused !== paused) throw new Error(`Syncthing ${side}: could not ${paused ? 'pause' : 'resume'} folder ${folderId}`);
    };

    const scan = async (side: Side) => {
      await bySide(side).rest.call('POST', `/rest/db/scan?folder=${encodeURIComponent(folderId)}`, undefined, 60_000);
    };

    const pair: SyncthingPair = {
      folderId,
      workDir,
      deviceIds: { A: bySide('A').deviceId, B: bySide('B').deviceId },
      folder: (side) => bySide(side).folder,
      logPath: (side) => bySide(side).logPath,
      scan,
      async pause(side) {
        if (offline.has(side)) return;
        await setFolderPaused(side, true);
        offline.add(side);
      },
      async resume(side) {
        if (!offline.has(side)) return;
        // What the online side wrote meanwhile is indexed first; then the offline side comes back.
        await Promise.all(SIDES.filter((s) => !offline.has(s)).map(scan));
        await setFolderPaused(side, false);
        offline.delete(side);
        // Syncthing scans a resumed folder before pulling; this waits until that scan is done.
        await waitUntil(`folder ${folderId} on ${side} running again`, 30_000, async () => {
          await scan(side);
          return true;
        });
      },
      async waitForIdle({ timeoutMs = 60_000 } = {}) {
        if (offline.size > 0) {
          throw new Error(`Syncthing: computer ${[...offline].join(' and ')} is offline (paused); resume it before waiting for both sides to settle`);
        }
        await Promise.all(SIDES.map(scan));
        let previous = '';
        let last = '';
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
          try {
            const snapshot = await settledSnapshot(instances, bySide, folderId);
            last = snapshot.describe;
            if (snapshot.settled && snapshot.key === previous) return;
            previous = snapshot.settled ? snapshot.key : '';
          } catch (error) {
            // A slow answer under load is not a verdict; the deadline is.
            last = error instanceof Error ? error.message : String(error);
            previous = '';
          }
          await sleep(500);
        }
        troubled = true;
        throw new Error(`Syncthing: the two folders did not settle within ${timeoutMs} ms. Last state: ${last}. Logs (kept): ${workDir}`);
      },
      async networkReport() {
        await sampleSockets();
        const suspiciousLogLines: NetworkReport['suspiciousLogLines'] = [];
        for (const instance of instances) {
          const text = await readFile(instance.logPath, 'utf8').catch(() => '');
          for (const line of networkLogLines(text)) suspiciousLogLines.push({ side: instance.side, line });
        }
        const nonLoopbackSockets: NetworkReport['nonLoopbackSockets'] = [];
        const loopbackSockets: string[] = [];
        for (const [key, { side, socket }] of socketsSeen) {
          if (isLoopbackOnly(socket)) loopbackSockets.push(key);
          else nonLoopbackSockets.push({ side, socket: `${socket.protocol} ${socket.local} → ${socket.remote}` });
        }
        const clean = suspiciousLogLines.length === 0 && nonLoopbackSockets.length === 0 && socketSamples > 0;
        const summary = [
          `${version}.`,
          `Sockets sampled ${socketSamples} times: ${loopbackSockets.length} distinct loopback sockets, ${nonLoopbackSockets.length} others${nonLoopbackSockets.length ? ` (${nonLoopbackSockets.map((s) => `${s.side}: ${s.socket}`).join('; ')})` : ''}.`,
          `Log lines about discovery, relays, STUN, UPnP, announcements, usage or upgrades: ${suspiciousLogLines.length}${suspiciousLogLines.length ? ` (${suspiciousLogLines.map((l) => `${l.side}: ${l.line}`).join(' | ')})` : ''}.`,
        ].join(' ');
        return { clean, suspiciousLogLines, nonLoopbackSockets, socketSamples, loopbackSockets, summary };
      },
      async stop({ keepWorkDir = false } = {}) {
        if (stopped) return;
        stopped = true;
        await stopAll(keepWorkDir || troubled || process.env.MB_KEEP_SYNCTHING === '1');
      },
    };
    return pair;
  } catch (error) {
    const logs = await Promise.all(instances.map(async (i) => `--- ${i.side} ---\n${(await readFile(i.logPath, 'utf8').catch(() => '')).slice(-3000)}`));
    await stopAll(false);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not start the Syncthing pair: ${message}${logs.length ? `\n${logs.join('\n')}` : ''}`, { cause: error });
  }
}

async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    await sleep(250);
  }
  const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`Syncthing: timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
}

async function waitForRest(instance: Instance, timeoutMs: number): Promise<void> {
  await waitUntil(`Syncthing ${instance.side} to answer on 127.0.0.1:${instance.guiPort}`, timeoutMs, async () => {
    if (instance.child.exitCode !== null) throw new Error(`Syncthing ${instance.side} exited with code ${instance.child.exitCode}`);
    await instance.rest.call('GET', '/rest/system/ping', undefined, 2_000);
    return true;
  });
}

/** Reads the running options back and checks every loopback setting took effect. */
async function checkOptions(instance: Instance): Promise<void> {
  const options = await instance.rest.call<Record<string, unknown>>('GET', '/rest/config/options');
  const expected: Record<string, unknown> = {
    listenAddresses: [`tcp://127.0.0.1:${instance.listenPort}`],
    // globalAnnounceServers is not checked: with none in config.xml Syncthing fills in "default"
    // again in memory, which is harmless because global announcement and discovery are off.
    globalAnnounceEnabled: false,
    localAnnounceEnabled: false,
    relaysEnabled: false,
    natEnabled: false,
    stunKeepaliveStartS: 0,
    stunKeepaliveMinS: 0,
    urAccepted: -1,
    crashReportingEnabled: false,
    autoUpgradeIntervalH: 0,
    startBrowser: false,
  };
  for (const [name, value] of Object.entries(expected)) {
    const actual = options[name] ?? (Array.isArray(value) ? [] : undefined);
    if (JSON.stringify(actual) !== JSON.stringify(value)) {
      throw new Error(
        `Syncthing ${instance.side}: option ${name} is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}; refusing to run a Syncthing that may leave 127.0.0.1`,
      );
    }
  }
}

/** Reads the device and folder back: fixed loopback address, folder shared with the peer, watcher on. */
async function checkSharedFolder(instance: Instance, peer: Instance, folderId: string): Promise<void> {
  const device = await instance.rest.call<{ addresses: string[] }>('GET', `/rest/config/devices/${encodeURIComponent(peer.deviceId)}`);
  if (JSON.stringify(device.addresses) !== JSON.stringify([`tcp://127.0.0.1:${peer.listenPort}`])) {
    throw new Error(
      `Syncthing ${instance.side}: the other computer's addresses are ${JSON.stringify(device.addresses)}, expected only tcp://127.0.0.1:${peer.listenPort}`,
    );
  }
  const folder = await instance.rest.call<{
    type: string;
    fsWatcherEnabled: boolean;
    fsWatcherDelayS: number;
    rescanIntervalS: number;
    maxConflicts: number;
    devices: { deviceID: string }[];
  }>('GET', `/rest/config/folders/${encodeURIComponent(folderId)}`);
  const shared = folder.devices.some((d) => d.deviceID === peer.deviceId);
  if (
    folder.type !== 'sendreceive' ||
    !folder.fsWatcherEnabled ||
    folder.fsWatcherDelayS !== 1 ||
    folder.rescanIntervalS > 10 ||
    folder.maxConflicts !== -1 ||
    !shared
  ) {
    throw new Error(`Syncthing ${instance.side}: folder ${folderId} is not set up as asked: ${JSON.stringify(folder)}`);
  }
}

async function connectedTo(instance: Instance, peer: Instance): Promise<boolean> {
  const { connections } = await instance.rest.call<Connections>('GET', '/rest/system/connections', undefined, 5_000);
  return connections[peer.deviceId]?.connected === true;
}

/** One poll of both sides: settled when connected, idle, needing nothing, 100 % and agreeing. */
async function settledSnapshot(
  instances: Instance[],
  bySide: (side: Side) => Instance,
  folderId: string,
): Promise<{ settled: boolean; key: string; describe: string }> {
  const folder = encodeURIComponent(folderId);
  const views = await Promise.all(
    instances.map(async (instance) => {
      const peer = bySide(other(instance.side));
      const [status, completion, connected] = await Promise.all([
        instance.rest.call<FolderStatus>('GET', `/rest/db/status?folder=${folder}`, undefined, 10_000),
        instance.rest.call<Completion>('GET', `/rest/db/completion?folder=${folder}&device=${encodeURIComponent(peer.deviceId)}`, undefined, 10_000),
        connectedTo(instance, peer),
      ]);
      return { side: instance.side, status, completion, connected };
    }),
  );
  const settledSide = (v: (typeof views)[number]) =>
    v.connected &&
    v.status.state === 'idle' &&
    v.status.needTotalItems === 0 &&
    (v.status.pullErrors ?? 0) === 0 &&
    v.completion.completion === 100 &&
    v.completion.needItems === 0 &&
    v.completion.needDeletes === 0;
  const global = (v: (typeof views)[number]) => [v.status.globalFiles, v.status.globalDirectories, v.status.globalDeleted, v.status.globalBytes].join('/');
  const agree = views.length === 2 && global(views[0]!) === global(views[1]!);
  const settled = agree && views.every(settledSide);
  const key = views.map((v) => `${v.side}:${v.status.sequence}:${global(v)}:${v.status.localFiles}/${v.status.localBytes}`).join(' ');
  const describe = views
    .map(
      (v) =>
        `${v.side}: ${v.connected ? 'connected' : 'NOT connected'}, state ${v.status.state}, need ${v.status.needTotalItems}, ` +
        `pull errors ${v.status.pullErrors ?? 0}, peer completion ${v.completion.completion}% (needs ${v.completion.needItems}), ` +
        `global files/dirs/deleted/bytes ${global(v)}, sequence ${v.status.sequence}`,
    )
    .join('; ');
  return { settled, key, describe };
}
