/**
 * What every export dialog shows after Export: the result, Open and Show in folder; when Word or
 * Excel has the file open, the core's message and a free name beside it to save as instead; when
 * a file of that name is simply there, the core's question with Replace it and the free name;
 * and any problem in a line of its own. useExportOutcome runs the export and keeps that state
 * (focus moves to Open after an export, to the free name when the name is taken, so Enter never
 * replaces a file); ExportOutcome shows it.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import { messageForClerk } from '../ui/errorMessage';

/** The last part of a Windows or POSIX path, for naming a file in a sentence or a button. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** What the last export came to; `Exported` is what the dialog keeps of a saved file. */
export type Outcome<Exported extends { path: string }> =
  | ({ kind: 'exported' } & Exported)
  /** The name is taken: open in Word or Excel (busy), or a file is there that the clerk may replace (exists). */
  | { kind: 'taken'; message: string; suggestedPath: string; canReplace: boolean }
  | { kind: 'problem'; message: string }
  | undefined;

export interface ExportOutcomeState<Exported extends { path: string }> {
  exporting: boolean;
  outcome: Outcome<Exported>;
  fileProblem: string | undefined;
  openButton: RefObject<HTMLButtonElement | null>;
  suggestionButton: RefObject<HTMLButtonElement | null>;
  /** Forgets the last outcome (the clerk changed a choice). */
  clear: () => void;
  /** Says what stops the export, in the clerk's words. */
  showProblem: (message: string) => void;
  /**
   * Runs one export: `work` saves the file and returns what to keep, or undefined when it has
   * already said (showProblem) why it did not export. Busy files and failures become the outcome.
   */
  run: (work: () => Promise<Exported | undefined>) => Promise<void>;
  /** Opens the saved file, or shows it in its folder. */
  onFile: (operation: 'files.open' | 'files.showInFolder', file: string) => Promise<void>;
  /** The desktop's Save dialog gave this file: it has asked the clerk already whether to replace one there. */
  chosenInSaveDialog: (path: string) => void;
  /** Whether the export may replace a file at target without asking: only the file the Save dialog asked about. */
  replaceAnswered: (target: string) => boolean;
}

export function useExportOutcome<Exported extends { path: string }>(api: ApiClient): ExportOutcomeState<Exported> {
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome<Exported>>();
  const [fileProblem, setFileProblem] = useState<string>();
  const focusAfter = useRef<'open' | 'suggestion' | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const suggestionButton = useRef<HTMLButtonElement>(null);
  const answeredInSaveDialog = useRef<string | undefined>(undefined);

  useEffect(() => {
    const request = focusAfter.current;
    focusAfter.current = null;
    if (request === 'open') openButton.current?.focus();
    else if (request === 'suggestion') suggestionButton.current?.focus();
  });

  const showProblem = useCallback((message: string) => setOutcome({ kind: 'problem', message }), []);
  const clear = useCallback(() => setOutcome(undefined), []);

  async function run(work: () => Promise<Exported | undefined>): Promise<void> {
    setExporting(true);
    setOutcome(undefined);
    setFileProblem(undefined);
    try {
      const exported = await work();
      if (exported === undefined) return;
      setOutcome({ ...exported, kind: 'exported' });
      focusAfter.current = 'open';
    } catch (error) {
      const taken = error instanceof ApiError && (error.code === 'export-target-busy' || error.code === 'export-target-exists') && error.suggestedPath;
      if (taken) {
        setOutcome({ kind: 'taken', message: error.message, suggestedPath: taken, canReplace: error.code === 'export-target-exists' });
        focusAfter.current = 'suggestion';
      } else {
        showProblem(messageForClerk(error));
      }
    } finally {
      setExporting(false);
    }
  }

  async function onFile(operation: 'files.open' | 'files.showInFolder', file: string): Promise<void> {
    setFileProblem(undefined);
    try {
      await api.call(operation, { path: file });
    } catch (error) {
      setFileProblem(messageForClerk(error));
    }
  }

  const chosenInSaveDialog = useCallback((path: string) => {
    answeredInSaveDialog.current = path;
  }, []);
  const replaceAnswered = useCallback((target: string) => answeredInSaveDialog.current === target, []);

  return { exporting, outcome, fileProblem, openButton, suggestionButton, clear, showProblem, run, onFile, chosenInSaveDialog, replaceAnswered };
}

interface ExportOutcomeProps<Exported extends { path: string }> {
  state: ExportOutcomeState<Exported>;
  /** The dialog's own status line (role="status"): what was exported, or Exporting…. */
  status: ReactNode;
  /** Exports again to the free name the core offered. */
  onSaveAsSuggested: (suggestedPath: string) => void;
  /** Exports again to the same file, replacing the one there: the clerk said Replace it. */
  onReplace: () => void;
}

export function ExportOutcome<Exported extends { path: string }>({ state, status, onSaveAsSuggested, onReplace }: ExportOutcomeProps<Exported>) {
  const { outcome, exporting, fileProblem, openButton, suggestionButton, onFile } = state;
  return (
    <div className="export-dialog__outcome">
      {status}
      {outcome?.kind === 'exported' ? (
        <div className="form__actions">
          <button ref={openButton} type="button" className="button" onClick={() => void onFile('files.open', outcome.path)}>
            Open
          </button>
          <button type="button" className="button" onClick={() => void onFile('files.showInFolder', outcome.path)}>
            Show in folder
          </button>
        </div>
      ) : null}
      {outcome?.kind === 'taken' ? (
        <div role="alert" className="export-dialog__busy">
          <p className="form__problem">{outcome.message}</p>
          <div className="form__actions">
            {outcome.canReplace ? (
              <button type="button" className="button" disabled={exporting} onClick={onReplace}>
                Replace it
              </button>
            ) : null}
            <button ref={suggestionButton} type="button" className="button" disabled={exporting} onClick={() => onSaveAsSuggested(outcome.suggestedPath)}>
              Save as {fileNameOf(outcome.suggestedPath)}
            </button>
          </div>
        </div>
      ) : null}
      {outcome?.kind === 'problem' ? (
        <p role="alert" className="form__problem">
          {outcome.message}
        </p>
      ) : null}
      {fileProblem ? (
        <p role="alert" className="form__problem">
          {fileProblem}
        </p>
      ) : null}
    </div>
  );
}
