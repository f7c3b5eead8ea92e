/**
 * Decisions on one item: RESOLVED, RECOMMENDED, AGREED or NOTED with numbered points, mover and
 * seconder, and the vote. The standard wording is shown as the clerk records, with any problem
 * with the vote (more votes than members eligible) as a visible warning.
 */
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { eligibleVoters } from '../../main/domain/attendance';
import { blockText, newId, type AgendaItem, type Attendee, type Decision, type DecisionKind, type Meeting, type Vote } from '../../main/domain/meeting';
import { decisionSentence, isTied, voteProblems, voteSentence } from '../../main/domain/wording';
import { ENTRY_FIRST_FIELD, type ItemSectionProps } from './recordChange';
import { AttendeeOptions, RecordEntry, RecordSection, useUndoableRemove } from './RecordSection';

const KINDS: readonly DecisionKind[] = ['RESOLVED', 'RECOMMENDED', 'AGREED', 'NOTED'];

type VoteKind = 'none' | Vote['kind'];
const VOTE_KINDS: readonly { kind: VoteKind; label: string }[] = [
  { kind: 'none', label: 'None' },
  { kind: 'unanimous', label: 'Carried unanimously' },
  { kind: 'counted', label: 'Counted' },
  { kind: 'recorded', label: 'Recorded' },
];

type RecordedChoice = 'for' | 'against' | 'abstain' | 'none';

type CastingChoice = 'for' | 'against' | 'none';
const CASTING_CHOICES: readonly { choice: CastingChoice; label: string }[] = [
  { choice: 'for', label: 'For the motion' },
  { choice: 'against', label: 'Against the motion' },
  { choice: 'none', label: 'Not given' },
];

type CountedOrRecorded = Extract<Vote, { kind: 'counted' | 'recorded' }>;

/** The vote with the Chair's casting vote set, or without one ("Not given", or the votes are no longer equal). */
function withCastingVote(vote: CountedOrRecorded, choice: CastingChoice): Vote {
  if (choice !== 'none') return { ...vote, castingVote: choice };
  if (vote.kind === 'counted') {
    const { castingVote: _counted, ...rest } = vote;
    return rest;
  }
  const { castingVote: _recorded, ...rest } = vote;
  return rest;
}

/** A new decision on the item; with `afterBlockId`, it stands after that paragraph of the minutes rather than after them all. */
export function newDecision(itemId: string, afterBlockId?: string): Decision {
  return { id: newId(), itemId, kind: 'RESOLVED', points: [{ id: newId(), text: '' }], ...(afterBlockId === undefined ? {} : { afterBlockId }) };
}

const PLACE_PREVIEW_LENGTH = 60;

/** Where the decision stands among the item's minutes, as the clerk reads it. */
function placeOf(decision: Decision, item: AgendaItem): string {
  if (decision.afterBlockId === undefined) return 'After the minutes of this item';
  if (decision.afterBlockId === null) return 'Before the minutes of this item';
  const block = item.minutes.find((each) => each.id === decision.afterBlockId);
  if (!block) return 'After the minutes of this item';
  const text = blockText(block).replace(/\s+/g, ' ').trim();
  if (text === '') return block.type === 'table' ? 'After a table' : 'After an empty paragraph';
  const preview = text.length > PLACE_PREVIEW_LENGTH ? `${text.slice(0, PLACE_PREVIEW_LENGTH).trimEnd()}…` : text;
  return `After “${preview}”`;
}

function voteOfKind(kind: VoteKind): Vote | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'unanimous':
      return { kind: 'unanimous' };
    case 'counted':
      return { kind: 'counted', for: 0, against: 0, abstentions: 0 };
    case 'recorded':
      return { kind: 'recorded', for: [], against: [], abstain: [] };
  }
}

function recordedChoiceOf(vote: Extract<Vote, { kind: 'recorded' }>, attendeeId: string): RecordedChoice {
  if (vote.for.includes(attendeeId)) return 'for';
  if (vote.against.includes(attendeeId)) return 'against';
  if (vote.abstain.includes(attendeeId)) return 'abstain';
  return 'none';
}

function withRecordedChoice(vote: Extract<Vote, { kind: 'recorded' }>, attendeeId: string, choice: RecordedChoice): Extract<Vote, { kind: 'recorded' }> {
  const without = (ids: readonly string[]) => ids.filter((id) => id !== attendeeId);
  return {
    ...vote,
    kind: 'recorded',
    for: choice === 'for' ? [...without(vote.for), attendeeId] : without(vote.for),
    against: choice === 'against' ? [...without(vote.against), attendeeId] : without(vote.against),
    abstain: choice === 'abstain' ? [...without(vote.abstain), attendeeId] : without(vote.abstain),
  };
}

