/**
 * Export action log… on the Committees screen: every action from all the committee's meetings in
 * the library, as a Word table or as CSV for Excel, with or without the Part 2 (confidential)
 * actions, saved where the clerk says. Then the clerk can open the file or show it in its folder;
 * if Word or Excel has the file open, the core's message says so and a free name beside it is
 * offered. Looks and behaves like the meeting's Export… dialog.
 */
import { useCallback, useId, useState } from 'react';
import type { ActionLogFormat, ActionLogTargets } from '../../main/domain/api';
import type { ApiClient } from '../api/client';
import { ExportForm, SaveAsField } from '../export/ExportForm';
import { useExportDestination } from '../export/useExportDestination';
import '../export/export.css';
import './actionLogExport.css';

interface ActionLogExportDialogProps {
  api: ApiClient;
  committee: { slug: string; name: string };
  onClose: () => void;
}

/** What the dialog keeps of a saved log: where, how many actions, how many meeting files it could not read. */
interface ExportedLog {
  path: string;
  rows: number;
  unreadable: number;
}

const EXTENSIONS: Record<ActionLogFormat, string> = { docx: '.docx', csv: '.csv' };

/** A typed path keeps its folder and name when the format changes; only the ending follows the format. */
function withEnding(path: string, format: ActionLogFormat): string {
  const other = format === 'docx' ? EXTENSIONS.csv : EXTENSIONS.docx;
  return path.toLowerCase().endsWith(other) ? `${path.slice(0, -other.length)}${EXTENSIONS[format]}` : path;
}

/** The path the core offers for the log in this format, with or without the Part 2 actions. */
function offeredPath(targets: ActionLogTargets, format: ActionLogFormat, confidential: boolean): string {
  return targets.paths[confidential ? 'confidential' : 'public'][format];
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
  const ids = { format: useId(), docxHint: useId(), csvHint: useId(), confidential: useId(), confidentialHint: useId() };
  const [format, setFormat] = useState<ActionLogFormat>('docx');
  const [confidential, setConfidential] = useState(false);
  const loadTargets = useCallback(() => api.call('committees.actionLogTargets', { slug: committee.slug }), [api, committee.slug]);
  const destination = useExportDestination<ActionLogTargets, ExportedLog>({
    api,
    loadTargets,
    offeredPath: (targets) => offeredPath(targets, format, confidential),
    chooseFile: (defaultPath) => api.call('committees.chooseActionLogTarget', { defaultPath, format }),
    emptyPathProblem: `Type where to save the action log in “Save as”, as a full path ending in ${EXTENSIONS[format]}.`,
    save: async (target, replace) => {
      const exported = await api.call('committees.exportActionLog', { slug: committee.slug, format, confidential, target, replace });
      return { path: exported.path, rows: exported.rows, unreadable: exported.unreadable };
    },
  });
  const { targets, outcome: exportOutcome } = destination;
  const { exporting, outcome, clear: clearOutcome } = exportOutcome;

  function chooseFormat(next: ActionLogFormat): void {
    setFormat(next);
    clearOutcome();
    if (!destination.offer(targets && offeredPath(targets, next, confidential))) destination.adjustPath((current) => withEnding(current, next));
  }

  function includePart2(next: boolean): void {
    setConfidential(next);
    clearOutcome();
    destination.offer(targets && offeredPath(targets, format, next));
  }

  return (
    <ExportForm
      title="Export action log"
      description={`Every action from all the ${committee.name} meetings in the library, oldest meeting first.`}
      {...destination.form}
      status={
        <div role="status" className="export-dialog__exported action-log-export__status">
          <p className="form__saved">{outcome?.kind === 'exported' ? exportedSentence(outcome.rows, outcome.path) : exporting ? 'Exporting…' : ''}</p>
          {outcome?.kind === 'exported' && outcome.unreadable > 0 ? <p className="form__problem">{unreadableSentence(outcome.unreadable)}</p> : null}
        </div>
      }
      onClose={onClose}
    >
      <fieldset className="export-dialog__group">
        <legend>Format</legend>
        <label className="export-dialog__choice">
          <input
            type="radio"
            name={ids.format}
            value="docx"
            checked={format === 'docx'}
            aria-describedby={ids.docxHint}
            onChange={() => chooseFormat('docx')}
          />
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
          <input
            id={ids.confidential}
            type="checkbox"
            checked={confidential}
            aria-describedby={ids.confidentialHint}
            onChange={(event) => includePart2(event.target.checked)}
          />
          Include Part 2 (confidential) actions
        </label>
        <p id={ids.confidentialHint} className="field__hint export-dialog__hint">
          {confidential
            ? 'The log then holds exempt information: not for publishing. The Word table says CONFIDENTIAL on every page.'
            : 'Without them the log can be published: actions of Part 2 items are left out.'}
        </p>
      </div>

      <SaveAsField
        {...destination.saveAs}
        hint={
          targets?.canChooseFile
            ? 'The full path of the file. Choose… shows the folders on this computer.'
            : `The full path of the file, ending in ${EXTENSIONS[format]}.`
        }
      />
    </ExportForm>
  );
}
