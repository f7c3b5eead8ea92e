/**
 * The bytes of a meeting file are exactly indented JSON, however the meeting got there: saving
 * puts the file together from each agenda item's bytes kept from the last save, and a clerk's
 * file must never differ from what JSON.stringify would write (or the kept bytes go stale).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeLibraryFile } from '../../main/core/meetingFile';
import type { Meeting } from '../../main/domain/meeting';
import { longMeeting, longMinutes } from '../support/longMeeting';

const plainBytes = (value: unknown) => Buffer.from(JSON.stringify(value, null, '\t') + '\n', 'utf8');

// Text with the characters that matter to JSON and to UTF-8: quotes, backslashes, newlines, tabs, NUL, line separators, emoji, Welsh and Hebrew.
const awkwardText = fc.stringMatching(/^[a-z "\\\n\t\u0000\u2028\u2029’–ŵ👍ש{}[\],:]{0,24}$/);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    awkwardText,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(awkwardText, tie('any'), { maxKeys: 4 }),
  ),
})).any;
const item = fc.dictionary(awkwardText, value, { maxKeys: 6 });
const meetingLike = fc.record({ id: awkwardText, title: awkwardText, agenda: fc.array(item, { maxLength: 8 }), notes: value });

describe('the bytes of a meeting file', () => {
  it('are exactly indented JSON for any meeting, with any text in any field', () => {
    fc.assert(
      fc.property(meetingLike, (meeting) => {
        expect(serializeLibraryFile(meeting as unknown as Meeting).equals(plainBytes(meeting))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('stay exactly indented JSON through a day of edits, items added, changed, moved and removed', () => {
    fc.assert(
      fc.property(
        meetingLike,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('change', 'add', 'remove', 'move', 'retitle'), item), { maxLength: 20 }),
        (start, edits) => {
          let meeting = start;
          for (const [at, kind, fresh] of edits) {
            const agenda = [...meeting.agenda];
            const index = agenda.length === 0 ? 0 : at % agenda.length;
            if (kind === 'change' && agenda.length > 0) agenda[index] = { ...agenda[index], ...fresh };
            if (kind === 'add') agenda.splice(index, 0, fresh);
            if (kind === 'remove') agenda.splice(index, 1);
            if (kind === 'move' && agenda.length > 1) agenda.push(...agenda.splice(index, 1));
            meeting = kind === 'retitle' ? { ...meeting, title: JSON.stringify(fresh) } : { ...meeting, agenda };
            expect(serializeLibraryFile(meeting as unknown as Meeting).equals(plainBytes(meeting))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('cannot be fooled by a field that holds the text standing in for the agenda', () => {
    const meeting = longMeeting(3, 20);
    const tricky = { ...meeting, title: '\n\t"agenda": "\u0000agenda\u0000"', location: '\u0000agenda\u0000' };
    expect(serializeLibraryFile(tricky).equals(plainBytes(tricky))).toBe(true);
  });

  it('follow a real meeting as its minutes are typed, item by item', () => {
    let meeting = longMeeting(30, 60);
    for (let n = 0; n < 30; n += 1) {
      const index = (n * 7) % 30;
      meeting = { ...meeting, agenda: meeting.agenda.map((each, at) => (at === index ? { ...each, minutes: longMinutes(60, n) } : each)) };
      expect(serializeLibraryFile(meeting).equals(plainBytes(meeting))).toBe(true);
    }
  });

  it('keep an agenda item that has been saved from being changed in place behind their back', () => {
    const meeting = longMeeting(2, 10);
    serializeLibraryFile(meeting);
    const saved = meeting.agenda[0]!;
    expect(() => {
      (saved as { title: string }).title = 'changed in place';
    }).toThrow(TypeError);
    expect(() => {
      saved.minutes.push({ id: 'blk99999', type: 'paragraph', runs: [{ text: 'pushed in place' }] });
    }).toThrow(TypeError);
    expect(serializeLibraryFile(meeting).equals(plainBytes(meeting))).toBe(true);
  });
});
