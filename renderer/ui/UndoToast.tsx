/**
 * Offers to bring back what the clerk just deleted or removed (an agenda item, a declaration, a
 * decision, an action). It stays until the clerk undoes, dismisses it or deletes another, rather
 * than timing out, so nobody has to race a clock to undo.
 */
interface UndoToastProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div className="toast">
      <p role="status" className="toast__message">
        {message}
      </p>
      <button type="button" className="button button--small" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

export function DeletedItemToast({ title, onUndo, onDismiss }: { title: string; onUndo: () => void; onDismiss: () => void }) {
  return <UndoToast message={`Deleted “${title.trim() === '' ? 'Untitled item' : title}”.`} onUndo={onUndo} onDismiss={onDismiss} />;
}
