/**
 * The top of the meeting screen: the way back, the screen's buttons (conflicts, history and the
 * commands that have one), then the meeting's name and details with the quorum for the current
 * item, the first minute number, what the clerk should know (migrations, notices, who else has
 * it open) and, read only, the way to edit as well.
 */
import { useEffect, useState } from 'react';
import type { Presence } from '../../main/domain/api';
import { formatMeetingDate } from '../../main/domain/calendar';
import type { Meeting } from '../../main/domain/meeting';
import { QuorumIndicator } from '../attendance/AttendancePanel';
import { shortcutOf, type ShortcutCommand } from '../shortcuts/shortcuts';
import { presenceLine, readOnlyBanner } from './presenceText';

interface MeetingHeaderProps {
  meeting: Meeting;
  readOnly: boolean;
  presence: readonly Presence[];
  currentItemId: string | undefined;
  /** Bumped when the meeting is replaced from the core, so the first minute number shows the new one. */
  reloads: number;
  /** Told once when the meeting opens (migrated, changes added back). */
  notes: readonly string[];
  /** Told in the polite region: sessions taken over, copies merged. */
  notices: readonly string[];
  showAllActions: boolean;
  onToggleAllActions: () => void;
  onBack: () => void;
  onShowConflicts: () => void;
  onShowHistory: () => void;
  onCommand: (command: ShortcutCommand) => void;
  onFirstMinuteNumber: (firstMinuteNumber: number) => void;
  onEditAsWell: () => void;
}

/** A command's button: its label and keys come from the command table. */
function CommandButton({ command, className, onCommand }: { command: ShortcutCommand; className: string; onCommand: (command: ShortcutCommand) => void }) {
  const shortcut = shortcutOf(command);
  return (
    <button type="button" className={className} aria-keyshortcuts={shortcut.ariaKeys} onClick={() => onCommand(command)}>
      {shortcut.button ?? shortcut.description}
    </button>
  );
}

export function MeetingHeader(props: MeetingHeaderProps) {
  const { meeting, readOnly, presence } = props;
  const details = [formatMeetingDate(meeting.date), meeting.startTime, meeting.venue].filter((part) => part.trim() !== '');
  return (
    <>
      <div className="meeting-screen__top">
        <button type="button" className="button button--quiet" onClick={props.onBack}>
          <span aria-hidden="true">← </span>All meetings
        </button>
        <div className="meeting-screen__commands">
          {meeting.conflicts.length > 0 ? (
            <button type="button" className="button button--attention" onClick={props.onShowConflicts}>
              Conflicts ({meeting.conflicts.length})
            </button>
          ) : null}
          <button type="button" className="button" onClick={props.onShowHistory}>
            History
          </button>
          <CommandButton command="exportMinutes" className="button" onCommand={props.onCommand} />
          <CommandButton command="showShortcuts" className="button button--quiet" onCommand={props.onCommand} />
        </div>
      </div>
      <header className="meeting-header">
        <h1 className="meeting-header__committee" tabIndex={-1}>
          {meeting.committee}
        </h1>
        <p className="meeting-header__details">
          {details.map((part, index) => (
            <span key={index} className="meeting-header__detail">
              {part}
            </span>
          ))}
          <span className={`status-tag status-tag--${meeting.status}`}>{meeting.status === 'approved' ? 'Approved' : 'Draft'}</span>
        </p>
        {meeting.title.trim() !== '' ? <p className="meeting-header__title">{meeting.title}</p> : null}
        <div className="meeting-header__live">
          <QuorumIndicator meeting={meeting} currentItemId={props.currentItemId} />
          <FirstMinuteNumberField key={props.reloads} disabled={readOnly} value={meeting.firstMinuteNumber} onChange={props.onFirstMinuteNumber} />
          <button type="button" className="button" aria-pressed={props.showAllActions} onClick={props.onToggleAllActions}>
            All actions
          </button>
        </div>
        {props.notes.map((note) => (
          <p key={note} className="notice">
            {note}
          </p>
        ))}
        <div role="status" className="meeting-notices">
          {props.notices.map((notice) => (
            <p key={notice} className="notice">
              {notice}
            </p>
          ))}
        </div>
        {presence.length > 0 ? <p className="presence-line">{presenceLine(presence)}</p> : null}
        {readOnly ? (
          <div className="read-only-banner" role="region" aria-label="Read only">
            <p className="read-only-banner__text">{readOnlyBanner(presence)}</p>
            <button type="button" className="button button--primary" onClick={props.onEditAsWell}>
              Edit as well
            </button>
          </div>
        ) : null}
      </header>
    </>
  );
}

/** Whether the box holds a minute number the meeting can start at: a whole number from 1 to 1,000,000. */
function isMinuteNumber(text: string): boolean {
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 1_000_000;
}

/** The minute number of the first item; the others follow in agenda order. */
function FirstMinuteNumberField({ value, disabled, onChange }: { value: number; disabled: boolean; onChange: (value: number) => void }) {
  const [typed, setTyped] = useState(String(value));
  // A number changed elsewhere (a colleague, a restore) shows here unless it is what is typed.
  useEffect(() => {
    setTyped((current) => (Number(current) === value ? current : String(value)));
  }, [value]);
  const valid = isMinuteNumber(typed);
  return (
    <div className="field field--number meeting-header__first-number">
      <label className="field__label" htmlFor="first-minute-number">
        First minute number
      </label>
      <input
        id="first-minute-number"
        className="field__input"
        type="number"
        min={1}
        max={1_000_000}
        disabled={disabled}
        value={typed}
        aria-invalid={valid ? undefined : true}
        onChange={(event) => {
          const next = event.target.value;
          setTyped(next);
          if (isMinuteNumber(next) && Number(next) !== value) onChange(Number(next));
        }}
      />
    </div>
  );
}
