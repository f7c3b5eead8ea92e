/** What the screen sends for typed minutes: only the paragraphs that changed, never the whole item. */
import { describe, expect, it } from 'vitest';
import { applyMeetingChange, type MeetingChange } from '../../main/domain/changes';
import { createAgendaItem, createMeeting, type Meeting, type MinuteBlock } from '../../main/domain/meeting';
import { minutesChanges } from '../../renderer/minutes/minutesChanges';

const at = new Date('2026-11-23T10:42:13Z');
const para = (id: string, text: string, type: MinuteBlock['type'] = 'paragraph'): MinuteBlock => ({ id, type, runs: text ? [{ text }] : [] });

function meetingWith(minutes: MinuteBlock[]): { meeting: Meeting; itemId: string } {
  const item = { ...createAgendaItem('Director’s update'), id: 'item0001', minutes };
  const meeting = applyMeetingChange(
    createMeeting({ committee: 'Planning', title: '', date: '2026-11-23', startTime: '10:00', venue: 'Guildhall' }, at),
    { kind: 'item.add', item, index: 0 },
    at,
  );
  return { meeting, itemId: item.id };
}

function applied(before: MinuteBlock[], changes: MeetingChange[]): MinuteBlock[] {
  const { meeting } = meetingWith(before);
  return changes.reduce((current, change) => applyMeetingChange(current, change, at), meeting).agenda[0]!.minutes;
}

describe('the paragraph changes for typed minutes', () => {
  const before = [
    para('blk00001', 'The Director introduced the report.'),
    para('blk00002', 'Members asked about caseloads.'),
    para('blk00003', 'Agency staff', 'bullet'),
  ];

  it('sends nothing when nothing changed, even for equal blocks that are not the same objects', () => {
    expect(minutesChanges('item0001', before, structuredClone(before))).toEqual([]);
  });

  it('sends only the paragraph typed in', () => {
    const after = [before[0]!, para('blk00002', 'Members asked about caseloads in two teams.'), before[2]!];
    expect(minutesChanges('item0001', before, after)).toEqual([{ kind: 'block.put', itemId: 'item0001', block: after[1], after: 'blk00001' }]);
  });

  it('sends a split paragraph as the shortened paragraph and the new one after it', () => {
    const after = [before[0]!, para('blk00002', 'Members asked'), para('blk0000n', 'about caseloads.'), before[2]!];
    expect(minutesChanges('item0001', before, after)).toEqual([
      { kind: 'block.put', itemId: 'item0001', block: after[1], after: 'blk00001' },
      { kind: 'block.put', itemId: 'item0001', block: after[2], after: 'blk00002' },
    ]);
  });

  it('sends a removed paragraph as a removal, a first paragraph as a put at the start, and a change of layout as a put', () => {
    const after = [para('blk0000f', 'First.'), before[0]!, { ...before[2]!, type: 'numbered' as const, level: 1 }];
    expect(minutesChanges('item0001', before, after)).toEqual([
      { kind: 'block.remove', itemId: 'item0001', blockId: 'blk00002' },
      { kind: 'block.put', itemId: 'item0001', block: after[0], after: null },
      { kind: 'block.put', itemId: 'item0001', block: after[2], after: 'blk00001' },
    ]);
  });

  it('sends a paragraph dragged elsewhere as one move', () => {
    const after = [before[2]!, before[0]!, before[1]!];
    expect(minutesChanges('item0001', before, after)).toEqual([{ kind: 'block.move', itemId: 'item0001', blockId: 'blk00003', after: null }]);
  });

  it('turns any minutes into any other minutes (random edits, splits, removals and moves)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let serial = 0;
    for (let round = 0; round < 300; round++) {
      const start = Array.from({ length: random(8) }, () => para(`blk${String(serial++).padStart(5, '0')}`, `Text ${serial}`));
      let after = start.slice();
      for (let step = random(6); step > 0; step--) {
        const index = random(after.length + 1);
        const choice = random(4);
        if (choice === 0) after.splice(index, 0, para(`new${String(serial++).padStart(5, '0')}`, `New ${serial}`));
        else if (choice === 1 && after.length > 0) after.splice(Math.min(index, after.length - 1), 1);
        else if (choice === 2 && after.length > 1) {
          const [moved] = after.splice(Math.min(index, after.length - 1), 1);
          after.splice(random(after.length + 1), 0, moved!);
        } else if (after.length > 0) {
          const at = Math.min(index, after.length - 1);
          after = after.map((block, position) => (position === at ? { ...block, runs: [{ text: `${block.runs[0]?.text ?? ''} edited` }] } : block));
        }
      }
      expect(applied(start, minutesChanges('item0001', start, after))).toEqual(after);
    }
  });

  it('costs what the edit costs: typing in one paragraph of a long item sends one paragraph', () => {
    const long = Array.from({ length: 2000 }, (_, index) =>
      para(`blk${String(index).padStart(5, '0')}`, 'Members discussed the report at some length and asked questions. '.repeat(3)),
    );
    const after = long.map((block, index) => (index === 1234 ? para(block.id, `${block.runs[0]!.text}Cllr Hale`) : block));
    const changes = minutesChanges('item0001', long, after);
    expect(changes).toHaveLength(1);
    expect(JSON.stringify(changes).length).toBeLessThan(400);
  });
});
