/** Each kind of body supplies the shape of its minutes; the house style overrides it part by part. */
import { createCommittee } from '../../main/domain/committee';
import { describe, expect, it } from 'vitest';
import { BodyKind, resolveMinutesShape, shapeOfKind } from '../../main/domain/bodies';
import { attendanceListing, categoryKey } from '../../main/domain/attendanceGroups';
import { minutesShapeOf, resolveHouseStyle, DEFAULT_HOUSE_STYLE } from '../../main/domain/houseStyle';
import type { Attendee } from '../../main/domain/meeting';

const person = (id: string, fields: Partial<Attendee>): Attendee => ({ id, name: id, displayName: id, category: 'member', status: 'present', ...fields });

describe('kinds of body', () => {
  it('name the right law for private business, and only councils cite Schedule 12A', () => {
    const laws = Object.fromEntries(BodyKind.options.map((kind) => [kind, shapeOfKind(kind).privateBusinessLaw]));
    expect(laws).toEqual({
      'principal-council': 'schedule-12a',
      'parish-council': 'admission-act-1960',
      'school-maintained': 'school-part-two',
      'school-academy': 'school-part-two',
      'nhs-trust-board': 'admission-act-1960',
      'nhs-board-committee': 'admission-act-1960',
      'other-board': 'confidential',
    });
  });

  it('a library from before kinds of body keeps a council’s shape', () => {
    expect(minutesShapeOf(DEFAULT_HOUSE_STYLE)).toEqual(shapeOfKind('principal-council'));
  });

  it('the house style overrides one part at a time, and a committee’s overrides lie over the library’s', () => {
    const library = {
      ...DEFAULT_HOUSE_STYLE,
      bodyKind: 'nhs-trust-board' as const,
      shape: { remoteMark: '(via Teams)', decisionVerbs: { NOTED: 'The Board NOTED' } },
    };
    const committee = resolveHouseStyle(library, { shape: { paragraphNumbering: 'decimal' } });
    const shape = minutesShapeOf(committee);
    expect(shape.remoteMark).toBe('(via Teams)');
    expect(shape.paragraphNumbering).toBe('decimal');
    expect(shape.decisionVerbs).toEqual({ RESOLVED: 'RESOLVED', RECOMMENDED: 'RECOMMENDED', AGREED: 'AGREED', NOTED: 'The Board NOTED' });
    expect(shape.attendanceGroups.map((group) => group.label)).toEqual(['Members', 'In attendance', 'Present', 'Secretariat', 'Apologies']);
    expect(resolveMinutesShape('nhs-trust-board')).not.toHaveProperty('remoteMark', '(via Teams)');
  });
});

describe('attendance as the body records it', () => {
  it('lists a school’s governors, attendees and clerk, consented and not consented apologies, and the absent, with the key', () => {
    const shape = shapeOfKind('school-maintained');
    const attendees = [
      person('Claire Wood', { initials: 'CW', memberCategory: 'parent' }),
      person('Dev Patel', { status: 'apologies', apologiesConsented: true, memberCategory: 'staff' }),
      person('Ann Lee', { status: 'apologies', apologiesConsented: false }),
      person('Tom Ray', { status: 'absent' }),
      person('Jo Clerk', { category: 'officer', group: 'clerk' }),
      person('Sam Finance', { category: 'officer', status: 'remote' }),
    ];
    expect(attendanceListing(attendees, shape).map(({ group, people }) => [group.label, people.map((each) => each.id)])).toEqual([
      ['Governors present', ['Claire Wood']],
      ['Also in attendance', ['Sam Finance']],
      ['Clerk', ['Jo Clerk']],
      ['Apologies received and consented', ['Dev Patel']],
      ['Apologies received and not consented', ['Ann Lee']],
      ['Absent', ['Tom Ray']],
    ]);
    expect(categoryKey(attendees, shape)).toBe('P = Parent governor; S = Staff governor');
  });

  it('prints anyone with any status: an officer who sent apologies, a member who was absent', () => {
    const shape = shapeOfKind('principal-council');
    const listing = attendanceListing(
      [person('Cllr A', {}), person('Officer B', { category: 'officer', status: 'apologies' }), person('Cllr C', { status: 'absent' })],
      shape,
    );
    expect(listing.map(({ group, people }) => [group.label, people.map((each) => each.id)])).toEqual([
      ['Present', ['Cllr A']],
      ['Apologies', ['Officer B']],
      ['Absent', ['Cllr C']],
    ]);
  });
});

describe('whether remote members count, by kind', () => {
  it('lets remote members count for boards and governors, never by default for councils', () => {
    expect(shapeOfKind('principal-council').remoteMembersCount).toBe(false);
    expect(shapeOfKind('parish-council').remoteMembersCount).toBe(false);
    for (const kind of ['school-maintained', 'school-academy', 'nhs-trust-board', 'nhs-board-committee'] as const) {
      expect(shapeOfKind(kind).remoteMembersCount).toBe(true);
    }
    expect(
      createCommittee('Board of Directors', shapeOfKind('nhs-trust-board').standardItems, shapeOfKind('nhs-trust-board').remoteMembersCount).remoteMembersCount,
    ).toBe(true);
    expect(createCommittee('Planning Committee').remoteMembersCount).toBe(false);
  });
});
