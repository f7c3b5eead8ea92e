/**
 * Part 2: an item taken in private, the paragraph of Schedule 12A to the Local Government Act 1972
 * that justifies excluding the public, and the short summary the public minutes show instead.
 */
import { useId } from 'react';
import type { MeetingChange } from '../../main/domain/changes';
import type { ItemSectionProps } from '../record/recordChange';

export const SCHEDULE_12A_PARAGRAPHS: readonly string[] = [
  'Information relating to any individual',
  'Information likely to reveal the identity of an individual',
  'Financial or business affairs of any particular person (including the authority)',
  'Consultations or negotiations on labour relations matters',
  'Legal professional privilege',
  'Notices, orders or directions the authority proposes to give or make',
  'Prevention, investigation or prosecution of crime',
];

export function Part2Fields({ item, onChange }: Omit<ItemSectionProps, 'meeting'>) {
  const id = useId();
  const update = (fields: Extract<MeetingChange, { kind: 'item.update' }>['fields']) => onChange({ kind: 'item.update', itemId: item.id, fields });

  return (
    <section className="record-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="record-section__heading">
        Part 2
      </h3>
      <label className="checkbox">
        <input type="checkbox" checked={item.exempt} onChange={(event) => update({ exempt: event.target.checked })} />
        Exempt (Part 2)
      </label>
      {item.exempt ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-paragraph`}>
              Schedule 12A paragraph
            </label>
            <select
              id={`${id}-paragraph`}
              className="field__input"
              value={item.exemptParagraph ?? ''}
              onChange={(event) => {
                const paragraph = Number(event.target.value);
                if (paragraph >= 1 && paragraph <= 7) update({ exemptParagraph: paragraph });
              }}
            >
              {item.exemptParagraph === undefined ? <option value="">Choose a paragraph</option> : null}
              {SCHEDULE_12A_PARAGRAPHS.map((description, index) => (
                <option key={index + 1} value={index + 1}>
                  {`${index + 1}. ${description}`}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-summary`}>
              Public summary
            </label>
            <textarea
              id={`${id}-summary`}
              className="field__input"
              rows={3}
              maxLength={5000}
              value={item.publicSummary}
              onChange={(event) => update({ publicSummary: event.target.value })}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
