/**
 * Setting up a meeting: committee (one of the library's committees, whose roster, standard items
 * and venue the meeting starts from, or any name typed in), title, date, start time and venue.
 * The details are checked with
 * the same schema the core uses, so the clerk hears about a missing committee name before anything
 * is written, in the same words the core would use.
 */
import { useId, useState, type FormEvent } from 'react';
import type { OperationInput } from '../../main/domain/api';
import type { Committee } from '../../main/domain/committee';
import { MeetingDetails } from '../../main/domain/meeting';
import { Dialog } from '../ui/Dialog';
import { messageForClerk } from '../ui/errorMessage';
import { FormSubmitRow } from '../ui/FormSubmitRow';
import { localIsoDate } from '../../main/domain/calendar';

interface NewMeetingDialogProps {
  /** The library's committees; undefined while they are being read. */
  committees: readonly Committee[] | undefined;
  onCreate: (details: OperationInput<'meetings.create'>) => Promise<void>;
  onCancel: () => void;
}

function sentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The select's value for "Other (type a name)". */
const OTHER = '';

export function NewMeetingDialog({ committees = [], onCreate, onCancel }: NewMeetingDialogProps) {
  const ids = { choice: useId(), choiceHint: useId(), committee: useId(), title: useId(), date: useId(), startTime: useId(), venue: useId() };
  const [initial] = useState(() => committees[0]);
  const [form, setForm] = useState({
    committee: initial?.name ?? '',
    title: '',
    date: localIsoDate(new Date()),
    startTime: '10:00',
    venue: initial?.defaultVenue ?? '',
  });
  const [committeeSlug, setCommitteeSlug] = useState<string>(initial?.slug ?? OTHER);
  const chosen = committees.find((committee) => committee.slug === committeeSlug);
  const [problem, setProblem] = useState<string>();
  const [creating, setCreating] = useState(false);

  function field(name: keyof typeof form) {
    return {
      id: ids[name],
      value: form[name],
      onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value })),
    };
  }

  function chooseCommittee(slug: string): void {
    const previous = chosen;
    const next = committees.find((committee) => committee.slug === slug);
    setCommitteeSlug(slug);
    setForm((current) => ({
      ...current,
      committee: next ? next.name : previous ? '' : current.committee,
      // The venue follows the committee's default unless the clerk has typed another.
      venue: !current.venue.trim() || current.venue === previous?.defaultVenue ? (next?.defaultVenue ?? '') : current.venue,
    }));
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
      await onCreate(chosen ? { ...parsed.data, committeeSlug: chosen.slug } : parsed.data);
    } catch (error) {
      setProblem(messageForClerk(error));
      setCreating(false);
    }
  }

  return (
    <Dialog title="New meeting" onCancel={onCancel}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {committees.length > 0 ? (
          <div className="field">
            <label className="field__label" htmlFor={ids.choice}>
              Committee
            </label>
            <select
              id={ids.choice}
              className="field__input"
              value={committeeSlug}
              aria-describedby={chosen ? ids.choiceHint : undefined}
              data-autofocus
              onChange={(event) => chooseCommittee(event.target.value)}
            >
              {committees.map((committee) => (
                <option key={committee.slug} value={committee.slug}>
                  {committee.name}
                </option>
              ))}
              <option value={OTHER}>Other (type a name)</option>
            </select>
            {chosen ? (
              <p id={ids.choiceHint} className="field__hint">
                The meeting starts with this committee’s members, standard items and quorum rule.
              </p>
            ) : null}
          </div>
        ) : null}
        {chosen ? null : (
          <div className="field">
            <label className="field__label" htmlFor={ids.committee}>
              Committee name
            </label>
            <input className="field__input" type="text" required maxLength={200} autoComplete="off" data-autofocus {...field('committee')} />
          </div>
        )}
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
        <FormSubmitRow problem={problem} submitLabel="Create meeting" busy={creating} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
