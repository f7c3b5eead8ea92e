/** Committee files in the library: saved, listed, bad ones reported and left alone, used to set up meetings. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../main/core/dispatch';
import { createCommittee } from '../../main/domain/committee';
import { makeTempLibrary, sampleDetails, type TempLibrary } from '../support/tempLibrary';

let temp: TempLibrary;
beforeEach(async () => {
  temp = await makeTempLibrary();
});
afterEach(() => temp.remove());

describe('committees', () => {
  it('are saved as committees/<slug>.json and listed back', async () => {
    const core = temp.startCore();
    const committee = {
      ...createCommittee('Corporate Parenting Board'),
      members: [{ id: 'mem00001', name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', role: 'chair' as const }],
    };
    await core.handlers['committees.save']({ committee });
    const stored = JSON.parse(await readFile(join(temp.library, 'committees', 'corporate-parenting-board.json'), 'utf8'));
    expect(stored).toEqual(committee);
    expect((await core.handlers['committees.list']({})).committees).toEqual([committee]);
  });

  it('reports a damaged committee file and a file whose slug does not match its name, leaving both alone', async () => {
    const core = temp.startCore();
    await mkdir(join(temp.library, 'committees'), { recursive: true });
    await writeFile(join(temp.library, 'committees', 'broken.json'), '{"format":"minutebook.committee"');
    await writeFile(join(temp.library, 'committees', 'renamed.json'), JSON.stringify(createCommittee('Schools Forum')));
    const listing = await core.handlers['committees.list']({});
    expect(listing.committees).toEqual([]);
    expect(listing.unreadable).toEqual([
      { file: 'committees/broken.json', problem: expect.stringContaining('it is not valid JSON') },
      { file: 'committees/renamed.json', problem: expect.stringContaining('does not match the file name') },
    ]);
    expect(await readFile(join(temp.library, 'committees', 'broken.json'), 'utf8')).toBe('{"format":"minutebook.committee"');
  });

  it('refuses an invalid committee at the boundary, naming the field', async () => {
    const core = temp.startCore();
    const reply = await dispatchOperation(core.handlers, 'committees.save', {
      committee: { ...createCommittee('Board'), quorum: { kind: 'count', count: 0 } },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('committee.quorum.count') } });
  });

  it('sets up a meeting from a committee, filed under the committee’s slug', async () => {
    const core = temp.startCore();
    const committee = {
      ...createCommittee('Children’s Services Scrutiny Panel'),
      nextMinuteNumber: 63,
      members: [{ id: 'mem00001', name: 'Liz Hardman', displayName: 'Councillor Liz Hardman', role: 'chair' as const }],
    };
    await core.handlers['committees.save']({ committee });
    const { meeting } = await core.handlers['meetings.create']({ ...sampleDetails, committeeSlug: committee.slug });
    expect(meeting.attendees.map((each) => each.displayName)).toEqual(['Councillor Liz Hardman']);
    expect(meeting.firstMinuteNumber).toBe(63);
    const listing = await core.handlers['meetings.list']({});
    expect(listing.meetings[0]!.file).toBe(`meetings/2026/2026-11-10 ${committee.slug}.json`);
  });
});
