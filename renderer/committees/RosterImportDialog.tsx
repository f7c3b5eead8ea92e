/**
 * Importing a roster from a spreadsheet saved as CSV (name, role, title; with a header row also
 * job title, initials, category and group, checked against the body's own): the clerk chooses a
 * file or pastes the text, sees exactly who would be added and which lines cannot be, and adds
 * the good rows to the roster. Nothing is saved until the clerk saves the committee.
 */
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { MEMBER_ROLE_LABELS, type CommitteeMember } from '../../main/domain/committee';
import { parseRosterCsv, type RosterChoices } from '../../main/domain/rosterCsv';
import { Dialog } from '../ui/Dialog';
import './committees.css';

interface RosterImportDialogProps {
  /** The body's member categories and attendance groups, which those columns must name. */
  choices: RosterChoices;
  onAdd: (members: CommitteeMember[]) => void;
  onCancel: () => void;
}

/** FileReader rather than Blob.text(), which older engines (and jsdom) lack. */
function readAsText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

/** A role in the body's words with the role it counts as: "Standing Invitee (Co-opted member (non-voting))". */
function roleShown(member: CommitteeMember): string {
  const counted = MEMBER_ROLE_LABELS[member.role];
  return member.roleLabel ? `${member.roleLabel} (${counted})` : counted;
}

/** Job title, initials, category and group, as read: "Headteacher; [HB]; headteacher". */
function detailsShown(member: CommitteeMember, choices: RosterChoices): string {
  const category = choices.memberCategories?.find((each) => each.id === member.memberCategory);
  const group = choices.attendanceGroups?.find((each) => each.id === member.group);
  return [member.jobTitle, member.initials && `[${member.initials}]`, category?.label ?? member.memberCategory, group?.label ?? member.group]
    .filter(Boolean)
    .join('; ');
}

export function RosterImportDialog({ choices, onAdd, onCancel }: RosterImportDialogProps) {
  const ids = { file: useId(), text: useId() };
  const [text, setText] = useState('');
  const [fileProblem, setFileProblem] = useState<string>();
  const result = useMemo(() => (text.trim() ? parseRosterCsv(text, choices) : { members: [], problems: [] }), [text, choices]);
  const withDetails = result.members.some((member) => detailsShown(member, choices) !== '');
  const count = result.members.length;

  async function readFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setText(await readAsText(file));
      setFileProblem(undefined);
    } catch (error) {
      setFileProblem(
        `The file “${file.name}” could not be read (${error instanceof Error ? error.message : String(error)}). Try saving it again as CSV, or paste its text below.`,
      );
    }
  }

  return (
    <Dialog
      title="Import roster"
      onCancel={onCancel}
      description={
        <p>
          Columns: name, role, title — for example <q>Liz Hardman, Chair, Councillor</q>. A header row is optional; with one, the columns job title, initials,
          category and group may follow. Roles: Chair, Vice-Chair, Member, Co-opted (voting), Co-opted (non-voting), or the body’s own words (
          <q>Joint Deputy Chair</q>, <q>Standing Invitee</q>), kept as printed; an empty role means Member.
        </p>
      }
    >
      <div className="form roster-import">
        <div className="field">
          <label className="field__label" htmlFor={ids.file}>
            CSV file
          </label>
          <input id={ids.file} className="field__input" type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void readFile(event)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.text}>
            Or paste CSV
          </label>
          <textarea id={ids.text} className="field__input roster-import__text" rows={6} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
        {fileProblem ? (
          <p role="alert" className="form__problem">
            {fileProblem}
          </p>
        ) : null}
        {count > 0 ? (
          <div className="table-frame">
            <table className="roster-table">
              <caption className="roster-import__caption">Members to add ({count})</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Display name</th>
                  <th scope="col">Role</th>
                  {withDetails ? <th scope="col">Details</th> : null}
                </tr>
              </thead>
              <tbody>
                {result.members.map((member) => (
                  <tr key={member.id}>
                    <td data-label="Name">{member.name}</td>
                    <td data-label="Display name">{member.displayName}</td>
                    <td data-label="Role">{roleShown(member)}</td>
                    {withDetails ? <td data-label="Details">{detailsShown(member, choices)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {result.problems.length > 0 ? (
          <section className="roster-import__problems" aria-label="Lines that cannot be imported">
            <h3>Lines that cannot be imported</h3>
            <ul>
              {result.problems.map((problem, index) => (
                <li key={`${problem.line}-${index}`}>
                  Line {problem.line}: {problem.problem}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="visually-hidden" role="status">
          {text.trim()
            ? `${count} ${count === 1 ? 'member' : 'members'} ready to add, ${result.problems.length} ${result.problems.length === 1 ? 'line' : 'lines'} with problems.`
            : ''}
        </p>
        <div className="form__actions">
          <button type="button" className="button button--primary" disabled={count === 0} onClick={() => onAdd(result.members)}>
            Add {count} {count === 1 ? 'member' : 'members'}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
