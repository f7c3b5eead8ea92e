/**
 * Export… from the meeting screen: which version (public or confidential), whether every page
 * says DRAFT, and where to save. Everything typed reaches the core first, so the Word file holds
 * the latest words. Then the clerk can open the file or show it in its folder; if Word has the
 * file open, the core's message says so and a free name beside it is offered.
 */
import { useCallback, useId, useState } from 'react';
import type { MinutesVersion } from '../../main/domain/api';
import type { Meeting } from '../../main/domain/meeting';
import type { ApiClient } from '../api/client';
import { ExportForm, SaveAsField } from './ExportForm';
import { useExportDestination } from './useExportDestination';
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

export function ExportDialog({ api, meeting, sendEverythingTyped, onClose }: ExportDialogProps) {
  const ids = { version: useId(), publicHint: useId(), confidentialHint: useId(), draft: useId() };
  const hasPart2 = meeting.agenda.some((item) => item.exempt);
  const [version, setVersion] = useState<MinutesVersion>('public');
  const [draft, setDraft] = useState(meeting.status === 'draft');
  const loadTargets = useCallback(() => api.call('meetings.exportTargets', { meetingId: meeting.id }), [api, meeting.id]);
  const destination = useExportDestination({
    api,
    loadTargets,
    offeredPath: (targets) => targets.paths[version],
    chooseFile: (defaultPath) => api.call('files.chooseExportTarget', { defaultPath }),
    emptyPathProblem: 'Type where to save the minutes in “Save as”, as a full path ending in .docx.',
    save: async (target, replace) => {
      if ((await sendEverythingTyped()) === 'still-sending') {
        destination.outcome.showProblem(
          'Your last changes have not reached Minute Book’s background service yet, so the export would miss them. They are kept on this screen; try Export again in a moment.',
        );
        return undefined;
      }
      const exported = await api.call('meetings.export', { meetingId: meeting.id, version, draft, target, replace });
      return { path: exported.path };
    },
  });
  const { targets, outcome: exportOutcome } = destination;
  const { exporting, outcome, clear: clearOutcome } = exportOutcome;

  function chooseVersion(next: MinutesVersion): void {
    setVersion(next);
    clearOutcome();
    destination.offer(targets?.paths[next]);
  }

  function markDraft(next: boolean): void {
    setDraft(next);
    clearOutcome();
  }

  return (
    <ExportForm
      title="Export the minutes to Word"
      {...destination.form}
      status={
        <p role="status" className="form__saved export-dialog__exported">
          {outcome?.kind === 'exported' ? `Exported to ${outcome.path}` : exporting ? 'Exporting…' : ''}
        </p>
      }
      onClose={onClose}
    >
      <fieldset className="export-dialog__group">
        <legend>Version</legend>
        <label className="export-dialog__choice">
          <input
            type="radio"
            name={ids.version}
            value="public"
            checked={version === 'public'}
            aria-describedby={ids.publicHint}
            onChange={() => chooseVersion('public')}
          />
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

      <SaveAsField
        {...destination.saveAs}
        hint={
          targets?.canChooseFile
            ? 'The full path of the Word file. Choose… shows the folders on this computer.'
            : 'The full path of the Word file, ending in .docx.'
        }
      />
    </ExportForm>
  );
}
