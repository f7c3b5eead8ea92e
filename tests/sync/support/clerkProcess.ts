/**
 * A clerk at a computer, as a separate process: its own core (own settings and journal), a
 * library folder (shared with others, or synced by a tool), one meeting open, and a random edit
 * script sent through the contract's handlers exactly as the screen sends changes. Driven over
 * IPC by ClerkDriver (clerkDriver.ts); generic over the library path, so the shared-folder,
 * offline and Syncthing tests all use it.
 *
 *   node --import tsx clerkProcess.ts '<ClerkConfig as JSON>'
 *
 * Every marker it types is unique ("<prefix>-<n>") and reported to the driver once the core has
 * it on this computer's disk (journaled).
 */
import { join } from 'node:path';
import { createMinuteBookCore } from '../../../main/core/minuteBookCore';
import { fileSettingsStore } from '../../../main/core/settingsFile';
import type { ApiEvent } from '../../../main/domain/api';
import type { MeetingChange } from '../../../main/domain/changes';
import { newId, type Meeting, type MinuteBlock } from '../../../main/domain/meeting';
import type { ClerkConfig, ClerkReport, FromClerk, ToClerk } from './clerkProtocol';

const config = JSON.parse(process.argv[2] ?? '{}') as ClerkConfig;
const send = (message: FromClerk): void => {
  process.send?.(message);
};

/** A small seeded generator, so a failing run can be repeated with the same script. */
let seed = config.seed >>> 0 || 1;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const settings = fileSettingsStore(join(config.data, 'settings.json'), { displayName: config.displayName, libraryPath: config.library });
const options: Parameters<typeof createMinuteBookCore>[0] = {
  settings,
  journalDir: join(config.data, 'journal'),
  computerName: config.computerName,
  saveDelayMs: config.saveDelayMs ?? 300,
};
for (const key of ['pollMs', 'presencePollMs', 'copyScanMs', 'heartbeatMs', 'staleAfterMs', 'retryDelayMs'] as const) {
  if (config[key] !== undefined) options[key] = config[key];
}
const core = createMinuteBookCore(options);

const stats: ClerkReport['stats'] = { edits: 0, refused: 0, updates: 0, automatic: 0, newConflicts: 0, failures: [] };
const typed: string[] = [];
let marker = 0;
let running = false;
let loop: Promise<void> | undefined;
const meetingId = config.meetingId;

core.onEvent((event: ApiEvent) => {
  if (event.type === 'meetingUpdated') {
    stats.updates += 1;
    stats.automatic += event.automatic;
    stats.newConflicts += event.newConflicts;
  }
  if (event.type === 'presence' || event.type === 'saveState')
    send({ type: 'event', event: event.type === 'presence' ? { type: 'presence', meetingId: event.meetingId, presence: event.presence } : event });
});

function nextMarker(): string {
  marker += 1;
  return `${config.markerPrefix}-${marker}-${newId().slice(0, 6)}`;
}

function text(block: MinuteBlock): string {
  return block.runs.map((run) => run.text).join('');
}

