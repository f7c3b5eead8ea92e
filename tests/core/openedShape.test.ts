/**
 * The opened meeting carries the shape of its minutes, resolved from the library's house style
 * with the committee's overrides, through the contract on a real library folder; a library from
 * before kinds of body gives a council's shape.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../main/core/dispatch';
import { saveCommittee } from '../../main/core/library';
import { writeLibrarySettings } from '../../main/core/libraryFile';
import type { MinuteBookCore } from '../../main/core/minuteBookCore';
import type { OpenedMeeting, OperationName } from '../../main/domain/api';
import { createCommittee } from '../../main/domain/committee';
import { settingsWith } from '../support/houseStyle';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
let core: MinuteBookCore;
beforeEach(async () => {
  temp = await makeTempLibrary();
  core = temp.startCore();
});
afterEach(() => temp.remove());

async function value<T>(name: OperationName, input: unknown): Promise<T> {
  const reply = await dispatchOperation(core.handlers, name, input);
  if (!reply.ok) throw new Error(`${name} was refused: ${reply.error.message}`);
  return reply.value as T;
}

describe('the opened meeting’s shape', () => {
  it('is a council’s in a library that names no kind of body', async () => {
    const created = await value<OpenedMeeting>('meetings.create', sampleDetails);
    expect(created.shape.bodyKind).toBe('principal-council');
    expect(created.shape.attendanceGroups.map((group) => group.label)).toEqual(['Present', 'Also present', 'Officers', 'Apologies', 'Absent']);
  });

  it('follows the library’s kind, with the committee’s overrides laid over it', async () => {
    await value('meetings.list', {});
    await writeLibrarySettings(temp.library, settingsWith({ bodyKind: 'school-maintained', shape: { actionReferencePattern: 'A{seq}' } }));
    await saveCommittee(temp.library, { ...createCommittee('Full Governing Board'), houseStyle: { shape: { paragraphNumbering: 'none' } } });
    const created = await value<OpenedMeeting>('meetings.create', { ...sampleDetails, committeeSlug: 'full-governing-board' });
    const opened = await value<OpenedMeeting>('meetings.open', { meetingId: created.meeting.id });
    for (const { shape } of [created, opened]) {
      expect(shape.bodyKind).toBe('school-maintained');
      expect(shape.attendanceGroups[0]?.label).toBe('Governors present');
      expect(shape.actionReferencePattern).toBe('A{seq}');
      expect(shape.paragraphNumbering).toBe('none');
    }
    const adHoc = await value<OpenedMeeting>('meetings.create', { ...sampleDetails, date: '2026-11-11' });
    expect(adHoc.shape.paragraphNumbering).toBe('decimal');
  });
});
