import { describe, expect, it, vi } from 'vitest';
import type { SaveState } from '../../main/domain/api';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, createMeeting, type Meeting, type MinuteBlock } from '../../main/domain/meeting';
import { ApiError } from '../../renderer/api/client';
import { OpenMeeting, type CoreMeeting, type OpenMeetingOptions, type ShownBecause, type TypedMinutes } from '../../renderer/meetings/openMeeting';

const paragraph = (id: string, text: string): MinuteBlock => ({ id, type: 'paragraph', runs: [{ text }] });

function meetingWithOneItem(): Meeting {
  const meeting = createMeeting(
    { committee: 'Planning Committee', title: '', date: '2022-11-08', startTime: '10:00', venue: 'Guildhall' },
    new Date('2022-11-01T09:00:00Z'),
  );
  const item = { ...createAgendaItem('Director’s report'), id: 'item-a1', minutes: [paragraph('blk-0001', 'The Director reported.')] };
  return { ...meeting, agenda: [item] };
}

function withChanges(meeting: Meeting, changes: readonly MeetingChange[]): Meeting {
  return changes.reduce((current, change) => applyMeetingChange(current, change, new Date()), meeting);
}

interface Sent {
  changes: MeetingChange[];
  seenView: number | undefined;
  answer: (state: SaveState) => void;
  refuse: (error: unknown) => void;
}

