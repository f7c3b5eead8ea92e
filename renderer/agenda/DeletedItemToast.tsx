/**
 * Offers to bring back an agenda item just deleted. It stays until the clerk undoes, dismisses it or
 * deletes another item, rather than timing out, so nobody has to race a clock to undo.
 */
interface DeletedItemToastProps {
  title: string;
  onUndo: () => void;
  onDismiss: () => void;
}

export function DeletedItemToast({ title, onUndo, onDismiss }: DeletedItemToastProps) {
  return (
    <div className="toast">
      <p role="status" className="toast__message">
        Deleted “{title.trim() === '' ? 'Untitled item' : title}”.
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
