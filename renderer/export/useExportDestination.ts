/**
 * Where an export dialog saves, and the export itself, the same in every export dialog: the
 * core's offered paths (asked once when the dialog opens), the path in "Save as" (offered until
 * the clerk types or chooses one; then the clerk's choices no longer replace it), Choose… (the
 * desktop's Save dialog, starting at the typed path or the offered one), and Export, Save as
 * <free name> and Replace it, which all export to the path in Save as through useExportOutcome.
 */
import { useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useCoreAnswer } from '../api/useCoreAnswer';
import { messageForClerk } from '../ui/errorMessage';
import { useExportOutcome, type ExportOutcomeState } from './ExportOutcome';

interface ExportDestinationOptions<Targets extends { canChooseFile: boolean }, Exported extends { path: string }> {
  api: ApiClient;
  /** Asks the core where this export would go; a new function (say, another meeting) asks again. */
  loadTargets: () => Promise<Targets>;
  /** The path the core offers for the clerk's choices as they are now. */
  offeredPath: (targets: Targets) => string;
  /** The desktop's Save dialog, starting at `defaultPath`: the file the clerk picked, if any. */
  chooseFile: (defaultPath: string) => Promise<{ path?: string }>;
  /** What Save as wants when it is empty, in the clerk's words. */
  emptyPathProblem: string;
  /**
   * Exports to `target`: what the dialog keeps of the saved file, or undefined when it has said
   * (showProblem) why it did not export. `replace`: the clerk has said a file there may be replaced.
   */
  save: (target: string, replace: boolean) => Promise<Exported | undefined>;
}

export interface ExportDestination<Targets, Exported extends { path: string }> {
  outcome: ExportOutcomeState<Exported>;
  /** What the core offered, once it has answered. */
  targets: Targets | undefined;
  /** The clerk changed a choice: `offered` becomes the path unless the clerk typed or chose one; false when it did not. */
  offer: (offered: string | undefined) => boolean;
  /** Changes the path in Save as without counting as the clerk's own (the ending that follows a format). */
  adjustPath: (change: (path: string) => string) => void;
  /** For ExportForm: Export, Save as <free name> and Replace it. */
  form: { state: ExportOutcomeState<Exported>; onExport: () => void; onSaveAsSuggested: (suggestedPath: string) => void; onReplace: () => void };
  /** For SaveAsField, all but its hint. */
  saveAs: { path: string; canChooseFile: boolean; onType: (path: string) => void; onChoose: () => void };
}

export function useExportDestination<Targets extends { canChooseFile: boolean }, Exported extends { path: string }>(
  options: ExportDestinationOptions<Targets, Exported>,
): ExportDestination<Targets, Exported> {
  const { api, loadTargets, offeredPath, chooseFile, emptyPathProblem, save } = options;
  const [targets, setTargets] = useState<Targets>();
  const [path, setPath] = useState('');
  // Once the clerk types or chooses a path, the choices in the dialog no longer replace it.
  const [pathChosen, setPathChosen] = useState(false);
  const outcome = useExportOutcome<Exported>(api);
  const { clear, showProblem } = outcome;
  // Save as starts at the path offered for the choices the dialog opened with.
  const firstOfferedPath = useRef(offeredPath).current;

  useCoreAnswer(
    loadTargets,
    (answer) => {
      setTargets(answer);
      setPath((typed) => typed || firstOfferedPath(answer));
    },
    (error) => showProblem(messageForClerk(error)),
    [loadTargets, firstOfferedPath, showProblem],
  );

  function offer(offered: string | undefined): boolean {
    if (pathChosen || !offered) return false;
    setPath(offered);
    return true;
  }

  function typePath(next: string): void {
    setPath(next);
    setPathChosen(true);
    clear();
  }

  async function choose(): Promise<void> {
    try {
      const chosen = await chooseFile(path.trim() || (targets ? offeredPath(targets) : '') || '');
      if (chosen.path) {
        typePath(chosen.path);
        outcome.chosenInSaveDialog(chosen.path);
      }
    } catch (error) {
      showProblem(messageForClerk(error));
    }
  }

  /** `replace`: the clerk said Replace it to the file there. */
  async function exportTo(target: string, replace = false): Promise<void> {
    if (target.trim() === '') {
      showProblem(emptyPathProblem);
      return;
    }
    await outcome.run(async () => {
      const exported = await save(target, replace || outcome.replaceAnswered(target));
      if (exported) setPath(exported.path);
      return exported;
    });
  }

  /** Saves under the free name the core offered: it becomes the path in Save as. */
  function saveAsSuggested(suggestedPath: string): void {
    typePath(suggestedPath);
    void exportTo(suggestedPath);
  }

  return {
    outcome,
    targets,
    offer,
    adjustPath: setPath,
    form: { state: outcome, onExport: () => void exportTo(path), onSaveAsSuggested: saveAsSuggested, onReplace: () => void exportTo(path, true) },
    saveAs: { path, canChooseFile: targets?.canChooseFile ?? false, onType: typePath, onChoose: () => void choose() },
  };
}
