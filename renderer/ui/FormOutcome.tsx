/**
 * What became of saving a form, under its fields: the problem, announced at once (an alert), or the
 * saved sentence in a status that is always there, empty until then, so screen readers hear it.
 */
interface FormOutcomeProps {
  /** The problem in the clerk's words, or undefined when there is none. */
  problem: string | undefined;
  /** "House style saved." once saved, '' until then. */
  saved: string;
}

export function FormOutcome({ problem, saved }: FormOutcomeProps) {
  return (
    <>
      {problem === undefined ? null : (
        <p role="alert" className="form__problem">
          {problem}
        </p>
      )}
      <p role="status" className="form__saved">
        {saved}
      </p>
    </>
  );
}
