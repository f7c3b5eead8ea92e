/**
 * Export action log… on the Committees screen: every action from all the committee's meetings in
 * the library, as a Word table or as CSV for Excel, with or without the Part 2 (confidential)
 * actions, saved where the clerk says. Then the clerk can open the file or show it in its folder;
 * if Word or Excel has the file open, the core's message says so and a free name beside it is
 * offered. Looks and behaves like the meeting's Export… dialog.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ActionLogFormat, ActionLogTargets } from '../../main/domain/api';
import { ApiError, type ApiClient } from '../api/client';
import { Dialog } from '../app/Dialog';
import { messageForClerk } from '../app/errorMessage';
import { fileNameOf } from '../export/ExportDialog';
import '../export/export.css';
import './actionLogExport.css';

interface ActionLogExportDialogProps {
  api: ApiClient;
  committee: { slug: string; name: string };
  onClose: () => void;
}

type Outcome =
  | { kind: 'exported'; path: string; rows: number; unreadable: number }
  | { kind: 'busy'; message: string; suggestedPath: string }
  | { kind: 'problem'; message: string }
  | undefined;

const EXTENSIONS: Record<ActionLogFormat, string> = { docx: '.docx', csv: '.csv' };

/** A typed path keeps its folder and name when the format changes; only the ending follows the format. */
function withEnding(path: string, format: ActionLogFormat): string {
  const other = format === 'docx' ? EXTENSIONS.csv : EXTENSIONS.docx;
  return path.toLowerCase().endsWith(other) ? `${path.slice(0, -other.length)}${EXTENSIONS[format]}` : path;
}

/** "Exported 14 actions to …"; a log with no actions says why it is empty. */
export function exportedSentence(rows: number, path: string): string {
  if (rows === 0) return `Exported to ${path}. No actions are recorded at this committee’s meetings.`;
  return `Exported ${rows} ${rows === 1 ? 'action' : 'actions'} to ${path}`;
}

/** "2 meeting files could not be read and are not included." */
export function unreadableSentence(unreadable: number): string {
  if (unreadable === 0) return '';
  const files = unreadable === 1 ? '1 meeting file could not be read and is' : `${unreadable} meeting files could not be read and are`;
  return `${files} not included: any actions in them are missing from the log. The Meetings screen lists them.`;
}