export function DecisionsSection({ meeting, item, onChange, onAdd }: ItemSectionProps & { onAdd: () => void }) {
  const decisions = meeting.decisions.filter((decision) => decision.itemId === item.id);
  // Recomputed only when the meeting changes, never while the clerk types minutes.
  const eligible = useMemo(() => eligibleVoters(meeting, item.id), [meeting, item.id]);
  const put = (entity: Decision) => onChange({ kind: 'entity.put', collection: 'decisions', entity });
  const { remove, removal } = useUndoableRemove(onChange);

  return (
    <RecordSection
      title="Decisions"
      empty={decisions.length === 0 ? 'No decisions on this item yet.' : null}
      addLabel="Add decision"
      addKeys="Control+Shift+D"
      onAdd={onAdd}
      removal={removal}
    >
      {decisions.map((decision, index) => (
        <DecisionEntry
          key={decision.id}
          number={index + 1}
          decision={decision}
          place={placeOf(decision, item)}
          meeting={meeting}
          eligible={eligible}
          onPut={put}
          onRemove={() => remove(`Decision ${index + 1}`, { kind: 'entity.put', collection: 'decisions', entity: decision })}
        />
      ))}
    </RecordSection>
  );
}

interface DecisionEntryProps {
  number: number;
  decision: Decision;
  /** Where it stands among the minutes: "After “The Chair …”". */
  place: string;
  meeting: Meeting;
  eligible: readonly Attendee[];
  onPut: (decision: Decision) => void;
  onRemove: () => void;
}

