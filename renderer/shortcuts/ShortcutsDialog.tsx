/**
 * The cheat sheet (F1): every shortcut of the meeting screen, straight from the shortcut table,
 * then the keys and typed triggers of the minutes editor, which the meeting screen passes in from
 * the editor's own tables (this folder may not import the editor's).
 */
import { Dialog } from '../ui/Dialog';
import { SHORTCUTS } from './shortcuts';

/** A row of the sheet: keys as the clerk reads them, and what they do. */
export interface KeyHelpRow {
  keys: string;
  description: string;
}

function KeyRow({ keys, description }: KeyHelpRow) {
  return (
    <tr>
      <td>
        <kbd>{keys}</kbd>
      </td>
      <td>{description}</td>
    </tr>
  );
}

export function ShortcutsDialog({ onClose, editorKeys = [] }: { onClose: () => void; editorKeys?: readonly KeyHelpRow[] }) {
  return (
    <Dialog title="Keyboard shortcuts" onCancel={onClose}>
      <table className="shortcuts-table">
        <caption className="visually-hidden">Keyboard shortcuts of the meeting screen</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <KeyRow key={shortcut.command} keys={shortcut.label} description={shortcut.description} />
          ))}
          <tr>
            <td>
              <kbd>@</kbd> or the first 3 letters of a surname
            </td>
            <td>In the minutes: offer the names of those present (Tab inserts the first; Up/Down then Enter to choose another; Escape closes)</td>
          </tr>
          <tr>
            <td>
              <kbd>Alt+ArrowUp</kbd> / <kbd>Alt+ArrowDown</kbd>
            </td>
            <td>On an agenda item: move it up or down the agenda</td>
          </tr>
          {editorKeys.map((row) => (
            <KeyRow key={row.keys} keys={row.keys} description={row.description} />
          ))}
        </tbody>
      </table>
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
