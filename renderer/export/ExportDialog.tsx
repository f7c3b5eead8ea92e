/**
 * Export… from the meeting screen: which version (public or confidential), whether every page
 * says DRAFT, and where to save. Everything typed reaches the core first, so the Word file holds
 * the latest words. Then the clerk can open the file or show it in its folder; if Word has the
 * file open, the core's message says so and a free name beside it is offered.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ExportTargets, MinutesVersion } from '../../main/domain/api';
import type { Meeting } from '../../main/domain/meeting';
import { ApiError, type ApiClient } from '../api/client';
import { Dialog } from '../app/Dialog';
import { messageForClerk } from '../app/errorMessage';
import './export.css';

/** Whether the clerk's last changes reached the core before the export. */
export type ChangesReached = 'reached' | 'still-sending';

interface ExportDialogProps {
  api: ApiClient;
  meeting: Meeting;
  /** Sends what is typed and waits until the core has it. */
  sendEverythingTyped: () => Promise<ChangesReached>;
  onClose: () => void;
}

type Outcome =
  | { kind: 'exported'; path: string }
  | { kind: 'busy'; message: string; suggestedPath: string }
  | { kind: 'problem'; message: string }
  | undefined;

/** The last part of a Windows or POSIX path, for naming a file in a sentence or a button. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

export function ExportDialog({ api, meeting, sendEverythingTyped, onClose }: ExportDialogProps) {
  const ids = { version: useId(), publicHint: useId(), confidentialHint: useId(), draft: useId(), path: useId(), pathHint: useId() };
  const hasPart2 = meeting.agenda.some((item) => item.exempt);
  const [version, setVersion] = useState<MinutesVersion>('public');
  const [draft, setDraft] = useState(meeting.status === 'draft');
  const [targets, setTargets] = useState<ExportTargets>();
  const [path, setPath] = useState('');
  // Once the clerk types or chooses a path, switching version no longer replaces it.
  const [pathChosen, setPathChosen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [fileProblem, setFileProblem] = useState<string>();
  const focusAfter = useRef<'open' | 'suggestion' | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const suggestionButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    api.call('meetings.exportTargets', { meetingId: meeting.id }).then(
      (answer) => {
        if (!current) return;
        setTargets(answer);
        setPath((typed) => typed || answer.paths.public);
      },
      (error: unknown) => {
        if (current) setOutcome({ kind: 'problem', message: messageForClerk(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [api, meeting.id]);

  useEffect(() => {
    const request = focusAfter.current;
    focusAfter.current = null;
    if (request === 'open') openButton.current?.focus();
    else if (request === 'suggestion') suggestionButton.current?.focus();
  });

  function chooseVersion(next: MinutesVersion): void {
    setVersion(next);
    setOutcome(undefined);
    if (!pathChosen && targets) setPath(targets.paths[next]);
  }

  function markDraft(next: boolean): void {
    setDraft(next);
    setOutcome(undefined);
  }

  function typePath(next: string): void {
    setPath(next);
    setPathChosen(true);
    setOutcome(undefined);
  }

  async function chooseFile(): Promise<void> {
    try {
      const chosen = await api.call('files.chooseExportTarget', { defaultPath: path.trim() || targets?.paths[version] || '' });
      if (chosen.path) typePath(chosen.path);
    } catch (error) {
      setOutcome({ kind: 'problem', message: messageForClerk(error) });
    }
  }

  async function exportTo(target: string): Promise<void> {
    if (target.trim() === '') {
      setOutcome({ kind: 'problem', message: 'Type where to save the minutes in “Save as”, as a full path ending in .docx.' });
      return;
    }
    setExporting(true);
    setOutcome(undefined);
    setFileProblem(undefined);
    try {
      if ((await sendEverythingTyped()) === 'still-sending') {
        setOutcome({
          kind: 'problem',
          message: 'Your last changes have not reached Minute Book’s background service yet, so the export would miss them. They are kept on this screen; try Export again in a moment.',
        });
        return;
      }
      const exported = await api.call('meetings.export', { meetingId: meeting.id, version, draft, target });
      setPath(exported.path);
      setOutcome({ kind: 'exported', path: exported.path });
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
    <Dialog title="Export the minutes to Word" onCancel={onClose}>
      <form className="form export-dialog" onSubmit={submit} noValidate aria-busy={exporting}>
        <fieldset className="export-dialog__group">
          <legend>Version</legend>
          <label className="export-dialog__choice">
            <input type="radio" name={ids.version} value="public" checked={version === 'public'} aria-describedby={ids.publicHint} onChange={() => chooseVersion('public')} />
            Public
          </label>
          <p id={ids.publicHint} className="field__hint export-dialog__hint">
            For publishing: each Part 2 item is replaced by its public summary and the Schedule 12A paragraph.
          </p>
          <label className="export-dialog__choice">
            <input
              type="radio"
              name={ids.version}
              value="confidential"
              checked={version === 'confidential'}
              aria-describedby={ids.confidentialHint}
              onChange={() => chooseVersion('confidential')}
            />
            Confidential
          </label>
          <p id={ids.confidentialHint} className="field__hint export-dialog__hint">
            Everything, including Part 2 items, with CONFIDENTIAL on every page.
            {hasPart2 ? '' : ' This meeting has no Part 2 items, so both versions hold the same minutes.'}
          </p>
        </fieldset>

        <label className="export-dialog__choice" htmlFor={ids.draft}>
          <input id={ids.draft} type="checkbox" checked={draft} onChange={(event) => markDraft(event.target.checked)} />
          Mark every page DRAFT
        </label>

        <div className="field">
          <label className="field__label" htmlFor={ids.path}>
            Save as
          </label>
          <p id={ids.pathHint} className="field__hint">
            {targets?.canChooseFile ? 'The full path of the Word file. Choose… shows the folders on this computer.' : 'The full path of the Word file, ending in .docx.'}
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
          <p role="status" className="form__saved export-dialog__exported">
            {outcome?.kind === 'exported' ? `Exported to ${outcome.path}` : exporting ? 'Exporting…' : ''}
          </p>
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
