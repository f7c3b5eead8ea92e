/**
 * Editing one committee: its name, venue, quorum rule, minute numbering, standard opening items,
 * standard phrases, roster, and where its minutes differ from the library's house style. Edits stay on screen until "Save committee"; the committee is
 * checked with the core's own schema first, so the clerk hears about the first problem at once.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { MEMBER_ROLE_LABELS, MemberRole, type Committee, type CommitteeMember, type QuorumRule, type Snippet } from '../../main/domain/committee';
import { createLibrarySettings, minutesShapeOf, resolveHouseStyle, type HouseStyle } from '../../main/domain/houseStyle';
import { newId } from '../../main/domain/ids';
import type { ApiClient } from '../api/client';
import { useCoreAnswer } from '../api/useCoreAnswer';
import { messageForClerk } from '../ui/errorMessage';
import { FormOutcome } from '../ui/FormOutcome';
import { numberFrom, shownNumber } from '../ui/numberBox';
import { CommitteeHouseStyle } from './CommitteeHouseStyle';
import { firstCommitteeProblem } from './committeeProblems';
import { RosterImportDialog } from './RosterImportDialog';
import './committees.css';

interface CommitteeEditorProps {
  api: ApiClient;
  committee: Committee;
  onSaved: (committee: Committee) => void;
}

type Outcome = { kind: 'saved' } | { kind: 'problem'; message: string } | undefined;

interface WholeNumberFieldProps {
  id: string;
  label: string;
  value: number;
  max?: number;
  /** NaN while the box is empty, so the check before saving can name it. */
  onChange: (value: number) => void;
}

/** A labelled box for a whole number of at least 1 (quorum counts, the next minute number). */
function WholeNumberField({ id, label, value, max, onChange }: WholeNumberFieldProps) {
  return (
    <div className="field committee-editor__number">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="number"
        min={1}
        max={max}
        step={1}
        value={shownNumber(value)}
        onChange={(event) => onChange(numberFrom(event.target.value))}
      />
    </div>
  );
}

