/**
 * A library folder shared by clerks on computers of their own (as on a network drive): each
 * computer has its own settings and journal, and a core on the one library. A fresh folder for
 * every test, removed afterwards with every core started on it; plus the meeting most such tests
 * start from and a way to wait for what happens in the background.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ApiEvent } from '../../main/domain/api';
import { createAgendaItem, type Meeting, type MinuteBlock } from '../../main/domain/meeting';
import { parseMeetingData } from '../../main/domain/migrations';
import { createMinuteBookCore, type CoreOptions, type MinuteBookCore } from '../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../main/core/settingsFile';
import { PATIENCE_MS } from './patience';
import { sampleDetails } from './tempLibrary';

/** Where the meeting made from sampleDetails is filed, relative to the library. */
export const MEETING_FILE = 'meetings/2026/2026-11-10 children-s-services-scrutiny-panel.json';

export interface Computer {
  core: MinuteBookCore;
  /** Everything the core has told its window so far. */
  events: ApiEvent[];
  /** The computer's own folder (settings and journal). */
  data: string;
}

export interface SharedLibrary {
  /** The test's folder: the library and each computer's own folder are inside it. */
  readonly root: string;
  readonly library: string;
  /** A clerk on a computer of their own, with quick save, presence and copy-scan timings for tests. */
  computer(displayName: string, computerName: string, options?: Partial<CoreOptions>): Computer;
  /** The meeting's file in the library (or in the library moved to `folder`). */
  meetingPath(folder?: string): string;
  /** The meeting as its file holds it, checked against the schema. */
  fileMeeting(folder?: string): Promise<Meeting>;
}

/**
 * Registers a fresh shared library for every test of the file (call at the top level); `defaults`
 * are core options every computer in that file gets.
 */
export function sharedLibraryForEachTest(prefix: string, defaults: Partial<CoreOptions> = {}): SharedLibrary {
  let root = '';
  const cores: MinuteBookCore[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), prefix));
  });

  afterEach(async () => {
    await Promise.all(cores.splice(0).map((core) => core.close().catch(() => undefined)));
    await rm(root, { recursive: true, force: true });
  });

  const shared: SharedLibrary = {
    get root() {
      return root;
    },
    get library() {
      return join(root, 'library');
    },
    computer(displayName, computerName, options = {}) {
      const data = join(root, computerName);
      const settings = fileSettingsStore(join(data, 'settings.json'), { displayName, libraryPath: shared.library });
      const core = createMinuteBookCore({
        settings,
        journalDir: join(data, 'journal'),
        computerName,
        saveDelayMs: 50,
        presencePollMs: 300,
        copyScanMs: 500,
        ...defaults,
        ...options,
      });
      cores.push(core);
      const events: ApiEvent[] = [];
      core.onEvent((event) => events.push(event));
      return { core, events, data };
    },
    meetingPath(folder = shared.library) {
      return join(folder, ...MEETING_FILE.split('/'));
    },
    async fileMeeting(folder) {
      const parsed = parseMeetingData(JSON.parse(await readFile(shared.meetingPath(folder), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.meeting;
    },
  };
  return shared;
}

/** Checks again every 25 ms until `check` gives something (not undefined or false); a wait past PATIENCE_MS is a hang. */
export async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = PATIENCE_MS): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await check();
    if (found !== undefined && found !== false) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function paragraph(id: string, text: string): MinuteBlock {
  return { id, type: 'paragraph', runs: [{ text }] };
}

/** The first paragraph of the meeting setUpMeeting makes. */
export const OPENING = paragraph('blk00001', 'The Director introduced the report.');

/** A meeting (sampleDetails) with one item and one paragraph, set up on `core` and closed. */
export async function setUpMeeting(core: MinuteBookCore): Promise<{ meetingId: string; itemId: string }> {
  const { meeting, view } = await core.handlers['meetings.create'](sampleDetails);
  const item = createAgendaItem('Director’s update');
  await core.handlers['meetings.applyChanges']({
    seenView: view,
    meetingId: meeting.id,
    changes: [
      { kind: 'item.add', item, index: 0 },
      { kind: 'item.minutes', itemId: item.id, minutes: [OPENING] },
    ],
  });
  await core.handlers['meetings.close']({ meetingId: meeting.id });
  return { meetingId: meeting.id, itemId: item.id };
}
