/**
 * The parts of the minutes' shape a clerk sets most, for the library (over its kind of body's
 * defaults) and for a committee (over the library's): paragraph numbering, how decisions of several
 * points are laid out, the action reference format with its live example, and the attendance
 * groups' labels (renamed, never re-identified: each group keeps its id, so people stay in it).
 * An empty box, or the first choice, keeps what the kind of body or the library says.
 */
import type { AttendanceGroup, MinutesShape, MinutesShapeOverride } from '../../main/domain/bodies';
import { actionReferenceExample } from './houseStyleText';
import { ActionReferenceField, DecisionLayoutField, Field, ParagraphNumberingField } from './HouseStyleFields';

interface MinutesShapeFieldsProps {
  /** The overrides set here; undefined for none. */
  value: MinutesShapeOverride | undefined;
  onChange: (value: MinutesShapeOverride | undefined) => void;
  /** What each part is when not set here: the kind of body's shape, or the library's. */
  fallback: MinutesShape;
  /** The first choice of each list: "As usual for the kind of body", "As the library". */
  fallbackWording: string;
  /** The minute number format in force, for the action reference's example. */
  minuteNumberPattern: string | undefined;
}

/** Sets or clears one part of the overrides; nothing left set is no overrides. */
function withPart<K extends keyof MinutesShapeOverride>(
  value: MinutesShapeOverride | undefined,
  key: K,
  next: MinutesShapeOverride[K] | undefined,
): MinutesShapeOverride | undefined {
  const { [key]: _old, ...rest } = value ?? {};
  const result: MinutesShapeOverride = next === undefined ? rest : { ...rest, [key]: next };
  return Object.keys(result).length === 0 ? undefined : result;
}

/**
 * The groups with one label renamed; a box emptied takes the fallback's label back, and once every
 * label is the fallback's again there is nothing to override.
 */
function renamedGroups(current: readonly AttendanceGroup[], fallback: readonly AttendanceGroup[], id: string, typed: string): AttendanceGroup[] | undefined {
  const original = fallback.find((group) => group.id === id)?.label ?? '';
  const groups = current.map((group) => (group.id === id ? { ...group, label: typed.trim() === '' ? original : typed } : group));
  const same = groups.length === fallback.length && groups.every((group, at) => group.id === fallback[at]?.id && group.label === fallback[at]?.label);
  return same && typed.trim() === '' ? undefined : groups;
}

export function MinutesShapeFields({ value, onChange, fallback, fallbackWording, minuteNumberPattern }: MinutesShapeFieldsProps) {
  const set = <K extends keyof MinutesShapeOverride>(key: K, next: MinutesShapeOverride[K] | undefined) => onChange(withPart(value, key, next));
  const groups = value?.attendanceGroups ?? fallback.attendanceGroups;
  const fallbackExample = actionReferenceExample(fallback.actionReferencePattern, minuteNumberPattern);
  return (
    <>
      <div className="form__row">
        <ParagraphNumberingField
          value={value?.paragraphNumbering}
          asLibrary={{ value: fallback.paragraphNumbering, wording: fallbackWording }}
          onChoose={(paragraphNumbering) => set('paragraphNumbering', paragraphNumbering)}
        />
        <DecisionLayoutField
          value={value?.decisionLayout}
          asLibrary={{ value: fallback.decisionLayout, wording: fallbackWording }}
          onChoose={(decisionLayout) => set('decisionLayout', decisionLayout)}
        />
      </div>
      <ActionReferenceField
        pattern={value?.actionReferencePattern}
        minuteNumberPattern={minuteNumberPattern}
        onText={(text) => set('actionReferencePattern', text.trim() === '' ? undefined : text)}
        hint={
          <>
            {'{n}'} the minute’s number, {'{m}'} the minute number as it is written, {'{i}'} the action’s number within its minute, {'{seq}'} within the
            meeting, {'{yy}'} or {'{yyyy}'} the year. Empty: {fallback.actionReferencePattern}
            {fallbackExample ? ` (${fallbackExample.replace(/^.*→ /, '')})` : ''}.
          </>
        }
      />
      <fieldset className="house-style__group">
        <legend>Attendance groups</legend>
        <p className="field__hint">How the minutes head each group, in this order. An empty box keeps the label the box is named by.</p>
        {groups.map((group) => {
          const original = fallback.attendanceGroups.find((each) => each.id === group.id);
          return (
            <Field key={group.id} label={`Label for “${original?.label ?? group.id}”`}>
              {(box) => (
                <input
                  {...box}
                  className="field__input"
                  type="text"
                  maxLength={100}
                  autoComplete="off"
                  value={value?.attendanceGroups ? group.label : ''}
                  onChange={(event) =>
                    set(
                      'attendanceGroups',
                      renamedGroups(
                        groups,
                        fallback.attendanceGroups,
                        group.id,
                        event.target.value.trim() === '' ? (original?.label ?? '') : event.target.value,
                      ),
                    )
                  }
                />
              )}
            </Field>
          );
        })}
      </fieldset>
    </>
  );
}
