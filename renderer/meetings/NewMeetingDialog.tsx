/**
 * Setting up a meeting: committee, title, date, start time and venue. The details are checked with
 * the same schema the core uses, so the clerk hears about a missing committee name before anything
 * is written, in the same words the core would use.
 */
import { useId, useState, type FormEvent } from 'react';
import { MeetingDetails } from '../../main/domain/meeting';
import { Dialog } from '../app/Dialog';
import { messageForClerk } from '../app/errorMessage';
import { todayIsoDate } from './meetingDates';

interface NewMeetingDialogProps {
  onCreate: (details: MeetingDetails) => Promise<void>;
  onCancel: () => void;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

export function NewMeetingDialog({ onCreate, onCancel }: NewMeetingDialogProps) {
  const ids = { committee: useId(), title: useId(), date: useId(), startTime: useId(), venue: useId() };
  const [form, setForm] = useState({ committee: '', title: '', date: todayIsoDate(), startTime: '10:00', venue: '' });
  const [problem, setProblem] = useState<string>();
  const [creating, setCreating] = useState(false);

  function field(name: keyof typeof form) {
    return {
      id: ids[name],
      value: form[name],
      onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value })),
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const parsed = MeetingDetails.safeParse(form);
    if (!parsed.success) {
      setProblem(sentence(parsed.error.issues[0]?.message ?? 'These details are not complete'));
      return;
    }
    setProblem(undefined);
    setCreating(true);
    try {
      await onCreate(parsed.data);
    } catch (error) {
      setProblem(messageForClerk(error));
      setCreating(false);
    }
  }

  return (
    <Dialog title="New meeting" onCancel={onCancel}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={ids.committee}>
            Committee
          </label>
          <input className="field__input" type="text" required maxLength={200} autoComplete="off" data-autofocus {...field('committee')} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.title}>
            Title
          </label>
          <input className="field__input" type="text" maxLength={300} autoComplete="off" {...field('title')} />
        </div>
        <div className="form__row">
          <div className="field">
            <label className="field__label" htmlFor={ids.date}>
              Date
            </label>
            <input className="field__input" type="date" required {...field('date')} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={ids.startTime}>
              Start time
            </label>
            <input className="field__input" type="time" required {...field('startTime')} />
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.venue}>
            Venue
          </label>
          <input className="field__input" type="text" maxLength={300} autoComplete="off" {...field('venue')} />
        </div>
        {problem ? (
          <p role="alert" className="form__problem">
            {problem}
          </p>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={creating}>
            Create meeting
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