export function ActionLogExportDialog({ api, committee, onClose }: ActionLogExportDialogProps) {
  const ids = { format: useId(), docxHint: useId(), csvHint: useId(), confidential: useId(), confidentialHint: useId(), path: useId(), pathHint: useId() };
  const [format, setFormat] = useState<ActionLogFormat>('docx');
  const [confidential, setConfidential] = useState(false);
  const [targets, setTargets] = useState<ActionLogTargets>();
  const [path, setPath] = useState('');
  // Once the clerk types or chooses a path, the choices above no longer replace it (the format still sets its ending).
  const [pathChosen, setPathChosen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [fileProblem, setFileProblem] = useState<string>();
  const focusAfter = useRef<'open' | 'suggestion' | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const suggestionButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    api.call('committees.actionLogTargets', { slug: committee.slug }).then(
      (answer) => {
        if (!current) return;
        setTargets(answer);
        setPath((typed) => typed || answer.paths.public.docx);
      },
      (error: unknown) => {
        if (current) setOutcome({ kind: 'problem', message: messageForClerk(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [api, committee.slug]);

  useEffect(() => {
    const request = focusAfter.current;
    focusAfter.current = null;
    if (request === 'open') openButton.current?.focus();
    else if (request === 'suggestion') suggestionButton.current?.focus();
  });

  function offeredPath(nextFormat: ActionLogFormat, nextConfidential: boolean): string | undefined {
    return targets?.paths[nextConfidential ? 'confidential' : 'public'][nextFormat];
  }

  function chooseFormat(next: ActionLogFormat): void {
    setFormat(next);
    setOutcome(undefined);
    const offered = offeredPath(next, confidential);
    if (!pathChosen && offered) setPath(offered);
    else setPath((current) => withEnding(current, next));
  }

  function includePart2(next: boolean): void {
    setConfidential(next);
    setOutcome(undefined);
    const offered = offeredPath(format, next);
    if (!pathChosen && offered) setPath(offered);
  }

  function typePath(next: string): void {
    setPath(next);
    setPathChosen(true);
    setOutcome(undefined);
  }

  async function chooseFile(): Promise<void> {
    try {
      const chosen = await api.call('committees.chooseActionLogTarget', { defaultPath: path.trim() || offeredPath(format, confidential) || '', format });
      if (chosen.path) typePath(chosen.path);
    } catch (error) {
      setOutcome({ kind: 'problem', message: messageForClerk(error) });
    }
  }

  async function exportTo(target: string): Promise<void> {
    if (target.trim() === '') {
      setOutcome({ kind: 'problem', message: `Type where to save the action log in “Save as”, as a full path ending in ${EXTENSIONS[format]}.` });
      return;
    }
    setExporting(true);
    setOutcome(undefined);
    setFileProblem(undefined);
    try {
      const exported = await api.call('committees.exportActionLog', { slug: committee.slug, format, confidential, target });
      setPath(exported.path);
      setOutcome({ kind: 'exported', path: exported.path, rows: exported.rows, unreadable: exported.unreadable });
      focusAfter.current = 'open';
    } catch (error) {
      if (error instanceof ApiError && error.code === 'export-target-busy' && error.suggestedPath) {
        setOutcome({ kind: 'busy', message: error.message, suggestedPath: error.suggestedPath });
        focusAfter.current = 'suggestion';
      } else {
        setOutcome({ kind: 'problem', message: messageForClerk(error) });
      }
    } finally {
      setExporting(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void exportTo(path);
  }

  async function saveAsSuggested(suggestedPath: string): Promise<void> {
    setPath(suggestedPath);
    setPathChosen(true);
    await exportTo(suggestedPath);
  }

  async function onFile(operation: 'files.open' | 'files.showInFolder', file: string): Promise<void> {
    setFileProblem(undefined);
    try {
      await api.call(operation, { path: file });
    } catch (error) {
      setFileProblem(messageForClerk(error));
    }
  }

  return (
    <Dialog title="Export action log" description={`Every action from all the ${committee.name} meetings in the library, oldest meeting first.`} onCancel={onClose}>
      <form className="form export-dialog" onSubmit={submit} noValidate aria-busy={exporting}>
        <fieldset className="export-dialog__group">
          <legend>Format</legend>
          <label className="export-dialog__choice">
            <input type="radio" name={ids.format} value="docx" checked={format === 'docx'} aria-describedby={ids.docxHint} onChange={() => chooseFormat('docx')} />
            Word table
          </label>
          <p id={ids.docxHint} className="field__hint export-dialog__hint">
            One table in the house style, its header row repeated on every page: ready to print or send.
          </p>
          <label className="export-dialog__choice">
            <input type="radio" name={ids.format} value="csv" checked={format === 'csv'} aria-describedby={ids.csvHint} onChange={() => chooseFormat('csv')} />
            CSV for Excel
          </label>
          <p id={ids.csvHint} className="field__hint export-dialog__hint">
            One row per action for Excel or another spreadsheet, dates as yyyy-mm-dd so they sort.
          </p>
        </fieldset>

        <div>
          <label className="export-dialog__choice" htmlFor={ids.confidential}>
            <input id={ids.confidential} type="checkbox" checked={confidential} aria-describedby={ids.confidentialHint} onChange={(event) => includePart2(event.target.checked)} />
            Include Part 2 (confidential) actions
          </label>
          <p id={ids.confidentialHint} className="field__hint export-dialog__hint">
            {confidential
              ? 'The log then holds exempt information: not for publishing. The Word table says CONFIDENTIAL on every page.'
              : 'Without them the log can be published: actions of Part 2 items are left out.'}
          </p>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={ids.path}>
            Save as
          </label>
          <p id={ids.pathHint} className="field__hint">
            {targets?.canChooseFile ? 'The full path of the file. Choose… shows the folders on this computer.' : `The full path of the file, ending in ${EXTENSIONS[format]}.`}
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
              onChange={(event) => typePath(event.target.value)}
            />
            {targets?.canChooseFile ? (
              <button type="button" className="button" onClick={() => void chooseFile()}>
                Choose…
              </button>
            ) : null}
          </div>
        </div>

        <div className="export-dialog__outcome">
          <div role="status" className="export-dialog__exported action-log-export__status">
            <p className="form__saved">{outcome?.kind === 'exported' ? exportedSentence(outcome.rows, outcome.path) : exporting ? 'Exporting…' : ''}</p>
            {outcome?.kind === 'exported' && outcome.unreadable > 0 ? <p className="form__problem">{unreadableSentence(outcome.unreadable)}</p> : null}
          </div>
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
          {outcome?.kind === 'busy' ? (
            <div role="alert" className="export-dialog__busy">
              <p className="form__problem">{outcome.message}</p>
              <div className="form__actions">
                <button ref={suggestionButton} type="button" className="button" disabled={exporting} onClick={() => void saveAsSuggested(outcome.suggestedPath)}>
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

        <div className="dialog__buttons">
          <button type="submit" className="button button--primary" disabled={exporting}>
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
