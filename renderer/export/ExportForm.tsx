/**
 * What every export dialog is made of: the dialog and its form (ExportForm), with the clerk's
 * choices, the "Save as" field (the full path of the file, typed or, where this computer can
 * show its folders, chosen with Choose…), what the export came to, and Export and Close.
 */
import { useId, type FormEvent, type ReactNode } from 'react';
import { Dialog } from '../ui/Dialog';
import { ExportOutcome, type ExportOutcomeState } from './ExportOutcome';

interface SaveAsFieldProps {
  path: string;
  /** What the field wants, under its label. */
  hint: string;
  canChooseFile: boolean;
  onType: (path: string) => void;
  onChoose: () => void;
}

export function SaveAsField({ path, hint, canChooseFile, onType, onChoose }: SaveAsFieldProps) {
  const ids = { path: useId(), pathHint: useId() };
  return (
    <div className="field">
      <label className="field__label" htmlFor={ids.path}>
        Save as
      </label>
      <p id={ids.pathHint} className="field__hint">
        {hint}
      </p>
      <div className="export-dialog__path">
        <input
          id={ids.path}
          className="field__input field__input--path"
          type="text"
          spellCheck={false}
          autoComplete="off"
          aria-describedby={ids.pathHint}
          value={path}
          onChange={(event) => onType(event.target.value)}
        />
        {canChooseFile ? (
          <button type="button" className="button" onClick={onChoose}>
            Choose…
          </button>
        ) : null}
      </div>
    </div>
  );
}

interface ExportFormProps<Exported extends { path: string }> {
  title: string;
  description?: ReactNode;
  state: ExportOutcomeState<Exported>;
  /** The dialog's own status line for ExportOutcome. */
  status: ReactNode;
  /** Export (or Enter in the form): exports to the path in Save as. */
  onExport: () => void;
  onSaveAsSuggested: (suggestedPath: string) => void;
  /** Replace it: exports again to the path in Save as, replacing the file there. */
  onReplace: () => void;
  onClose: () => void;
  /** The dialog's own choices and its Save as field. */
  children: ReactNode;
}

/** An export dialog: the dialog's choices, then what the export came to, then Export and Close. */
export function ExportForm<Exported extends { path: string }>({
  title,
  description,
  state,
  status,
  onExport,
  onSaveAsSuggested,
  onReplace,
  onClose,
  children,
}: ExportFormProps<Exported>) {
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onExport();
  }

  return (
    <Dialog title={title} description={description} onCancel={onClose}>
      <form className="form export-dialog" onSubmit={submit} noValidate aria-busy={state.exporting}>
        {children}

        <ExportOutcome state={state} status={status} onSaveAsSuggested={onSaveAsSuggested} onReplace={onReplace} />

        <div className="dialog__buttons">
          <button type="submit" className="button button--primary" disabled={state.exporting}>
            Export
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </Dialog>
  );
}
