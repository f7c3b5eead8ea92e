import { describe, expect, it, vi } from 'vitest';
import type { SaveState } from '../../main/domain/api';
import type { MeetingChange } from '../../main/domain/changes';
import { ApiError } from '../../renderer/api/client';
import { coalesceChange, MeetingChangeQueue } from '../../renderer/meetings/meetingChangeQueue';

const saved: SaveState = { meetingId: 'meeting-0001', state: 'saving', pendingChanges: 1 };
const minutes = (itemId: string, text: string): MeetingChange => ({
  kind: 'item.minutes',
  itemId,
  minutes: [{ id: 'blk-0001', type: 'paragraph', runs: [{ text }] }],
});

function deferredSender() {
  const batches: MeetingChange[][] = [];
  const answers: { resolve: (state: SaveState) => void; reject: (error: unknown) => void }[] = [];
  const send = vi.fn(
    (changes: MeetingChange[]) =>
      new Promise<SaveState>((resolve, reject) => {
        batches.push(changes);
        answers.push({ resolve, reject });
      }),
  );
  return { send, batches, answers };
}

describe('coalescing changes', () => {
  it('keeps only the latest minutes of the same item, and merges edits of the same item', () => {
    const waiting: MeetingChange[] = [minutes('item-a1', 'one')];
    expect(coalesceChange(waiting, minutes('item-a1', 'one two'))).toBe(true);
    expect(waiting).toEqual([minutes('item-a1', 'one two')]);
    expect(coalesceChange(waiting, minutes('item-b2', 'other'))).toBe(false);

    const edits: MeetingChange[] = [{ kind: 'item.update', itemId: 'item-a1', fields: { title: 'Apologies' } }];
    expect(coalesceChange(edits, { kind: 'item.update', itemId: 'item-a1', fields: { background: 'None' } })).toBe(true);
    expect(edits).toEqual([{ kind: 'item.update', itemId: 'item-a1', fields: { title: 'Apologies', background: 'None' } }]);
    expect(coalesceChange(edits, { kind: 'item.update', itemId: 'item-b2', fields: { title: 'x' } })).toBe(false);
  });

  it('keeps only the latest version of the same declaration, decision or action', () => {
    const action = (text: string): MeetingChange => ({
      kind: 'entity.put',
      collection: 'actions',
      entity: { id: 'act-0001', itemId: 'item-a1', text, ownerName: '', status: 'open' },
    });
    const waiting: MeetingChange[] = [action('C')];
    expect(coalesceChange(waiting, action('Ci'))).toBe(true);
    expect(waiting).toEqual([action('Ci')]);
    expect(
      coalesceChange(waiting, {
        kind: 'entity.put',
        collection: 'actions',
        entity: { id: 'act-0002', itemId: 'item-a1', text: '', ownerName: '', status: 'open' },
      }),
    ).toBe(false);
  });
});

describe('coalescing paragraph changes', () => {
  const put = (blockId: string, text: string, after: string | null, itemId = 'item-a1'): MeetingChange => ({
    kind: 'block.put',
    itemId,
    block: { id: blockId, type: 'paragraph', runs: [{ text }] },
    after,
  });

  it('keeps one change for a burst of typing in the same paragraph, put where the first one put it', () => {
    const waiting: MeetingChange[] = [put('blk-new1', 'T', 'blk-0001')];
    expect(coalesceChange(waiting, put('blk-new1', 'The Chair', 'blk-0009'))).toBe(true);
    expect(waiting).toEqual([put('blk-new1', 'The Chair', 'blk-0001')]);
  });

  it('reaches back past other paragraphs put since (Enter, then typing on), but never past anything else', () => {
    const waiting: MeetingChange[] = [put('blk-0001', 'One', null), put('blk-new1', 'Tw', 'blk-0001')];
    expect(coalesceChange(waiting, put('blk-0001', 'One.', null))).toBe(true);
    expect(waiting).toEqual([put('blk-0001', 'One.', null), put('blk-new1', 'Tw', 'blk-0001')]);

    const removed: MeetingChange[] = [put('blk-0001', 'One', null), { kind: 'block.remove', itemId: 'item-a1', blockId: 'blk-0002' }];
    expect(coalesceChange(removed, put('blk-0001', 'One.', null))).toBe(false);
    expect(coalesceChange([put('blk-0001', 'One', null)], put('blk-0001', 'One.', null, 'item-b2'))).toBe(false);
  });

  it('coalesces a burst typed while a request is out into one paragraph change', async () => {
    const { send, batches, answers } = deferredSender();
    const queue = new MeetingChangeQueue({ send, onSaveState: vi.fn(), onError: vi.fn() });
    queue.add(put('blk-0001', 'T', null));
    for (const text of ['Th', 'The', 'The Chair', 'The Chair welcomed']) queue.add(put('blk-0001', text, null));
    answers[0]?.resolve(saved);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(batches[1]).toEqual([put('blk-0001', 'The Chair welcomed', null)]);
    answers[1]?.resolve(saved);
  });
});