/** One random edit on the meeting as it is now in the core. */
function chooseEdit(meeting: Meeting): { changes: MeetingChange[]; markers: string[] } {
  const items = meeting.agenda;
  const item = pick(items);
  const roll = random();
  if (roll < 0.4 || items.length === 0) {
    if (items.length === 0) return { changes: [], markers: [] };
    const m = nextMarker();
    const minutes = item.minutes.slice();
    minutes.splice(Math.floor(random() * (minutes.length + 1)), 0, {
      id: newId(),
      type: random() < 0.2 ? 'bullet' : 'paragraph',
      runs: [{ text: `The committee noted ${m}.` }],
    });
    return { changes: [{ kind: 'item.minutes', itemId: item.id, minutes }], markers: [m] };
  }
  if (roll < 0.55 && config.sharedBlockId) {
    // The same paragraph as the other clerk: both append to it.
    const holder = items.find((each) => each.minutes.some((block) => block.id === config.sharedBlockId));
    if (holder) {
      const m = nextMarker();
      const minutes = holder.minutes.map((block) => (block.id === config.sharedBlockId ? { ...block, runs: [{ text: `${text(block)} ${m}` }] } : block));
      return { changes: [{ kind: 'item.minutes', itemId: holder.id, minutes }], markers: [m] };
    }
  }
  if (roll < 0.65) {
    // Reword one of my own paragraphs: add to it.
    const mine = item.minutes.filter((block) => text(block).includes(`${config.markerPrefix}-`) && block.id !== config.sharedBlockId);
    if (mine.length > 0) {
      const target = pick(mine);
      const m = nextMarker();
      const minutes = item.minutes.map((block) => (block.id === target.id ? { ...block, runs: [{ text: `${text(block)} (${m})` }] } : block));
      return { changes: [{ kind: 'item.minutes', itemId: item.id, minutes }], markers: [m] };
    }
  }
  if (roll < 0.75) {
    const m = nextMarker();
    return {
      changes: [
        {
          kind: 'entity.put',
          collection: 'actions',
          entity: { id: newId(), itemId: item.id, text: `Director to report back on ${m}`, ownerName: 'Director of Children’s Services', status: 'open' },
        },
      ],
      markers: [m],
    };
  }
  if (roll < 0.85) {
    const m = nextMarker();
    return {
      changes: [
        {
          kind: 'entity.put',
          collection: 'decisions',
          entity: { id: newId(), itemId: item.id, kind: 'RESOLVED', points: [{ id: newId(), text: `That ${m} be approved.` }] },
        },
      ],
      markers: [m],
    };
  }
  if (roll < 0.95 && meeting.attendees.length > 0) {
    const attendee = pick(meeting.attendees);
    const status = pick(['present', 'apologies', 'remote', 'absent'] as const);
    return { changes: [{ kind: 'entity.put', collection: 'attendees', entity: { ...attendee, status } }], markers: [] };
  }
  if (items.length > 1) return { changes: [{ kind: 'item.move', itemId: item.id, toIndex: Math.floor(random() * items.length) }], markers: [] };
  return { changes: [], markers: [] };
}

async function editLoop(): Promise<void> {
  const [min, max] = config.editIntervalMs ?? [40, 200];
  while (running) {
    try {
      const { meeting, view } = await core.handlers['meetings.open']({ meetingId });
      const { changes, markers } = chooseEdit(meeting);
      if (changes.length > 0) {
        await core.handlers['meetings.applyChanges']({ seenView: view, meetingId, changes });
        stats.edits += 1;
        for (const each of markers) {
          typed.push(each);
          send({ type: 'typed', marker: each });
        }
      }
    } catch (error) {
      stats.refused += 1;
      if (stats.failures.length < 20) stats.failures.push(error instanceof Error ? error.message : String(error));
    }
    await new Promise((resolve) => setTimeout(resolve, min + random() * (max - min)));
  }
}

async function report(): Promise<ClerkReport> {
  const opened = await core.handlers['meetings.open']({ meetingId });
  const result: ClerkReport = { meeting: opened.meeting, saveState: opened.saveState, presence: opened.presence, typed, stats };
  if (opened.replayedChanges !== undefined) result.replayedChanges = opened.replayedChanges;
  return result;
}

process.on('message', (raw: unknown) => {
  const message = raw as ToClerk;
  void (async () => {
    try {
      switch (message.type) {
        case 'resume':
          if (!running) {
            running = true;
            loop = editLoop();
          }
          send({ type: 'ok', id: message.id });
          return;
        case 'pause':
        case 'stop':
          running = false;
          await loop;
          if (message.type === 'stop') await core.flushAll();
          send({ type: 'ok', id: message.id });
          return;
        case 'report':
          send({ type: 'report', id: message.id, report: await report() });
          return;
        case 'presence':
          send({ type: 'presence', id: message.id, presence: (await core.handlers['meetings.presence']({ meetingId })).presence });
          return;
        case 'list':
          send({ type: 'list', id: message.id, listing: await core.handlers['meetings.list']({}) });
          return;
        case 'close':
          running = false;
          await loop;
          await core.close();
          send({ type: 'ok', id: message.id });
          process.exit(0);
      }
    } catch (error) {
      send({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  })();
});

// Open the meeting (or only start, for a library that cannot be reached) and say so.
try {
  if (config.openOnStart === false) {
    send({ type: 'ready', opened: undefined });
  } else {
    const opened = await core.handlers['meetings.open']({ meetingId, mode: config.mode ?? 'edit' });
    send({ type: 'ready', opened: { notices: opened.notices, presence: opened.presence, mode: opened.mode, saveState: opened.saveState } });
  }
} catch (error) {
  send({ type: 'ready', opened: undefined, problem: error instanceof Error ? error.message : String(error) });
}