function DecisionEntry({ number, decision, place, meeting, eligible, onPut, onRemove }: DecisionEntryProps) {
  const id = useId();
  const wording = [decisionSentence(meeting, decision), voteSentence(meeting, decision)].filter(Boolean).join(' ');
  const problems = voteProblems(meeting, decision);
  const vote = decision.vote;
  const voteKind: VoteKind = vote?.kind ?? 'none';
  const tied = vote !== undefined && vote.kind !== 'unanimous' && isTied(vote, eligible.length);

  /** Saves a changed count or recorded vote; a casting vote only stands while the votes are equal. */
  function putVote(next: CountedOrRecorded): void {
    onPut({ ...decision, vote: next.castingVote && !isTied(next, eligible.length) ? withCastingVote(next, 'none') : next });
  }

  function setPoint(pointId: string, text: string): void {
    onPut({ ...decision, points: decision.points.map((point) => (point.id === pointId ? { ...point, text } : point)) });
  }

  /** Adds an empty point after this one (or at the end) and puts the cursor in it once it is on screen. */
  function startPoint(after: number): void {
    const point = { id: newId(), text: '' };
    const points = decision.points.slice();
    points.splice(after + 1, 0, point);
    pointToFocus.current = point.id;
    onPut({ ...decision, points });
  }
  // Focused as soon as the new point's box is rendered, before the next key press can land in the old one.
  const pointToFocus = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const pending = pointToFocus.current;
    if (pending === undefined) return;
    const box = document.getElementById(`${id}-point-${pending}`);
    if (!box) return;
    pointToFocus.current = undefined;
    box.focus();
  });

  /** Removes a point and puts the cursor in the next one (or the one before), as its button is gone. */
  function removePoint(button: HTMLElement, index: number): void {
    const removed = decision.points[index];
    if (!removed) return;
    const neighbour = decision.points[index + 1] ?? decision.points[index - 1];
    onPut({ ...decision, points: decision.points.filter((each) => each.id !== removed.id) });
    const entry = button.closest('fieldset');
    requestAnimationFrame(() => {
      const target =
        (neighbour && entry?.querySelector<HTMLElement>(`[data-point-id="${neighbour.id}"]`)) || entry?.querySelector<HTMLElement>('[data-add-point]');
      target?.focus();
    });
  }

  function personSelect(label: string, value: string | undefined, onSelect: (id: string | undefined) => void) {
    return (
      <div className="field">
        <label className="field__label" htmlFor={`${id}-${label}`}>
          {label}
        </label>
        <select id={`${id}-${label}`} className="field__input" value={value ?? ''} onChange={(event) => onSelect(event.target.value || undefined)}>
          <option value="">Not recorded</option>
          <AttendeeOptions attendees={meeting.attendees} />
        </select>
      </div>
    );
  }

  function countInput(label: string, field: 'for' | 'against' | 'abstentions') {
    if (vote?.kind !== 'counted') return null;
    return (
      <div className="field field--number">
        <label className="field__label" htmlFor={`${id}-${field}`}>
          {label}
        </label>
        <input
          id={`${id}-${field}`}
          className="field__input"
          type="number"
          min={0}
          max={1000}
          value={vote[field]}
          onChange={(event) => {
            const count = Math.max(0, Math.min(1000, Math.trunc(Number(event.target.value) || 0)));
            putVote({ ...vote, [field]: count });
          }}
        />
      </div>
    );
  }

  return (
    <RecordEntry name={`Decision ${number}`} onRemove={onRemove}>
      <div className="record-entry__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            Decision
          </label>
          <select
            id={`${id}-kind`}
            className="field__input"
            {...{ [ENTRY_FIRST_FIELD]: decision.id }}
            value={decision.kind}
            onChange={(event) => onPut({ ...decision, kind: event.target.value as DecisionKind })}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </div>
        {personSelect('Moved by', decision.moverId, (moverId) => onPut({ ...decision, moverId }))}
        {personSelect('Seconded by', decision.seconderId, (seconderId) => onPut({ ...decision, seconderId }))}
      </div>
      <p className="record-entry__place">{place}</p>
      <ol className="record-entry__points" aria-label="Points">
        {decision.points.map((point, index) => (
          <li key={point.id} className="record-entry__point">
            <label className="field__label record-entry__point-label" htmlFor={`${id}-point-${point.id}`}>
              Point {index + 1}
            </label>
            <textarea
              id={`${id}-point-${point.id}`}
              className="field__input"
              rows={2}
              maxLength={5000}
              data-point-id={point.id}
              value={point.text}
              aria-keyshortcuts="Enter"
              onChange={(event) => setPoint(point.id, event.target.value)}
              onKeyDown={(event) => {
                // Enter starts the next point, as in a numbered list; Shift+Enter breaks the line within one.
                if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
                event.preventDefault();
                startPoint(index);
              }}
            />
            {decision.points.length > 1 ? (
              <button type="button" className="button button--small button--quiet" onClick={(event) => removePoint(event.currentTarget, index)}>
                Remove point {index + 1}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <button type="button" className="button button--small" data-add-point onClick={() => startPoint(decision.points.length - 1)}>
        Add point
      </button>
      <div className="record-entry__vote">
        <span id={`${id}-vote-label`} className="field__label">
          Vote
        </span>
        <div role="radiogroup" aria-labelledby={`${id}-vote-label`} className="radio-row">
          {VOTE_KINDS.map((option) => (
            <label key={option.kind} className="checkbox">
              <input
                type="radio"
                name={`${id}-vote`}
                value={option.kind}
                checked={voteKind === option.kind}
                onChange={() => onPut({ ...decision, vote: voteOfKind(option.kind) })}
              />
              {option.label}
            </label>
          ))}
        </div>
        {vote?.kind === 'counted' ? (
          <div className="record-entry__fields">
            {countInput('For', 'for')}
            {countInput('Against', 'against')}
            {countInput('Abstentions', 'abstentions')}
          </div>
        ) : null}
        {vote?.kind === 'recorded' ? (
          eligible.length === 0 ? (
            <p className="record-section__empty">No voting members are present for this item.</p>
          ) : (
            <div className="record-entry__fields">
              {eligible.map((attendee) => (
                <div className="field" key={attendee.id}>
                  <label className="field__label" htmlFor={`${id}-recorded-${attendee.id}`}>
                    Vote of {attendee.displayName}
                  </label>
                  <select
                    id={`${id}-recorded-${attendee.id}`}
                    className="field__input"
                    value={recordedChoiceOf(vote, attendee.id)}
                    onChange={(event) => putVote(withRecordedChoice(vote, attendee.id, event.target.value as RecordedChoice))}
                  >
                    <option value="for">For</option>
                    <option value="against">Against</option>
                    <option value="abstain">Abstain</option>
                    <option value="none">Did not vote</option>
                  </select>
                </div>
              ))}
            </div>
          )
        ) : null}
        {tied ? (
          <>
            <span id={`${id}-casting-label`} className="field__label">
              Chair’s casting vote
            </span>
            <div role="radiogroup" aria-labelledby={`${id}-casting-label`} className="radio-row">
              {CASTING_CHOICES.map((option) => (
                <label key={option.choice} className="checkbox">
                  <input
                    type="radio"
                    name={`${id}-casting`}
                    value={option.choice}
                    checked={(vote.castingVote ?? 'none') === option.choice}
                    onChange={() => onPut({ ...decision, vote: withCastingVote(vote, option.choice) })}
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </>
        ) : null}
      </div>
      <div className="record-entry__wording" role="note" aria-label={`Standard wording of decision ${number}`}>
        <span className="field__label">Standard wording</span>
        <p className="record-entry__sentence">{wording}</p>
      </div>
      {problems.length > 0 ? (
        <div role="alert" className="record-entry__warning">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
    </RecordEntry>
  );
}