describe('the meeting change queue', () => {
  it('has at most one request in flight and sends what waited as one coalesced batch', async () => {
    const { send, batches, answers } = deferredSender();
    const onBusyChange = vi.fn();
    const queue = new MeetingChangeQueue({ send, onSaveState: vi.fn(), onError: vi.fn(), onBusyChange });
    queue.add(minutes('item-a1', 'T'));
    queue.add(minutes('item-a1', 'Th'));
    queue.add(minutes('item-a1', 'The'));
    queue.add({ kind: 'item.move', itemId: 'item-a1', toIndex: 0 });
    queue.add(minutes('item-a1', 'The C'));
    expect(send).toHaveBeenCalledTimes(1);
    expect(batches[0]).toEqual([minutes('item-a1', 'T')]);
    answers[0]?.resolve(saved);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(batches[1]).toEqual([minutes('item-a1', 'The'), { kind: 'item.move', itemId: 'item-a1', toIndex: 0 }, minutes('item-a1', 'The C')]);
    const idle = queue.whenIdle();
    answers[1]?.resolve(saved);
    await idle;
    expect(onBusyChange.mock.calls).toEqual([[true], [false]]);
  });

  it('keeps changes and tries again when the core cannot be reached, but hands a refused batch to the screen to reload', async () => {
    vi.useFakeTimers();
    try {
      const { send, batches, answers } = deferredSender();
      const onError = vi.fn();
      const onRefused = vi.fn();
      const queue = new MeetingChangeQueue({ send, onSaveState: vi.fn(), onError, onRefused, retryDelayMs: 1000 });
      queue.add(minutes('item-a1', 'kept'));
      answers[0]?.reject(new ApiError('not responding', 'unreachable'));
      await vi.advanceTimersByTimeAsync(0);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(send).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(batches[1]).toEqual([minutes('item-a1', 'kept')]);
      queue.add(minutes('item-b2', 'after'));
      const refusal = new ApiError('meetings.applyChanges was refused', 'invalid-input');
      answers[1]?.reject(refusal);
      await vi.advanceTimersByTimeAsync(0);
      // The refused batch is not tried again; what came after it is still sent.
      expect(onRefused).toHaveBeenCalledWith(refusal);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(batches[2]).toEqual([minutes('item-b2', 'after')]);
      expect(queue.isBusy()).toBe(true);
      answers[2]?.resolve(saved);
      await queue.whenIdle();
      await vi.advanceTimersByTimeAsync(5000);
      expect(send).toHaveBeenCalledTimes(3);
      expect(queue.isBusy()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tries again less often each time the core cannot be reached, and says how many changes are held in the window until when', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-10T10:00:00Z') });
    try {
      const { send, answers } = deferredSender();
      const held: unknown[] = [];
      const queue = new MeetingChangeQueue({
        send,
        onSaveState: vi.fn(),
        onError: vi.fn(),
        retryDelayMs: 1000,
        maxRetryDelayMs: 4000,
        onHeldBack: (each) => held.push(each),
      });
      queue.add(minutes('item-a1', 'kept'));
      const triedAt: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        expect(send).toHaveBeenCalledTimes(attempt + 1);
        triedAt.push(Date.now() - new Date('2026-11-10T10:00:00Z').getTime());
        answers[attempt]?.reject(new ApiError('not responding', 'unreachable'));
        await vi.advanceTimersByTimeAsync(0);
        if (attempt === 0) queue.add({ kind: 'item.move', itemId: 'item-a1', toIndex: 0 });
        await vi.advanceTimersToNextTimerAsync();
      }
      // 1 s, 2 s, 4 s, then no more than the longest wait.
      expect(triedAt).toEqual([0, 1000, 3000, 7000, 11000]);
      expect(held.slice(0, 2)).toEqual([
        { changes: 1, nextTryAt: '2026-11-10T10:00:01.000Z' },
        { changes: 2, nextTryAt: '2026-11-10T10:00:01.000Z' },
      ]);
      expect(held[held.length - 1]).toEqual({ changes: 2, nextTryAt: '2026-11-10T10:00:15.000Z' });
      expect(send).toHaveBeenCalledTimes(6);
      answers[5]?.resolve(saved);
      await queue.whenIdle();
      expect(held[held.length - 1]).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a refused batch again one change at a time, so only the change the core refuses is lost', async () => {
    const { send, batches, answers } = deferredSender();
    const onRefused = vi.fn();
    const queue = new MeetingChangeQueue({ send, onSaveState: vi.fn(), onError: vi.fn(), onRefused });
    queue.add(minutes('item-a1', 'first'));
    queue.add(minutes('item-b2', 'bad'));
    queue.add(minutes('item-c3', 'good'));
    answers[0]?.resolve(saved);
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect(batches[1]).toHaveLength(2);
    const refusal = new ApiError('This item is no longer in the meeting.', 'refused');
    answers[1]?.reject(refusal);
    await vi.waitFor(() => expect(batches).toHaveLength(3));
    expect(onRefused).not.toHaveBeenCalled();
    expect(batches[2]).toEqual([minutes('item-b2', 'bad')]);
    answers[2]?.reject(refusal);
    await vi.waitFor(() => expect(batches).toHaveLength(4));
    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(batches[3]).toEqual([minutes('item-c3', 'good')]);
    answers[3]?.resolve(saved);
    await queue.whenIdle();
    expect(send).toHaveBeenCalledTimes(4);
  });
});