function openMeeting(overrides: Partial<OpenMeetingOptions> = {}) {
  const meeting = meetingWithOneItem();
  const sent: Sent[] = [];
  const shown: { meeting: Meeting; because: ShownBecause }[] = [];
  const saveStates: SaveState[] = [];
  const errors: unknown[] = [];
  const reopen = vi.fn<() => Promise<CoreMeeting>>();
  let selected: string | undefined = 'item-a1';
  let editor: TypedMinutes | null = null;
  const session = new OpenMeeting({
    opened: { meeting, view: 1, mode: 'edit' },
    send: (changes, seenView) => new Promise<SaveState>((answer, refuse) => sent.push({ changes, seenView, answer, refuse })),
    reopen,
    selectedItemId: () => selected,
    typedMinutes: () => editor,
    onShown: (next, because) => shown.push({ meeting: next, because }),
    onSaveState: (state) => saveStates.push(state),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return {
    session,
    meeting,
    sent,
    shown,
    saveStates,
    errors,
    reopen,
    select: (itemId: string | undefined) => (selected = itemId),
    useEditor: (typed: TypedMinutes) => (editor = typed),
  };
}

const saving: SaveState = { meetingId: 'm', state: 'saving', pendingChanges: 1 };
const rename = (title: string): MeetingChange => ({ kind: 'item.update', itemId: 'item-a1', fields: { title } });

describe('the window’s copy of an open meeting', () => {
  it('shows the clerk’s change at once and sends it with the view it was made on', () => {
    const { session, sent, shown } = openMeeting();
    session.apply([rename('Director’s update')]);
    expect(session.meeting.agenda[0]?.title).toBe('Director’s update');
    expect(shown.map((each) => each.because)).toEqual(['local']);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ changes: [rename('Director’s update')], seenView: 1 });
    expect(session.hasUnsent()).toBe(true);
  });

  it('skips a change to something no longer there, and sends nothing when nothing applied', () => {
    const { session, sent, shown } = openMeeting();
    session.apply([{ kind: 'item.update', itemId: 'item-gone', fields: { title: 'x' } }]);
    expect(sent).toHaveLength(0);
    expect(shown).toHaveLength(0);
  });

  it('sends nothing while read only, and starts sending after "Edit as well"', () => {
    const { session, sent, meeting } = openMeeting({ opened: { meeting: meetingWithOneItem(), view: 1, mode: 'read-only' } });
    expect(session.isReadOnly).toBe(true);
    session.apply([rename('Not sent')]);
    expect(sent).toHaveLength(0);
    expect(session.meeting.agenda[0]?.title).toBe('Director’s report');
    session.changeMode({ meeting, view: 2, mode: 'edit' });
    expect(session.isReadOnly).toBe(false);
    session.apply([rename('Sent')]);
    expect(sent[0]).toMatchObject({ seenView: 2 });
  });

  it('puts the clerk’s unacknowledged changes back on top of a colleague’s update', () => {
    const { session, meeting, sent, shown } = openMeeting();
    session.apply([rename('Mine')]);
    const theirs = withChanges(meeting, [{ kind: 'meeting.update', fields: { venue: 'Council Chamber' } }]);
    session.takeUpdate({ meeting: theirs, view: 2 });
    expect(session.meeting.venue).toBe('Council Chamber');
    expect(session.meeting.agenda[0]?.title).toBe('Mine');
    expect(session.currentView).toBe(2);
    expect(shown.at(-1)?.because).toBe('merged');
    // Made after the update: sent on the new view, once the first batch is answered.
    session.apply([rename('Mine again')]);
    sent[0]!.answer(saving);
    return vi.waitFor(() => expect(sent[1]).toMatchObject({ seenView: 2 }));
  });

  it('reconciles the minutes being typed with the colleague’s, and sends again what the core lacks', () => {
    const { session, meeting, sent, useEditor } = openMeeting();
    const typed = [paragraph('blk-0001', 'The Director reported.'), paragraph('blk-0002', 'Typed here, not yet sent.')];
    const showMinutes = vi.fn();
    useEditor({ flush: vi.fn(), blocks: () => typed, showMinutes });
    const theirs = withChanges(meeting, [{ kind: 'block.put', itemId: 'item-a1', block: paragraph('blk-0003', 'Their paragraph.'), after: 'blk-0001' }]);
    session.takeUpdate({ meeting: theirs, view: 2 });
    const texts = (blocks: readonly MinuteBlock[]) => blocks.map((block) => block.runs.map((run) => run.text).join(''));
    expect(texts(showMinutes.mock.calls[0]![0] as MinuteBlock[])).toEqual(
      expect.arrayContaining(['The Director reported.', 'Their paragraph.', 'Typed here, not yet sent.']),
    );
    expect(texts(session.meeting.agenda[0]!.minutes)).toEqual(expect.arrayContaining(['Their paragraph.', 'Typed here, not yet sent.']));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.seenView).toBe(2);
    expect(JSON.stringify(sent[0]!.changes)).toContain('Typed here, not yet sent.');
  });

  it('moves its picture of the core on as changes are acknowledged', async () => {
    const { session, meeting, sent } = openMeeting();
    session.apply([rename('Acknowledged')]);
    sent[0]!.answer(saving);
    await vi.waitFor(() => expect(session.hasUnsent()).toBe(false));
    expect(session.unacknowledged()).toEqual([]);
    // The core's update holds the acknowledged change: nothing is put back or sent again.
    session.takeUpdate({ meeting: withChanges(meeting, [rename('Acknowledged')]), view: 2 });
    expect(session.meeting.agenda[0]?.title).toBe('Acknowledged');
    expect(sent).toHaveLength(1);
  });

  it('reloads the meeting from the core after a refused change', async () => {
    const { session, meeting, sent, shown, errors, reopen } = openMeeting();
    reopen.mockResolvedValue({ meeting, view: 5 });
    session.apply([rename('Refused')]);
    const refusal = new ApiError('That change cannot be made.', 'invalid-change');
    sent[0]!.refuse(refusal);
    await vi.waitFor(() => expect(shown.at(-1)?.because).toBe('replaced'));
    expect(errors).toEqual([refusal]);
    expect(session.meeting.agenda[0]?.title).toBe('Director’s report');
    expect(session.currentView).toBe(5);
  });

  it('replaces the meeting shown with a restored version', () => {
    const { session, meeting, shown } = openMeeting();
    const restored = withChanges(meeting, [rename('As it was')]);
    session.replace({ meeting: restored, view: 9 });
    expect(session.meeting).toBe(restored);
    expect(session.currentView).toBe(9);
    expect(shown.at(-1)).toEqual({ meeting: restored, because: 'replaced' });
  });

  it('sends what is typed before waiting for the core, and says when the wait ran out', async () => {
    const flush = vi.fn();
    const { session, sent, useEditor } = openMeeting();
    useEditor({ flush, blocks: () => [], showMinutes: vi.fn() });
    session.apply([rename('Waiting')]);
    vi.useFakeTimers();
    try {
      const reached = session.sendEverything(1000);
      expect(flush).toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1000);
      await expect(reached).resolves.toBe(false);
    } finally {
      vi.useRealTimers();
    }
    sent[0]!.answer(saving);
    await expect(session.sendEverything(1000)).resolves.toBe(true);
  });
});
