/**
 * Two clerks' computers with real Syncthing on 127.0.0.1: what one saves reaches the other intact,
 * and when both change the same file while one laptop is offline Syncthing leaves its own
 * `*.sync-conflict-*` copy — the copies the shared library (issue 5) must merge. Also checks that
 * Syncthing stayed on the loopback interface the whole time.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { networkLogLines, startSyncthingPair, type SyncthingPair } from '../support/syncthing';

/** Syncthing's bookkeeping in a synced folder (marker folder, temporary files while pulling). */
const isSyncthingBookkeeping = (name: string) => name === '.stfolder' || name.startsWith('.syncthing.') || name === '.stignore';

async function libraryFiles(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(folder)).sort()) {
    if (isSyncthingBookkeeping(name)) continue;
    files.set(name, await readFile(join(folder, name)));
  }
  return files;
}

const SYNC_CONFLICT = /^(.+)\.sync-conflict-(\d{8})-(\d{6})-([A-Z0-9]{7})(\.[^.]+)?$/;

describe('two computers sharing a library through real Syncthing on 127.0.0.1', () => {
  let root: string;
  let pair: SyncthingPair;
  let folderA: string;
  let folderB: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mb-sync-harness-'));
    folderA = join(root, 'computer-A', 'Library');
    folderB = join(root, 'computer-B', 'Library');
    pair = await startSyncthingPair({ folderA, folderB });
  });

  afterAll(async () => {
    await pair?.stop();
    await rm(root, { recursive: true, force: true });
  });

  test('a meeting saved on one computer arrives byte for byte on the other', async () => {
    // Non-ASCII text and every byte value, so any re-encoding on the way would show.
    const content = Buffer.concat([
      Buffer.from('{"title":"Children’s Services Scrutiny Panel — 3 March","note":"Cllr Ó Briain £250"}\n', 'utf8'),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    ]);
    await writeFile(join(folderA, 'scrutiny-2025-03-03.json'), content);

    await pair.waitForIdle({ timeoutMs: 30_000 });

    const arrived = await readFile(join(folderB, 'scrutiny-2025-03-03.json'));
    expect(arrived.equals(content)).toBe(true);
  });

  test('meetings saved on both computers end up on both', async () => {
    await writeFile(join(folderA, 'planning-2025-03-04.json'), '{"title":"Planning Committee"}\n');
    await writeFile(join(folderB, 'licensing-2025-03-05.json'), '{"title":"Licensing Sub-Committee"}\n');

    await pair.waitForIdle({ timeoutMs: 30_000 });

    const onA = await libraryFiles(folderA);
    const onB = await libraryFiles(folderB);
    expect([...onA.keys()]).toEqual(['licensing-2025-03-05.json', 'planning-2025-03-04.json', 'scrutiny-2025-03-03.json']);
    expect([...onB.keys()]).toEqual([...onA.keys()]);
    for (const [name, bytes] of onA) expect(onB.get(name)?.equals(bytes), name).toBe(true);
  });

  test('the same meeting changed on both computers while one is offline leaves a Syncthing conflict copy', async () => {
    const meeting = 'cabinet-2025-03-06.json';
    await writeFile(join(folderA, meeting), '{"minutes":"Draft"}\n');
    await pair.waitForIdle({ timeoutMs: 30_000 });
    expect(await readFile(join(folderB, meeting), 'utf8')).toBe('{"minutes":"Draft"}\n');

    await pair.pause('B');
    const fromA = '{"minutes":"Jane on computer A: the Leader moved the report"}\n';
    const fromB = '{"minutes":"Sam on computer B, offline: the report was noted"}\n';
    await writeFile(join(folderA, meeting), fromA);
    await writeFile(join(folderB, meeting), fromB);
    await pair.resume('B');
    await pair.waitForIdle({ timeoutMs: 45_000 });

    const onA = await libraryFiles(folderA);
    const onB = await libraryFiles(folderB);
    expect([...onB.keys()]).toEqual([...onA.keys()]);
    for (const [name, bytes] of onA) expect(onB.get(name)?.equals(bytes), name).toBe(true);

    const copies = [...onA.keys()].filter((name) => SYNC_CONFLICT.test(name));
    console.log(`Syncthing conflict copy: ${copies.join(', ')}`);
    expect(copies).toHaveLength(1);
    const [, base, , , , extension] = SYNC_CONFLICT.exec(copies[0]!)!;
    expect(`${base}${extension}`).toBe(meeting);
    // Both versions survive: one as the meeting, the other as the conflict copy.
    const versions = [onA.get(meeting)!.toString('utf8'), onA.get(copies[0]!)!.toString('utf8')].sort();
    expect(versions).toEqual([fromA, fromB].sort());
  });

  test('Syncthing talked to nothing but 127.0.0.1', async () => {
    const report = await pair.networkReport();
    console.log(`Network report: ${report.summary}`);
    expect(report.socketSamples).toBeGreaterThan(0);
    // The two instances were seen connected to each other over loopback.
    expect(report.loopbackSockets.some((socket) => /tcp 127\.0\.0\.1:\d+ → 127\.0\.0\.1:[1-9]/.test(socket))).toBe(true);
    expect(report.nonLoopbackSockets).toEqual([]);
    expect(report.suspiciousLogLines).toEqual([]);
    expect(report.clean).toBe(true);
  });
});

describe('the loopback check on Syncthing logs', () => {
  test('flags what a Syncthing with default settings logs, and not a loopback-only start', () => {
    // Lines of the kinds Syncthing 1.19 prints when discovery, relays, NAT, QUIC or default listeners are on.
    const outward = [
      '[ABCDE] 10:00:01 INFO: Using discovery mechanism: global discovery server https://discovery.syncthing.net/v2/?noannounce&id=XXXX',
      '[ABCDE] 10:00:01 INFO: Using discovery mechanism: IPv4 local broadcast discovery on port 21027',
      '[ABCDE] 10:00:01 INFO: Relay listener (dynamic+https://relays.syncthing.net/endpoint) starting',
      '[ABCDE] 10:00:01 INFO: Detected 0 NAT services',
      '[ABCDE] 10:00:01 INFO: QUIC listener ([::]:22000) starting',
      '[ABCDE] 10:00:01 INFO: TCP listener ([::]:22000) starting',
      '[ABCDE] 10:00:02 INFO: quic://0.0.0.0:22000 resolved external address quic://203.0.113.5:22000 (via stun.syncthing.net:3478)',
    ];
    const loopbackOnly = [
      '[start] 10:00:00 INFO: syncthing v1.19.2-ds1 "Fermium Flea" (go1.19.8 linux-amd64) debian@debian 2023-04-09 10:47:16 UTC [stnoupgrade]',
      '[ABCDE] 10:00:01 INFO: TCP listener (127.0.0.1:41000) starting',
      '[ABCDE] 10:00:01 INFO: GUI and API listening on 127.0.0.1:41001',
      '[ABCDE] 10:00:02 INFO: Established secure connection to FGHIJKL at 127.0.0.1:41000-127.0.0.1:42000/tcp-client/TLS1.3-TLS_AES_128_GCM_SHA256',
    ];
    expect(networkLogLines([...outward, ...loopbackOnly].join('\n'))).toEqual(outward);
  });
});