describe('what the core has not acknowledged yet', () => {
  it('is the batch on its way and those waiting, until the core answers for them', async () => {
    const { send, answers } = deferredSender();
    const acknowledged: MeetingChange[][] = [];
    const queue = new MeetingChangeQueue({
      send,
      onSaveState: () => undefined,
      onError: () => undefined,
      onAcknowledged: (changes) => acknowledged.push([...changes]),
    });
    const title: MeetingChange = { kind: 'item.update', itemId: 'item-b2', fields: { title: 'Apologies' } };
    queue.add(minutes('item-a1', 'one'));
    queue.add(title);
    expect(queue.unacknowledged()).toEqual([minutes('item-a1', 'one'), title]);
    answers[0]!.resolve(saved);
    await vi.waitFor(() => expect(acknowledged).toEqual([[minutes('item-a1', 'one')]]));
    expect(queue.unacknowledged()).toEqual([title]);
    answers[1]!.resolve(saved);
    await queue.whenIdle();
    expect(queue.unacknowledged()).toEqual([]);
    expect(acknowledged).toEqual([[minutes('item-a1', 'one')], [title]]);
  });
});

describe('the view each change was made on', () => {
  it('is sent with the batch: changes made before an update go with the old view, even when sent after it', async () => {
    const views: (number | undefined)[] = [];
    const answers: ((state: SaveState) => void)[] = [];
    const batches: MeetingChange[][] = [];
    const send = vi.fn(
      (changes: MeetingChange[], seenView: number | undefined) =>
        new Promise<SaveState>((resolve) => {
          batches.push(changes);
          views.push(seenView);
          answers.push(resolve);
        }),
    );
    let shown = 7;
    const queue = new MeetingChangeQueue({ send, onSaveState: () => undefined, onError: () => undefined, currentView: () => shown });

    // One batch on its way; more typing waits behind it.
    queue.add(minutes('item-a1', 'one'));
    queue.add(minutes('item-a1', 'one two'));
    queue.add({ kind: 'item.update', itemId: 'item-b2', fields: { title: 'Apologies' } });
    // A colleague's update reaches the screen; the clerk types on in it.
    shown = 8;
    queue.add(minutes('item-a1', 'one two three'));
    queue.add({ kind: 'item.update', itemId: 'item-b2', fields: { background: 'None' } });

    answers[0]!(saved);
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    // Waiting since before the update: sent after it, with the view it was made on (and not merged with what came after).
    expect(batches[1]).toEqual([minutes('item-a1', 'one two'), { kind: 'item.update', itemId: 'item-b2', fields: { title: 'Apologies' } }]);
    answers[1]!(saved);
    await vi.waitFor(() => expect(batches).toHaveLength(3));
    expect(batches[2]).toEqual([minutes('item-a1', 'one two three'), { kind: 'item.update', itemId: 'item-b2', fields: { background: 'None' } }]);
    answers[2]!(saved);
    await queue.whenIdle();
    expect(views).toEqual([7, 7, 8]);
  });
});