export function CommitteeEditor({ api, committee: saved, onSaved }: CommitteeEditorProps) {
  const ids = {
    name: useId(),
    venue: useId(),
    count: useId(),
    numerator: useId(),
    denominator: useId(),
    remote: useId(),
    nextNumber: useId(),
    placeholders: useId(),
  };
  const [draft, setDraft] = useState<Committee>(saved);
  const [outcome, setOutcome] = useState<Outcome>();
  const [saving, setSaving] = useState(false);
  const [importing, setImporting] = useState(false);
  const [libraryStyle, setLibraryStyle] = useState<HouseStyle>();
  // After "Add …", the new row's first box takes focus so the clerk can type straight away.
  const focusNext = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  // Only to say what an empty override box falls back to; without it the boxes still work.
  useCoreAnswer(
    () => api.call('library.houseStyle.get', {}),
    (answer) => setLibraryStyle(answer.houseStyle),
    () => undefined,
    [api],
  );

  useEffect(() => {
    if (!focusNext.current) return;
    form.current?.querySelector<HTMLElement>(`[data-focus-key="${focusNext.current}"]`)?.focus();
    focusNext.current = null;
  });

  function update(change: Partial<Committee>): void {
    setDraft((current) => ({ ...current, ...change }));
    setOutcome(undefined);
  }

  function setQuorum(rule: QuorumRule): void {
    update({ quorum: rule });
  }

  function updateMember(index: number, change: Partial<CommitteeMember>): void {
    const members = draft.members.slice();
    const member = members[index]!;
    // The display name follows the name until the clerk gives it a form of its own.
    const followsName = change.name !== undefined && (member.displayName === member.name || member.displayName === '');
    members[index] = { ...member, ...change, ...(followsName ? { displayName: change.name } : {}) };
    update({ members });
  }

  function addMember(): void {
    const member: CommitteeMember = { id: newId(), name: '', displayName: '', role: 'member' };
    focusNext.current = `member-${member.id}`;
    update({ members: [...draft.members, member] });
  }

  function updateSnippet(index: number, change: Partial<Snippet>): void {
    const snippets = draft.snippets.slice();
    snippets[index] = { ...snippets[index]!, ...change };
    update({ snippets });
  }

  async function save(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const problem = firstCommitteeProblem(draft);
    if (problem) {
      setOutcome({ kind: 'problem', message: problem });
      return;
    }
    setSaving(true);
    try {
      const result = await api.call('committees.save', { committee: draft });
      setDraft(result);
      setOutcome({ kind: 'saved' });
      onSaved(result);
    } catch (error) {
      setOutcome({ kind: 'problem', message: messageForClerk(error) });
    } finally {
      setSaving(false);
    }
  }

  const quorum = draft.quorum;
  // The body's categories and groups, which the roster import checks its columns against.
  const rosterChoices = useMemo(
    () => minutesShapeOf(resolveHouseStyle(libraryStyle ?? createLibrarySettings().houseStyle, draft.houseStyle)),
    [libraryStyle, draft.houseStyle],
  );

  return (
    <form ref={form} className="form committee-editor" onSubmit={(event) => void save(event)} noValidate aria-labelledby={`${ids.name}-heading`}>
      <h2 id={`${ids.name}-heading`}>{draft.name.trim() || saved.name}</h2>

      <div className="form__row">
        <div className="field">
          <label className="field__label" htmlFor={ids.name}>
            Committee name
          </label>
          <input
            id={ids.name}
            className="field__input"
            type="text"
            maxLength={200}
            autoComplete="off"
            value={draft.name}
            onChange={(event) => update({ name: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.venue}>
            Default venue
          </label>
          <input
            id={ids.venue}
            className="field__input"
            type="text"
            maxLength={300}
            autoComplete="off"
            value={draft.defaultVenue}
            onChange={(event) => update({ defaultVenue: event.target.value })}
          />
        </div>
      </div>

      <fieldset className="committee-editor__group">
        <legend>Quorum rule</legend>
        <div role="radiogroup" aria-label="Quorum rule" className="committee-editor__choices">
          <div className="committee-editor__choice">
            <label className="committee-editor__radio">
              <input type="radio" name={`${ids.count}-rule`} checked={quorum.kind === 'count'} onChange={() => setQuorum({ kind: 'count', count: 3 })} />A
              number of members
            </label>
            {quorum.kind === 'count' ? (
              <WholeNumberField
                id={ids.count}
                label="Members needed"
                max={500}
                value={quorum.count}
                onChange={(count) => setQuorum({ kind: 'count', count })}
              />
            ) : null}
          </div>
          <div className="committee-editor__choice">
            <label className="committee-editor__radio">
              <input
                type="radio"
                name={`${ids.count}-rule`}
                checked={quorum.kind === 'fraction'}
                onChange={() => setQuorum({ kind: 'fraction', numerator: 1, denominator: 3 })}
              />
              A fraction of voting members
            </label>
            {quorum.kind === 'fraction' ? (
              <div className="form__row committee-editor__fraction">
                <WholeNumberField
                  id={ids.numerator}
                  label="Numerator"
                  max={100}
                  value={quorum.numerator}
                  onChange={(numerator) => setQuorum({ ...quorum, numerator })}
                />
                <WholeNumberField
                  id={ids.denominator}
                  label="Denominator"
                  max={100}
                  value={quorum.denominator}
                  onChange={(denominator) => setQuorum({ ...quorum, denominator })}
                />
                <p className="field__hint committee-editor__fraction-hint">Rounded up: one third of 10 voting members is 4.</p>
              </div>
            ) : null}
          </div>
        </div>
        <label className="committee-editor__checkbox" htmlFor={ids.remote}>
          <input
            id={ids.remote}
            type="checkbox"
            checked={draft.remoteMembersCount}
            onChange={(event) => update({ remoteMembersCount: event.target.checked })}
          />
          Members attending remotely count for quorum and may vote
        </label>
      </fieldset>

      <WholeNumberField
        id={ids.nextNumber}
        label="Next minute number"
        value={draft.nextMinuteNumber}
        onChange={(nextMinuteNumber) => update({ nextMinuteNumber })}
      />

      <fieldset className="committee-editor__group">
        <legend>Standard opening items</legend>
        <p className="field__hint">Every new meeting of this committee starts with these items, in this order.</p>
        <ol className="committee-editor__list">
          {draft.standardItems.map((title, index) => (
            <li key={index} className="committee-editor__list-row">
              <input
                className="field__input"
                type="text"
                maxLength={500}
                aria-label={`Standard item ${index + 1}`}
                data-focus-key={`item-${index}`}
                value={title}
                onChange={(event) => update({ standardItems: draft.standardItems.map((each, at) => (at === index ? event.target.value : each)) })}
              />
              <button
                type="button"
                className="button button--small button--danger"
                onClick={() => update({ standardItems: draft.standardItems.filter((_, at) => at !== index) })}
              >
                Remove standard item {index + 1}
              </button>
            </li>
          ))}
        </ol>
        <div className="form__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              focusNext.current = `item-${draft.standardItems.length}`;
              update({ standardItems: [...draft.standardItems, ''] });
            }}
          >
            Add standard item
          </button>
        </div>
      </fieldset>

      <fieldset className="committee-editor__group">
        <legend>Standard phrases</legend>
        <p id={ids.placeholders} className="field__hint">
          Phrases the clerk can insert while writing minutes. These placeholders are filled in from the meeting: {'{committee}'}, {'{date}'}, {'{time}'},{' '}
          {'{venue}'}, {'{chair}'}, {'{previous meeting date}'} and {'{now}'} (the time when the phrase is inserted).
        </p>
        <ol className="committee-editor__list">
          {draft.snippets.map((snippet, index) => (
            <li key={snippet.id} className="committee-editor__snippet">
              <div className="field">
                <label className="field__label" htmlFor={`${ids.placeholders}-name-${index}`}>
                  Phrase {index + 1} name
                </label>
                <input
                  id={`${ids.placeholders}-name-${index}`}
                  className="field__input"
                  type="text"
                  maxLength={100}
                  data-focus-key={`snippet-${snippet.id}`}
                  value={snippet.name}
                  onChange={(event) => updateSnippet(index, { name: event.target.value })}
                />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${ids.placeholders}-text-${index}`}>
                  Phrase {index + 1} text
                </label>
                <textarea
                  id={`${ids.placeholders}-text-${index}`}
                  className="field__input"
                  rows={2}
                  maxLength={5000}
                  aria-describedby={ids.placeholders}
                  value={snippet.text}
                  onChange={(event) => updateSnippet(index, { text: event.target.value })}
                />
              </div>
              <div className="form__actions">
                <button
                  type="button"
                  className="button button--small button--danger"
                  onClick={() => update({ snippets: draft.snippets.filter((each) => each.id !== snippet.id) })}
                >
                  Remove phrase {index + 1}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="form__actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              const snippet: Snippet = { id: newId(), name: '', text: '' };
              focusNext.current = `snippet-${snippet.id}`;
              update({ snippets: [...draft.snippets, snippet] });
            }}
          >
            Add standard phrase
          </button>
        </div>
      </fieldset>

      <fieldset className="committee-editor__group">
        <legend>Roster</legend>
        {draft.members.length === 0 ? (
          <p className="field__hint">No members yet. Add them one by one, or import a list saved from a spreadsheet.</p>
        ) : (
          <div className="table-frame">
            <table className="roster-table">
              <caption className="visually-hidden">Members of {draft.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Display name</th>
                  <th scope="col">Role</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.members.map((member, index) => (
                  <tr key={member.id}>
                    <td data-label="Name">
                      <input
                        className="field__input"
                        type="text"
                        maxLength={200}
                        autoComplete="off"
                        aria-label={`Member ${index + 1} name`}
                        data-focus-key={`member-${member.id}`}
                        value={member.name}
                        onChange={(event) => updateMember(index, { name: event.target.value })}
                      />
                    </td>
                    <td data-label="Display name">
                      <input
                        className="field__input"
                        type="text"
                        maxLength={250}
                        autoComplete="off"
                        aria-label={`Member ${index + 1} display name`}
                        value={member.displayName}
                        onChange={(event) => updateMember(index, { displayName: event.target.value })}
                      />
                    </td>
                    <td data-label="Role">
                      <select
                        className="field__input"
                        aria-label={`Member ${index + 1} role`}
                        value={member.role}
                        onChange={(event) => updateMember(index, { role: MemberRole.parse(event.target.value) })}
                      >
                        {MemberRole.options.map((role) => (
                          <option key={role} value={role}>
                            {MEMBER_ROLE_LABELS[role]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small button--danger"
                        onClick={() => update({ members: draft.members.filter((each) => each.id !== member.id) })}
                      >
                        Remove {member.name.trim() || `member ${index + 1}`}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="form__actions">
          <button type="button" className="button" onClick={addMember}>
            Add member
          </button>
          <button type="button" className="button" onClick={() => setImporting(true)}>
            Import roster from CSV…
          </button>
        </div>
      </fieldset>

      <CommitteeHouseStyle
        value={draft.houseStyle}
        library={libraryStyle}
        onChange={(houseStyle) => {
          if (houseStyle !== undefined) return update({ houseStyle });
          const { houseStyle: _dropped, ...rest } = draft;
          setDraft(rest);
          setOutcome(undefined);
        }}
      />

      <FormOutcome problem={outcome?.kind === 'problem' ? outcome.message : undefined} saved={outcome?.kind === 'saved' ? 'Committee saved.' : ''} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          Save committee
        </button>
      </div>

      {importing ? (
        <RosterImportDialog
          choices={rosterChoices}
          onCancel={() => setImporting(false)}
          onAdd={(members) => {
            setImporting(false);
            update({ members: [...draft.members, ...members] });
          }}
        />
      ) : null}
    </form>
  );
}
