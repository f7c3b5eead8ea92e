/**
 * Noticing a colleague's changes to the open meeting's file, as a clerk on a network drive or a
 * synced folder needs: within 3 seconds, with or without file-system events, never for our own
 * saves, and through the folder going away and coming back. Real files in temporary folders.
 */
import { mkdtemp, rename, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, watchFile, type FileWatchEvent, type FileWatcher } from '../../main/core/sync/fileWatcher';

let root: string;
let folder: string;
let file: string;
let events: FileWatchEvent[];
let watcher: FileWatcher | undefined;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mb-watch-'));
  folder = join(root, 'meetings', '2026');
  await mkdir(folder, { recursive: true });
  file = join(folder, '2026-11-10 planning.json');
  await writeFile(file, '{"minutes":"first version"}\n');
  events = [];
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  await rm(root, { recursive: true, force: true });
});

async function startWatching(options: Parameters<typeof watchFile>[2] = {}): Promise<FileWatcher> {
  watcher = watchFile(file, (event) => events.push(event), options);
  await watcher.checkNow(); // the first look takes the current contents as known, silently
  return watcher;
}

/** How a sync tool or another computer's Minute Book saves: a whole new file renamed over the old one. */
async function replaceByRename(path: string, text: string): Promise<void> {
  const temp = join(folder, `.syncthing.${Math.random().toString(16).slice(2)}.tmp`);
  await writeFile(temp, text);
  await rename(temp, path);
}

function changedTexts(): string[] {
  return events.flatMap((event) => (event.kind === 'changed' ? [event.contents.toString('utf8')] : []));
}

/** Waits until an event of this kind has arrived, failing after the 3 s the clerk is promised. */
function noticed(kind: FileWatchEvent['kind'], count = 1, withinMs = 3000): Promise<FileWatchEvent> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const look = setInterval(() => {
      const found = events.filter((event) => event.kind === kind);
      if (found.length >= count) {
        clearInterval(look);
        resolve(found[count - 1]!);
      } else if (Date.now() - started > withinMs) {
        clearInterval(look);
        reject(new Error(`no “${kind}” within ${withinMs} ms; saw ${JSON.stringify(events.map((event) => event.kind))}`));
      }
    }, 20);
  });
}

describe('watching an open meeting file for changes made elsewhere', () => {
  it('notices a colleague’s save (a new file renamed over the old one) within 3 s and hands over the new contents', async () => {
    await startWatching();
    await replaceByRename(file, '{"minutes":"colleague fixed a name"}\n');
    const event = await noticed('changed');
    expect(event).toMatchObject({ kind: 'changed', hash: contentHash('{"minutes":"colleague fixed a name"}\n') });
    expect(changedTexts()).toEqual(['{"minutes":"colleague fixed a name"}\n']);
  });

  it('notices changes within 3 s by polling alone, as on a network drive that sends no events', async () => {
    await startWatching({ useEvents: false });
    await replaceByRename(file, '{"minutes":"second"}\n');
    await noticed('changed', 1);
    await writeFile(file, '{"minutes":"third, written in place"}\n');
    await noticed('changed', 2);
    expect(changedTexts()).toEqual(['{"minutes":"second"}\n', '{"minutes":"third, written in place"}\n']);
  });

  it('does not report our own save, but does report a colleague’s save that follows it', async () => {
    const w = await startWatching({ useEvents: false, pollMs: 60_000 });
    const ours = '{"minutes":"what this clerk typed"}\n';
    w.expectOwnWrite(contentHash(ours));
    await replaceByRename(file, ours);
    await w.checkNow();
    expect(events).toEqual([]);
    expect(w.knownHash).toBe(contentHash(ours));

    await replaceByRename(file, '{"minutes":"colleague"}\n');
    await w.checkNow();
    expect(changedTexts()).toEqual(['{"minutes":"colleague"}\n']);
  });

  it('does not report our earlier saves overtaken by a later one when a colleague later writes the same bytes', async () => {
    const w = await startWatching({ useEvents: false, pollMs: 60_000 });
    const first = '{"minutes":"draft 1"}\n';
    const second = '{"minutes":"draft 2"}\n';
    w.expectOwnWrite(contentHash(first));
    w.expectOwnWrite(contentHash(second));
    await replaceByRename(file, first);
    await replaceByRename(file, second);
    await w.checkNow();
    expect(events).toEqual([]);
    // A colleague puts back "draft 1": that is a change, even though we once wrote those bytes.
    await replaceByRename(file, first);
    await w.checkNow();
    expect(changedTexts()).toEqual([first]);
  });

  it('does not report a file that was only touched (same contents, new modification time)', async () => {
    const w = await startWatching({ useEvents: false, pollMs: 60_000 });
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    await w.checkNow();
    expect(events).toEqual([]);
  });

  it('says the library folder is unreachable when it goes away, and back when it returns with the changes made meanwhile', async () => {
    await startWatching();
    const away = join(root, 'meetings-unmapped');
    await rename(join(root, 'meetings'), away);
    const unreachable = await noticed('unreachable');
    expect(unreachable).toMatchObject({ kind: 'unreachable', problem: expect.stringContaining('not there') });

    await writeFile(join(away, '2026', '2026-11-10 planning.json'), '{"minutes":"edited while away"}\n');
    await rename(away, join(root, 'meetings'));
    await noticed('back');
    await noticed('changed');
    expect(events.map((event) => event.kind)).toEqual(['unreachable', 'back', 'changed']);
    expect(changedTexts()).toEqual(['{"minutes":"edited while away"}\n']);

    // Watching goes on in the folder that came back.
    await replaceByRename(file, '{"minutes":"after the return"}\n');
    await noticed('changed', 2);
  });

  it('says the file was removed when it is deleted, and back when it reappears', async () => {
    await startWatching();
    await rm(file);
    await noticed('removed');
    await replaceByRename(file, '{"minutes":"first version"}\n');
    await noticed('back');
    await replaceByRename(file, '{"minutes":"changed after coming back"}\n');
    await noticed('changed');
    // Same contents as before the deletion: back, but nothing changed.
    expect(events.map((event) => event.kind)).toEqual(['removed', 'back', 'changed']);
  });

  it('keeps reporting after a listener throws', async () => {
    const w = watchFile(
      file,
      (event) => {
        events.push(event);
        throw new Error('listener failed');
      },
      { useEvents: false, pollMs: 60_000 },
    );
    watcher = w;
    await w.checkNow();
    await replaceByRename(file, '{"minutes":"one"}\n');
    await w.checkNow();
    await replaceByRename(file, '{"minutes":"two"}\n');
    await w.checkNow();
    expect(changedTexts()).toEqual(['{"minutes":"one"}\n', '{"minutes":"two"}\n']);
  });

  it('leaves no timer or folder watch behind once closed', async () => {
    const kinds = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'FSEventWrap').length;
    const before = kinds();
    const w = watchFile(file, (event) => events.push(event), { pollMs: 50 });
    await w.checkNow();
    expect(kinds()).toBeGreaterThan(before);
    await w.close();
    // A closed folder watch is released by Node on a later turn of the event loop.
    for (let turn = 0; turn < 100 && kinds() > before; turn += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(kinds()).toBe(before);
    await replaceByRename(file, '{"minutes":"after closing"}\n');
    await w.checkNow();
    expect(events).toEqual([]);
  });
});
