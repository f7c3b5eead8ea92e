/**
 * The foot of a dialog's form: the problem (announced at once), then the submit button and Cancel.
 */
interface FormSubmitRowProps {
  problem: string | undefined;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}

export function FormSubmitRow({ problem, submitLabel, busy, onCancel }: FormSubmitRowProps) {
  return (
    <>
      {problem ? (
        <p role="alert" className="form__problem">
          {problem}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
